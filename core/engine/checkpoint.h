#pragma once
// Loading and exporting Hugging Face ViT folders (config.json, model.safetensors,
// preprocessor_config.json), in both Hub layouts: ViTForImageClassification ("vit." prefix +
// "classifier.*") and ViTModel (no prefix, an ignored "pooler.*", no head: the in21k checkpoint).
#include "engine/vit.h"
#include "engine/vit_config.h"

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace vitscope {

// What the model is loaded for. Training may start from any weights (a config alone trains from
// scratch; missing tensors are initialised, as transformers does, with a note). Prediction and
// evaluation need every backbone weight, finite: random or NaN weights give answers that look like
// answers (#17 item 16). Only a new classification head is allowed, and reported.
enum class LoadPurpose { Training, Inference };

// Loading for inference a folder that holds a configuration but no weights (a model meant to be
// trained, like the demo's): not damage, so the GUI says what to do instead of reporting a failure.
struct UntrainedModelError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct LoadOptions {
    // Labels the caller wants. When they differ from the checkpoint's (or it has no head), the
    // head is new and initialised as transformers does. Empty: keep the checkpoint's labels.
    std::vector<std::string> labels;
    torch::Device device = torch::kCPU;
    LoadPurpose purpose = LoadPurpose::Training;
};

struct LoadedModel {
    ViTForImageClassification model{nullptr};
    PreprocessConfig preprocess;
    std::vector<std::string> missingKeys;    // initialised fresh (e.g. classifier.* on a backbone)
    std::vector<std::string> unexpectedKeys; // present in the file but unused (e.g. pooler.*)
    bool fromScratch = false;                // config.json only: every weight initialised
    bool newHead = false;
    std::string layout; // "ViTForImageClassification", "ViTModel" or "config-only"

    const ViTConfig &config() const { return model->config(); }
    std::vector<std::string> messages() const; // human-readable load report
};

// Throws std::runtime_error with a clear message (missing files, shape mismatch naming the key and
// both shapes, malformed safetensors, ...).
LoadedModel loadModel(const std::string &folder, const LoadOptions &options = {});

// Writes a folder that transformers' from_pretrained loads as is. Uses atomic file writes.
void exportModel(ViTForImageClassification &model, const PreprocessConfig &preprocess, const std::string &folder);

// State dict in Hugging Face key names (CPU, contiguous, float32).
std::map<std::string, torch::Tensor> stateDict(ViTForImageClassification &model);

} // namespace vitscope

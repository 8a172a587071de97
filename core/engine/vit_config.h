#pragma once
// Hugging Face ViTConfig and ViTImageProcessor settings, read from and written to their JSON files.
#include <cstdint>
#include <string>
#include <vector>

namespace vitscope {

struct ViTConfig {
    int imageSize = 224;
    int patchSize = 16;
    int numChannels = 3;
    int hiddenSize = 768;
    int numHiddenLayers = 12;
    int numAttentionHeads = 12;
    int intermediateSize = 3072;
    std::string hiddenAct = "gelu"; // "gelu" (exact) or "gelu_new"/"gelu_pytorch_tanh" (tanh form)
    double layerNormEps = 1e-12;
    bool qkvBias = true;
    double hiddenDropout = 0.0;
    double attentionDropout = 0.0;
    double initializerRange = 0.02;
    int encoderStride = 16;
    std::vector<std::string> labels; // id2label in id order; empty when the checkpoint has none

    int numPatches() const { return (imageSize / patchSize) * (imageSize / patchSize); }
    // Parameters of ViTForImageClassification with this architecture and `numLabels` classes
    // (what a catalogue shows before anything is downloaded).
    int64_t parameterCount(int64_t numLabels) const;
    bool tanhGelu() const;
    void validate() const; // throws std::runtime_error naming the bad field
};

// Parses config.json text. Throws std::runtime_error on a non-ViT or inconsistent config.
ViTConfig parseViTConfig(const std::string &jsonText, const std::string &source = "config.json");
ViTConfig loadViTConfig(const std::string &path);
std::string viTConfigToJson(const ViTConfig &config); // architectures ViTForImageClassification

// The ViT-B/16 architecture of google/vit-base-patch16-224-in21k, and a tiny one for tests/demo.
ViTConfig vitBaseConfig();
ViTConfig vitTinyConfig(int imageSize = 64);

struct PreprocessConfig {
    int height = 224;
    int width = 224;
    bool doResize = true;
    int resample = 2; // PIL: 2 = bilinear, 3 = bicubic
    bool doRescale = true;
    double rescaleFactor = 1.0 / 255.0;
    bool doNormalize = true;
    std::vector<double> mean{0.5, 0.5, 0.5};
    std::vector<double> std{0.5, 0.5, 0.5};

    // A key identifying everything that changes resized pixels (for caches).
    std::string resizeKey() const;
};

// Parses preprocessor_config.json; absent fields take ViTImageProcessor's defaults with the
// model's image size.
PreprocessConfig parsePreprocessConfig(const std::string &jsonText, int defaultImageSize,
                                       const std::string &source = "preprocessor_config.json");
// A model folder's preprocessor_config.json (the defaults when there is none), checked against the
// model's image_size. Throws std::runtime_error naming the file and the field.
PreprocessConfig loadPreprocessConfig(const std::string &modelFolder, int imageSize);
PreprocessConfig defaultPreprocessConfig(int imageSize);
std::string preprocessConfigToJson(const PreprocessConfig &config);

} // namespace vitscope

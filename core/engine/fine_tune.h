#pragma once
// Fine-tune modes (config/choices.h FineTune): what trains, and where the frozen part ends.
// Frozen parameters behave as in transformers with requires_grad=False: no gradient, no AdamW
// state, no weight decay, and they are left out of the clipping norm.
#include "config/choices.h"
#include "engine/batch_source.h"
#include "engine/vit.h"

#include <string>

namespace vitscope {

// Whether the mode trains this parameter (Hugging Face names: "vit.encoder.layer.11.", "classifier.").
bool fineTuneTrains(const FineTune &fineTune, const std::string &parameterName, int layers);

// Sets requires_grad on every parameter; throws std::invalid_argument when last:K asks for more
// blocks than the model has. Returns the number of trainable parameters.
int64_t applyFineTune(ViTForImageClassification &model, const FineTune &fineTune);

// Where the frozen part's output enters the rest: pixels for full (nothing frozen), the tokens
// entering block L-K for last:K, the classifier's input for head.
ModelEntry frozenEntry(const FineTune &fineTune, int layers);

// The frozen part's output for every item of `images`, in memory (benchmarks; the data layer's
// FeatureDataset caches it on disk): computed in inference mode, batches of `batchSize`.
TensorBatchSource frozenFeatures(ViTForImageClassification &model, BatchSource &images, const FineTune &fineTune,
                                 const torch::Device &device, bool bf16, int batchSize);

} // namespace vitscope

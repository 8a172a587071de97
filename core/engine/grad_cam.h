#pragma once
// Grad-CAM (Selvaraju et al., 2017) for a ViT as pytorch-grad-cam computes it: the target layer is
// the last block's layernorm_before; its output tokens, CLS dropped, are laid out on the patch
// grid; each channel is weighted by the grid mean of the target logit's gradient, and the map is
// the ReLU of the weighted channel sum. A separate pass (fp32, gradients on), so a prediction's
// probabilities never come from it.
#include "engine/vit.h"

#include <torch/types.h>

#include <vector>

namespace vitscope {

// pixelValues [B, 3, S, S] on any device (moved to the model's); targets: one class per image,
// or empty for each image's argmax. Returns [B, gridH, gridW] float32 on the CPU, before any
// upsampling or normalisation.
torch::Tensor gradCam(ViTForImageClassification &model, const torch::Tensor &pixelValues,
                      const std::vector<int64_t> &targets = {});

// Scales each map of [B, H, W] so that its maximum is 1 (an all-zero map stays zero), for display.
torch::Tensor normalisedMaps(const torch::Tensor &maps);

} // namespace vitscope

#pragma once
// Attention rollout (Abnar & Zuidema, 2020): how much each image patch feeds the CLS token, the
// classifier's input, through all layers. Each layer's head-averaged attention is mixed with the
// identity (the residual path), rows renormalised, and the layers multiplied in order.
#include <torch/types.h>

#include <vector>

namespace vitscope {

// attentions: per layer [B, heads, T, T] with T = 1 + gridH * gridW. Returns [B, gridH, gridW],
// scaled so that each image's most attended patch is 1.
torch::Tensor attentionRollout(const std::vector<torch::Tensor> &attentions, int64_t gridH, int64_t gridW);

} // namespace vitscope

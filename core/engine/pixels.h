#pragma once
// Model input from resized pixels. Batches may carry uint8 pixels (what the cache holds) plus a
// [C, 256] table of ViTImageProcessor's float values for each byte; they are copied to the device
// as bytes (4x less traffic than float32) and looked up there, bit-identical to the CPU maths.
#include "engine/batch_source.h"
#include "engine/vit_config.h"

namespace vitscope {

// table[c][v] = float32((float32(v * rescale) - mean[c]) / std[c]), as ViTImageProcessor computes it.
torch::Tensor normalizationTable(const PreprocessConfig &config);

// uint8 [B, C, H, W] (or [C, H, W]) and a [C, 256] table, both on one device -> float32, same shape.
torch::Tensor normalizeBytes(const torch::Tensor &u8, const torch::Tensor &table);

// A CPU tensor on `device`, without making the host wait for queued GPU work.
torch::Tensor toDevice(const torch::Tensor &t, const torch::Device &device);

// The batch's pixels as float32 model input on `device`.
torch::Tensor modelInput(const Batch &batch, const torch::Device &device);

} // namespace vitscope

#pragma once
// What the trainer needs from a data set: examples addressed by index, served as batches of
// normalised floats or of resized bytes with their normalisation table (engine/pixels.h turns
// either into model input on the device). The data layer (cache + loader) implements it; tests
// and benchmarks use synthetic tensors.
#include "engine/model_entry.h"

#include <torch/types.h>

#include <cstdint>
#include <string>
#include <vector>

namespace vitscope {

struct Batch {
    // The model input: images [B, C, H, W] (float32 normalised, or uint8 resized pixels with
    // `table`), or, where `entry` is not Pixels, cached features of the frozen part (float32).
    torch::Tensor pixels;
    torch::Tensor labels; // [B] int64
    torch::Tensor table;  // [C, 256] float32 model input for each byte value, when pixels are uint8
    ModelEntry entry;     // where `pixels` enters the model
};

class BatchSource {
public:
    virtual ~BatchSource() = default;
    virtual int64_t size() const = 0;
    // augmentSeed != 0 asks for the recorded augmentations, seeded per batch (reproducible).
    virtual Batch batch(const std::vector<int64_t> &indices, uint64_t augmentSeed) = 0;
    virtual std::string itemName(int64_t index) const { return std::to_string(index); }
    virtual int64_t label(int64_t index) const = 0;
    virtual ModelEntry entry() const { return {}; } // where its batches enter the model
};

// In-memory tensors (benchmarks, tests): float32 pixels, or uint8 pixels with their table, or
// features that enter the model at `entry`.
class TensorBatchSource : public BatchSource {
public:
    TensorBatchSource(torch::Tensor pixels, torch::Tensor labels, torch::Tensor table = {}, ModelEntry entry = {});
    int64_t size() const override;
    Batch batch(const std::vector<int64_t> &indices, uint64_t augmentSeed) override;
    int64_t label(int64_t index) const override;
    ModelEntry entry() const override { return m_entry; }

private:
    torch::Tensor m_pixels, m_labels, m_table;
    ModelEntry m_entry;
};

} // namespace vitscope

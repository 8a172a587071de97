#pragma once
// What the trainer needs from a data set: examples addressed by index, served as normalised
// float batches. The data layer (cache + loader) implements it; tests and benchmarks use
// synthetic tensors.
#include <torch/types.h>

#include <cstdint>
#include <string>
#include <vector>

namespace vitscope {

struct Batch {
    torch::Tensor pixels; // [B, C, H, W] float32, normalised
    torch::Tensor labels; // [B] int64
};

class BatchSource {
public:
    virtual ~BatchSource() = default;
    virtual int64_t size() const = 0;
    // augmentSeed != 0 asks for the recorded augmentations, seeded per batch (reproducible).
    virtual Batch batch(const std::vector<int64_t> &indices, uint64_t augmentSeed) = 0;
    virtual std::string itemName(int64_t index) const { return std::to_string(index); }
    virtual int64_t label(int64_t index) const = 0;
};

// In-memory tensors (benchmarks, tests).
class TensorBatchSource : public BatchSource {
public:
    TensorBatchSource(torch::Tensor pixels, torch::Tensor labels);
    int64_t size() const override;
    Batch batch(const std::vector<int64_t> &indices, uint64_t augmentSeed) override;
    int64_t label(int64_t index) const override;

private:
    torch::Tensor m_pixels, m_labels;
};

} // namespace vitscope

#include "engine/batch_source.h"

#include <torch/torch.h>

namespace vitscope {

TensorBatchSource::TensorBatchSource(torch::Tensor pixels, torch::Tensor labels, torch::Tensor table, ModelEntry entry)
    : m_pixels(std::move(pixels)), m_labels(std::move(labels)), m_table(std::move(table)), m_entry(entry)
{
    TORCH_CHECK(m_pixels.scalar_type() != torch::kUInt8 || m_table.defined(), "uint8 pixels need a normalisation table");
}

int64_t TensorBatchSource::size() const
{
    return m_pixels.size(0);
}

Batch TensorBatchSource::batch(const std::vector<int64_t> &indices, uint64_t)
{
    auto idx = torch::tensor(indices, torch::kInt64);
    return {.pixels = m_pixels.index_select(0, idx), .labels = m_labels.index_select(0, idx), .table = m_table, .entry = m_entry};
}

int64_t TensorBatchSource::label(int64_t index) const
{
    return m_labels[index].item<int64_t>();
}

} // namespace vitscope

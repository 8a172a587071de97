#include "engine/pixels.h"

#include <torch/torch.h>

namespace vitscope {

torch::Tensor normalizationTable(const PreprocessConfig &config)
{
    TORCH_CHECK(config.mean.size() == 3 && config.std.size() == 3, "image_mean and image_std need 3 values");
    auto table = torch::empty({3, 256}, torch::kFloat32);
    auto t = table.accessor<float, 2>();
    for (int c = 0; c < 3; ++c) {
        const float mean = static_cast<float>(config.mean[c]), std = static_cast<float>(config.std[c]);
        for (int v = 0; v < 256; ++v) {
            // Rescaling happens in float64 and is then cast to float32; normalisation is float32.
            float x = config.doRescale ? static_cast<float>(static_cast<double>(v) * config.rescaleFactor) : static_cast<float>(v);
            if (config.doNormalize)
                x = (x - mean) / std;
            t[c][v] = x;
        }
    }
    return table;
}

torch::Tensor normalizeBytes(const torch::Tensor &u8, const torch::Tensor &table)
{
    TORCH_CHECK(u8.scalar_type() == torch::kUInt8, "normalizeBytes expects uint8 pixels");
    TORCH_CHECK(u8.dim() >= 3 && u8.size(-3) == table.size(0) && table.size(1) == 256,
                "pixels ", u8.sizes(), " do not match a normalisation table ", table.sizes());
    if (!u8.is_cpu()) {
        // Index into the flattened table: channel c's byte v sits at c * 256 + v.
        auto offsets = torch::arange(table.size(0), u8.options().dtype(torch::kInt64)).mul_(256).view({-1, 1, 1});
        return torch::take(table, u8.to(torch::kInt64).add_(offsets));
    }
    // On the CPU a plain lookup loop is several times faster than the gather above.
    const auto in = u8.contiguous();
    const auto lut = table.to(torch::kFloat32).contiguous();
    auto out = torch::empty(in.sizes(), torch::kFloat32);
    const int64_t channels = table.size(0), plane = in.size(-1) * in.size(-2);
    const int64_t planes = in.numel() / plane;
    const uint8_t *src = in.data_ptr<uint8_t>();
    const float *values = lut.data_ptr<float>();
    float *dst = out.data_ptr<float>();
    for (int64_t i = 0; i < planes; ++i) {
        const float *row = values + (i % channels) * 256;
        for (int64_t p = 0; p < plane; ++p)
            dst[i * plane + p] = row[src[i * plane + p]];
    }
    return out;
}

torch::Tensor toDevice(const torch::Tensor &t, const torch::Device &device)
{
    if (t.device() == device)
        return t;
    // From pageable memory a CUDA copy waits for the work queued before it; from pinned memory it
    // is queued behind that work and the host runs on to prepare the next step.
    if (device.is_cuda() && t.is_cpu())
        return t.pin_memory().to(device, /*non_blocking=*/true);
    return t.to(device);
}

torch::Tensor modelInput(const Batch &batch, const torch::Device &device)
{
    if (batch.pixels.scalar_type() != torch::kUInt8)
        return toDevice(batch.pixels, device).to(torch::kFloat32);
    TORCH_CHECK(batch.table.defined(), "a uint8 batch needs its normalisation table");
    return normalizeBytes(toDevice(batch.pixels, device), toDevice(batch.table, device));
}

} // namespace vitscope

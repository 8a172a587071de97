#pragma once
// ViTImageProcessor, exactly: PIL convert("RGB") -> PIL resize -> x * rescale_factor (in float64,
// then float32) -> (x - mean) / std (float32). Resized pixels are kept as uint8 (what the cache
// stores); normalisation is a per-channel lookup table, bit-identical to the float maths.
#include "data/image_io.h"
#include "engine/vit_config.h"

#include <torch/types.h>

#include <string>

namespace vitscope {

class Preprocessor {
public:
    explicit Preprocessor(const PreprocessConfig &config);
    const PreprocessConfig &config() const { return m_config; }

    // [3, H, W] uint8, RGB. Throws ImageError for unusable images.
    torch::Tensor resize(const DecodedImage &image) const;
    torch::Tensor loadResized(const std::string &path) const;
    // Writes the resized pixels to `out` (3*H*W bytes).
    void resizeInto(const DecodedImage &image, uint8_t *out) const;

    // uint8 [B, 3, H, W] or [3, H, W] -> float32 model input, same shape.
    torch::Tensor normalize(const torch::Tensor &u8) const;
    // [3, 256]: the model input for each byte value (engine/pixels.h), for batches served as bytes.
    const torch::Tensor &table() const { return m_table; }
    // Path -> [1, 3, H, W] float32 model input.
    torch::Tensor load(const std::string &path) const;

private:
    PreprocessConfig m_config;
    torch::Tensor m_table; // [3, 256] float32
};

} // namespace vitscope

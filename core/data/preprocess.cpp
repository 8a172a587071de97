#include "data/preprocess.h"

#include "data/pil_resize.h"
#include "engine/pixels.h"

#include <torch/torch.h>

namespace vitscope {

Preprocessor::Preprocessor(const PreprocessConfig &config) : m_config(config), m_table(normalizationTable(config))
{
    const auto t = m_table.accessor<float, 2>();
    for (int c = 0; c < 3; ++c)
        for (int v = 0; v < 256; ++v)
            m_lut[c][v] = t[c][v];
}

void Preprocessor::resizeInto(const DecodedImage &image, uint8_t *out) const
{
    if (!m_config.doResize && (image.width != m_config.width || image.height != m_config.height))
        throw ImageError("image is " + std::to_string(image.width) + "x" + std::to_string(image.height) +
                         " but the model takes " + std::to_string(m_config.width) + "x" + std::to_string(m_config.height) +
                         " and its preprocessor does not resize");
    pilResizeToChw(image.bgr, m_config.width, m_config.height,
                   m_config.resample == 3 ? PilFilter::Bicubic : PilFilter::Bilinear, out);
}

torch::Tensor Preprocessor::resize(const DecodedImage &image) const
{
    auto out = torch::empty({3, m_config.height, m_config.width}, torch::kUInt8);
    resizeInto(image, out.data_ptr<uint8_t>());
    return out;
}

torch::Tensor Preprocessor::loadResized(const std::string &path) const
{
    return resize(decodeImageFile(path));
}

torch::Tensor Preprocessor::normalize(const torch::Tensor &u8) const
{
    TORCH_CHECK(u8.scalar_type() == torch::kUInt8, "normalize expects uint8 pixels");
    auto in = u8.contiguous();
    auto out = torch::empty(in.sizes(), torch::kFloat32);
    const int64_t plane = in.size(-1) * in.size(-2);
    const int64_t images = in.numel() / (3 * plane);
    const uint8_t *src = in.data_ptr<uint8_t>();
    float *dst = out.data_ptr<float>();
    for (int64_t i = 0; i < images; ++i)
        for (int c = 0; c < 3; ++c) {
            const auto &lut = m_lut[c];
            const int64_t base = (i * 3 + c) * plane;
            for (int64_t p = 0; p < plane; ++p)
                dst[base + p] = lut[src[base + p]];
        }
    return out;
}

torch::Tensor Preprocessor::load(const std::string &path) const
{
    return normalize(loadResized(path)).unsqueeze(0);
}

} // namespace vitscope

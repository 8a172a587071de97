#include "data/preprocess.h"

#include "data/pil_resize.h"
#include "engine/pixels.h"

#include <torch/torch.h>

namespace vitscope {

Preprocessor::Preprocessor(const PreprocessConfig &config) : m_config(config), m_table(normalizationTable(config))
{
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
    return normalizeBytes(u8, m_table);
}

torch::Tensor Preprocessor::load(const std::string &path) const
{
    return normalize(loadResized(path)).unsqueeze(0);
}

} // namespace vitscope

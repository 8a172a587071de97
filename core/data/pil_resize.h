#pragma once
// A port of Pillow's ImagingResample for 8-bit RGB (the resize ViTImageProcessor uses): separable
// convolution whose filter support grows with the reduction factor (antialiasing), coefficients in
// 22-bit fixed point, horizontal pass first into an 8-bit intermediate, then vertical. This is why
// it matches PIL to the grey level where cv::resize does not.
#include <opencv2/core/mat.hpp>

#include <cstdint>

namespace vitscope {

enum class PilFilter { Bilinear = 2, Bicubic = 3 };

// `bgr`: CV_8UC3 in OpenCV order. Writes planar RGB (3 x outH x outW) to `outChw`.
void pilResizeToChw(const cv::Mat &bgr, int outW, int outH, PilFilter filter, uint8_t *outChw);

} // namespace vitscope

#include "data/pil_resize.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <vector>

namespace vitscope {
namespace {

constexpr int kPrecisionBits = 32 - 8 - 2;

double bilinear(double x)
{
    x = std::abs(x);
    return x < 1.0 ? 1.0 - x : 0.0;
}

double bicubic(double x)
{
    constexpr double a = -0.5;
    x = std::abs(x);
    if (x < 1.0)
        return ((a + 2.0) * x - (a + 3.0)) * x * x + 1;
    if (x < 2.0)
        return (((x - 5) * x + 8) * x - 4) * a;
    return 0.0;
}

struct Coefficients {
    int ksize = 0;
    std::vector<int> bounds; // per output: first input index, count
    std::vector<int32_t> kk; // per output: ksize fixed-point weights
};

// precompute_coeffs + normalize_coeffs_8bpc of Pillow's Resample.c.
Coefficients precompute(int inSize, int outSize, PilFilter filter)
{
    const double support0 = filter == PilFilter::Bilinear ? 1.0 : 2.0;
    const auto fn = filter == PilFilter::Bilinear ? bilinear : bicubic;
    const double scale = static_cast<double>(inSize) / outSize;
    const double filterscale = std::max(scale, 1.0);
    const double support = support0 * filterscale;
    Coefficients c;
    c.ksize = static_cast<int>(std::ceil(support)) * 2 + 1;
    c.bounds.resize(static_cast<std::size_t>(outSize) * 2);
    c.kk.assign(static_cast<std::size_t>(outSize) * c.ksize, 0);
    std::vector<double> k(static_cast<std::size_t>(c.ksize));
    for (int xx = 0; xx < outSize; ++xx) {
        const double center = (xx + 0.5) * scale;
        const double ss = 1.0 / filterscale;
        int xmin = static_cast<int>(center - support + 0.5);
        xmin = std::max(xmin, 0);
        int xmax = static_cast<int>(center + support + 0.5);
        xmax = std::min(xmax, inSize) - xmin;
        double ww = 0.0;
        for (int x = 0; x < xmax; ++x) {
            k[x] = fn((x + xmin - center + 0.5) * ss);
            ww += k[x];
        }
        for (int x = 0; x < xmax; ++x) {
            const double w = ww != 0.0 ? k[x] / ww : k[x];
            c.kk[static_cast<std::size_t>(xx) * c.ksize + x] =
                static_cast<int32_t>(w < 0 ? -0.5 + w * (1 << kPrecisionBits) : 0.5 + w * (1 << kPrecisionBits));
        }
        c.bounds[xx * 2] = xmin;
        c.bounds[xx * 2 + 1] = xmax;
    }
    return c;
}

inline uint8_t clip8(int32_t in)
{
    if (in >= (1 << kPrecisionBits << 8))
        return 255;
    if (in <= 0)
        return 0;
    return static_cast<uint8_t>(in >> kPrecisionBits);
}

} // namespace

void pilResizeToChw(const cv::Mat &bgr, int outW, int outH, PilFilter filter, uint8_t *out)
{
    if (bgr.type() != CV_8UC3 || bgr.empty())
        throw std::invalid_argument("pilResizeToChw needs a non-empty 8-bit 3-channel image");
    const int inW = bgr.cols, inH = bgr.rows;
    const Coefficients h = precompute(inW, outW, filter);
    Coefficients v = precompute(inH, outH, filter);
    const bool needH = outW != inW, needV = outH != inH;

    // Rows of the source the vertical pass will read.
    const int yFirst = needV ? v.bounds[0] : 0;
    const int yLast = needV ? v.bounds[outH * 2 - 2] + v.bounds[outH * 2 - 1] : inH;
    if (needV)
        for (int i = 0; i < outH; ++i)
            v.bounds[i * 2] -= yFirst;

    // Horizontal pass into an interleaved BGR 8-bit intermediate (as Pillow keeps 8-bit there).
    const int tmpH = yLast - yFirst;
    std::vector<uint8_t> tmp;
    const uint8_t *src;
    std::size_t srcStride;
    if (needH) {
        tmp.resize(static_cast<std::size_t>(tmpH) * outW * 3);
        for (int y = 0; y < tmpH; ++y) {
            const uint8_t *row = bgr.ptr<uint8_t>(y + yFirst);
            uint8_t *dst = &tmp[static_cast<std::size_t>(y) * outW * 3];
            for (int xx = 0; xx < outW; ++xx) {
                const int xmin = h.bounds[xx * 2], xmax = h.bounds[xx * 2 + 1];
                const int32_t *k = &h.kk[static_cast<std::size_t>(xx) * h.ksize];
                int32_t s0 = 1 << (kPrecisionBits - 1), s1 = s0, s2 = s0;
                const uint8_t *p = row + xmin * 3;
                for (int x = 0; x < xmax; ++x, p += 3) {
                    s0 += p[0] * k[x];
                    s1 += p[1] * k[x];
                    s2 += p[2] * k[x];
                }
                dst[xx * 3] = clip8(s0);
                dst[xx * 3 + 1] = clip8(s1);
                dst[xx * 3 + 2] = clip8(s2);
            }
        }
        src = tmp.data();
        srcStride = static_cast<std::size_t>(outW) * 3;
    } else {
        src = bgr.ptr<uint8_t>(yFirst);
        srcStride = bgr.step; // rows are addressed by stride, so non-continuous Mats are fine
    }

    const std::size_t plane = static_cast<std::size_t>(outW) * outH;
    uint8_t *outR = out, *outG = out + plane, *outB = out + 2 * plane;
    if (!needV) {
        for (int y = 0; y < outH; ++y) {
            const uint8_t *row = src + y * srcStride;
            for (int x = 0; x < outW; ++x) {
                outB[y * outW + x] = row[x * 3];
                outG[y * outW + x] = row[x * 3 + 1];
                outR[y * outW + x] = row[x * 3 + 2];
            }
        }
        return;
    }
    std::vector<int32_t> acc(static_cast<std::size_t>(outW) * 3);
    for (int yy = 0; yy < outH; ++yy) {
        const int ymin = v.bounds[yy * 2], ymax = v.bounds[yy * 2 + 1];
        const int32_t *k = &v.kk[static_cast<std::size_t>(yy) * v.ksize];
        std::fill(acc.begin(), acc.end(), 1 << (kPrecisionBits - 1));
        for (int y = 0; y < ymax; ++y) {
            const uint8_t *row = src + (ymin + y) * srcStride;
            const int32_t w = k[y];
            for (int i = 0; i < outW * 3; ++i)
                acc[i] += row[i] * w;
        }
        for (int x = 0; x < outW; ++x) {
            outB[yy * outW + x] = clip8(acc[x * 3]);
            outG[yy * outW + x] = clip8(acc[x * 3 + 1]);
            outR[yy * outW + x] = clip8(acc[x * 3 + 2]);
        }
    }
}

} // namespace vitscope

#include "engine/adamw_cpu.h"

#include <ATen/Parallel.h>
#include <torch/torch.h>

#include <cmath>

namespace vitscope {
namespace {

// The foreach path's scalars as ATen's float kernels see them: each one rounded to float.
struct Scalars {
    float decay, lerpWeight, beta2, sqWeight, bc2Sqrt, eps, negStepSize;
};

// One element of the foreach sequence: mul_ (decay), lerp_, mul_, addcmul_, sqrt, div_, add_, addcdiv_.
// Kept as plain float arithmetic so that the compiler vectorises it (adamw_cpu.cpp is compiled
// with -fno-math-errno, which lets sqrt vectorise; the results are the same, correctly rounded).
template <bool Decays>
void update(float *__restrict p, const float *__restrict g, float *__restrict m, float *__restrict v, int64_t n,
            const Scalars &s)
{
    for (int64_t i = 0; i < n; ++i) {
        const float weight = Decays ? p[i] * s.decay : p[i];
        const float grad = g[i];
        const float avg = m[i] + s.lerpWeight * (grad - m[i]); // lerp with a weight below 0.5, as ATen
        const float sq = v[i] * s.beta2 + s.sqWeight * grad * grad;
        const float denom = std::sqrt(sq) / s.bc2Sqrt + s.eps;
        m[i] = avg;
        v[i] = sq;
        p[i] = weight + s.negStepSize * (avg / denom);
    }
}

} // namespace

bool adamwCpuApplies(const torch::Tensor &param, const torch::Tensor &grad, const torch::Tensor &expAvg,
                     const torch::Tensor &expAvgSq)
{
    for (const auto *t : {&param, &grad, &expAvg, &expAvgSq})
        if (!t->defined() || !t->device().is_cpu() || t->scalar_type() != torch::kFloat32 || !t->is_contiguous() ||
            t->numel() != param.numel())
            return false;
    return true;
}

void adamwStepCpu(torch::Tensor &param, const torch::Tensor &grad, torch::Tensor &expAvg, torch::Tensor &expAvgSq,
                  const AdamWStepScalars &s)
{
    TORCH_CHECK(adamwCpuApplies(param, grad, expAvg, expAvgSq), "the CPU AdamW step needs float32 contiguous CPU tensors");
    TORCH_CHECK(1.0 - s.beta1 < 0.5, "beta1 must be above 0.5 for the CPU AdamW step"); // lerp's branch
    const Scalars k{static_cast<float>(1.0 - s.lr * s.weightDecay), static_cast<float>(1.0 - s.beta1),
                    static_cast<float>(s.beta2),                    static_cast<float>(1.0 - s.beta2),
                    static_cast<float>(s.bc2Sqrt),                  static_cast<float>(s.eps),
                    static_cast<float>(-s.stepSize)};
    const bool decays = s.weightDecay != 0.0;
    float *p = param.data_ptr<float>(), *m = expAvg.data_ptr<float>(), *v = expAvgSq.data_ptr<float>();
    const float *g = grad.data_ptr<float>();
    // Chunks of 64 KB per array: large enough to stream, small enough to share two threads well.
    at::parallel_for(0, param.numel(), 16384, [&](int64_t begin, int64_t end) {
        (decays ? update<true> : update<false>)(p + begin, g + begin, m + begin, v + begin, end - begin, k);
    });
}

} // namespace vitscope

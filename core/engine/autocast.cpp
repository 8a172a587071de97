#include "engine/autocast.h"

#include <ATen/autocast_mode.h>
#include <torch/version.h>

#define VITSCOPE_NEW_AUTOCAST_API (TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4))

namespace vitscope {

// CPU autocast as torch.autocast("cpu", dtype=torch.bfloat16): LibTorch's own CPU policy (which
// ops run in bf16, which stay float32), fp32 master weights.
AutocastGuard::AutocastGuard(const torch::Device &device, bool bf16) : m_active(bf16), m_cuda(device.is_cuda())
{
    if (!m_active)
        return;
#if VITSCOPE_NEW_AUTOCAST_API
    const auto type = m_cuda ? at::kCUDA : at::kCPU;
    at::autocast::set_autocast_dtype(type, at::kBFloat16);
    at::autocast::set_autocast_enabled(type, true);
#else
    if (m_cuda) {
        at::autocast::set_autocast_gpu_dtype(at::kBFloat16);
        at::autocast::set_enabled(true);
    } else {
        at::autocast::set_autocast_cpu_dtype(at::kBFloat16);
        at::autocast::set_cpu_enabled(true);
    }
#endif
}

AutocastGuard::~AutocastGuard()
{
    if (!m_active)
        return;
#if VITSCOPE_NEW_AUTOCAST_API
    at::autocast::set_autocast_enabled(m_cuda ? at::kCUDA : at::kCPU, false);
#else
    if (m_cuda)
        at::autocast::set_enabled(false);
    else
        at::autocast::set_cpu_enabled(false);
#endif
    at::autocast::clear_cache();
}

torch::Tensor autocastOperand(const torch::Tensor &t)
{
    if (!t.defined() || !(t.is_cpu() || t.is_cuda()))
        return t;
    const auto type = t.is_cuda() ? at::kCUDA : at::kCPU;
#if VITSCOPE_NEW_AUTOCAST_API
    if (!at::autocast::is_autocast_enabled(type))
        return t;
    return at::autocast::cached_cast(at::autocast::get_autocast_dtype(type), t, type);
#else
    if (!(t.is_cuda() ? at::autocast::is_enabled() : at::autocast::is_cpu_enabled()))
        return t;
    return at::autocast::cached_cast(t.is_cuda() ? at::autocast::get_autocast_gpu_dtype() : at::autocast::get_autocast_cpu_dtype(), t, type);
#endif
}

} // namespace vitscope

#include "engine/autocast.h"

#include <ATen/autocast_mode.h>
#include <torch/version.h>

#define VITSCOPE_NEW_AUTOCAST_API (TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4))

namespace vitscope {

AutocastGuard::AutocastGuard(const torch::Device &device, bool bf16) : m_active(bf16 && device.is_cuda())
{
    if (!m_active)
        return;
#if VITSCOPE_NEW_AUTOCAST_API
    at::autocast::set_autocast_dtype(at::kCUDA, at::kBFloat16);
    at::autocast::set_autocast_enabled(at::kCUDA, true);
#else
    at::autocast::set_autocast_gpu_dtype(at::kBFloat16);
    at::autocast::set_enabled(true);
#endif
}

AutocastGuard::~AutocastGuard()
{
    if (!m_active)
        return;
#if VITSCOPE_NEW_AUTOCAST_API
    at::autocast::set_autocast_enabled(at::kCUDA, false);
#else
    at::autocast::set_enabled(false);
#endif
    at::autocast::clear_cache();
}

} // namespace vitscope

#pragma once
// bf16 autocast on CUDA across LibTorch 1.13 and 2.x (the API moved in 2.4). No-op on CPU.
#include <ATen/autocast_mode.h>
#include <torch/types.h>
#include <torch/version.h>

namespace vitscope {

class AutocastGuard {
public:
    AutocastGuard(const torch::Device &device, bool bf16) : m_active(bf16 && device.is_cuda())
    {
        if (!m_active)
            return;
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4)
        at::autocast::set_autocast_dtype(at::kCUDA, at::kBFloat16);
        at::autocast::set_autocast_enabled(at::kCUDA, true);
#else
        at::autocast::set_autocast_gpu_dtype(at::kBFloat16);
        at::autocast::set_enabled(true);
#endif
    }
    ~AutocastGuard()
    {
        if (!m_active)
            return;
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4)
        at::autocast::set_autocast_enabled(at::kCUDA, false);
#else
        at::autocast::set_enabled(false);
#endif
        at::autocast::clear_cache();
    }
    AutocastGuard(const AutocastGuard &) = delete;
    AutocastGuard &operator=(const AutocastGuard &) = delete;

private:
    bool m_active;
};

} // namespace vitscope

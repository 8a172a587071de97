#pragma once
// bf16 autocast on CUDA and on the CPU across LibTorch 1.13 and 2.x (the API moved in 2.4).
#include <torch/types.h>

namespace vitscope {

class AutocastGuard {
public:
    AutocastGuard(const torch::Device &device, bool bf16);
    ~AutocastGuard();
    AutocastGuard(const AutocastGuard &) = delete;
    AutocastGuard &operator=(const AutocastGuard &) = delete;

private:
    bool m_active, m_cuda;
};

// What autocast would hand a GEMM on the tensor's device: its cached lower-precision copy (a
// weight's cast is made once per autocast region) while autocast is on there, else the tensor.
// For operands that are combined before the GEMM, such as query, key and value in one.
torch::Tensor autocastOperand(const torch::Tensor &t);

} // namespace vitscope

#pragma once
#include "config/choices.h"
// Compute device selection, thread setup and version reporting.
#include <torch/types.h>

#include <exception>
#include <string>

namespace vitscope {

// "auto" picks CUDA when available; "cpu", "cuda", "cuda:N". Throws on an unavailable device.
torch::Device selectDevice(const std::string &request = "auto");

// Sets LibTorch's intra-op threads (LibTorch defaults to 1 here); 0 means all cores.
int configureThreads(int threads = 0);

std::string deviceDescription(const torch::Device &device); // "NVIDIA H200" or "CPU, 2 threads"
std::string libtorchVersion();
std::string cudaVersion();  // empty when not built with CUDA
std::string cudnnVersion(); // empty when unavailable
bool bf16Supported(const torch::Device &device); // CUDA, or a CPU with native bf16
std::string bf16Refusal(const torch::Device &device); // why bf16 is refused here, and what to do
// Whether to compute in bf16: fp32 never; bf16 where supported (else throws std::invalid_argument
// with bf16Refusal()); auto where bf16 is native.
bool useBf16(Precision precision, const torch::Device &device);
// On CUDA, lets fp32 matmuls and convolutions use TF32 tensor cores (as the recipe allows).
void allowTensorFloat32(const torch::Device &device);

// An exception's message for a person: LibTorch's own errors without their C++ stack trace, and an
// allocation failure as "out of memory" with the size asked for (#17 item 19).
std::string errorText(const std::exception &e);

} // namespace vitscope

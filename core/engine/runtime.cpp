#include "engine/runtime.h"

#include "engine/cpu_features.h"
#include "engine/cuda_info.h"

#include <ATen/detail/CUDAHooksInterface.h>

#include <torch/torch.h>
#include <torch/version.h>

#include <cstdlib>
#include <thread>

namespace vitscope {

torch::Device selectDevice(const std::string &request)
{
    if (request.empty() || request == "auto")
        return torch::cuda::is_available() ? torch::Device(torch::kCUDA, 0) : torch::Device(torch::kCPU);
    torch::Device device(torch::kCPU);
    try {
        device = torch::Device(request);
    } catch (const std::exception &) {
        throw std::runtime_error("unknown device '" + request + "' (auto, cpu, cuda, cuda:N)");
    }
    if (device.is_cuda()) {
        if (!torch::cuda::is_available())
            throw std::runtime_error("device '" + request + "' requested but no CUDA device is available " +
                                     (at::hasCUDA() ? std::string("(no NVIDIA GPU or driver was found)")
                                                    : std::string("(this LibTorch build has no CUDA support: build vitscope "
                                                                  "against a CUDA LibTorch through CMAKE_PREFIX_PATH)")));
        if (device.has_index() && device.index() >= static_cast<int>(torch::cuda::device_count()))
            throw std::runtime_error("device '" + request + "' does not exist");
        if (!device.has_index())
            device = torch::Device(torch::kCUDA, 0);
    } else if (!device.is_cpu()) {
        throw std::runtime_error("device '" + request + "' is not supported (auto, cpu, cuda)");
    }
    return device;
}

int configureThreads(int threads)
{
    if (threads <= 0)
        threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    torch::set_num_threads(threads);
    return threads;
}

std::string deviceDescription(const torch::Device &device)
{
    if (device.is_cuda()) {
        const int index = device.has_index() ? device.index() : 0;
        if (const auto info = cudaInfo(index))
            return info->name + " (cuda:" + std::to_string(index) + ")";
        return "CUDA device " + std::to_string(index);
    }
    const int threads = torch::get_num_threads();
    return "CPU, " + std::to_string(threads) + (threads == 1 ? " thread" : " threads");
}

std::string libtorchVersion()
{
    return TORCH_VERSION;
}

std::string cudaVersion()
{
    if (!torch::cuda::is_available())
        return {};
    const auto info = cudaInfo(0);
    if (!info)
        return "available";
    return info->runtime.empty() ? "driver " + info->driver : info->runtime + " (driver " + info->driver + ")";
}

std::string cudnnVersion()
{
    if (!torch::cuda::cudnn_is_available())
        return {};
    return formatCudnnVersion(at::detail::getCUDAHooks().versionCuDNN());
}

void allowTensorFloat32(const torch::Device &device)
{
    if (!device.is_cuda())
        return;
    at::globalContext().setFloat32MatmulPrecision("high"); // torch.set_float32_matmul_precision, in 1.13 and 2.x
    at::globalContext().setAllowTF32CuDNN(true);
}

bool bf16Supported(const torch::Device &device)
{
    // Every GPU that current CUDA LibTorch builds run on computes bf16; a CPU only where it is native.
    return device.is_cuda() || cpuHasNativeBf16();
}

std::string bf16Refusal(const torch::Device &device)
{
    return "bf16 needs a CUDA GPU or a CPU with native bf16 (AMX-BF16 or AVX512-BF16); this " + deviceDescription(device) +
           " has " + cpuBf16Description() + ". Use --precision fp32, or auto (bf16 where it is native, else fp32).";
}

} // namespace vitscope

namespace vitscope {

bool useBf16(Precision precision, const torch::Device &device)
{
    switch (precision) {
    case Precision::Fp32:
        return false;
    case Precision::Bf16:
        if (!bf16Supported(device))
            throw std::invalid_argument(bf16Refusal(device));
        return true;
    case Precision::Auto:
        return bf16Supported(device);
    }
    return false;
}

std::string errorText(const std::exception &e)
{
    const auto *torchError = dynamic_cast<const c10::Error *>(&e);
    std::string text = torchError ? torchError->what_without_backtrace() : e.what();
    // "[enforce fail at alloc_cpu.cpp:75] err == 0. DefaultCPUAllocator: can't allocate memory: you tried to
    // allocate 10737418240 bytes." -> "out of memory (11 GB more were asked for)".
    if (text.find("not enough memory") != std::string::npos || text.find("can't allocate memory") != std::string::npos ||
        text.find("out of memory") != std::string::npos) {
        const std::string asked = "tried to allocate ";
        const auto at = text.find(asked);
        const double bytes = at == std::string::npos ? 0 : std::atof(text.c_str() + at + asked.size());
        return bytes > 0 ? "out of memory (" + std::to_string(static_cast<int64_t>(bytes / 1e9 + 0.5)) + " GB more were asked for)"
                         : std::string("out of memory");
    }
    if (const auto frame = text.find("\nframe #"); frame != std::string::npos)
        text.erase(frame);
    if (const auto exception = text.find("Exception raised from"); exception != std::string::npos)
        text.erase(exception);
    while (!text.empty() && (text.back() == '\n' || text.back() == ' '))
        text.pop_back();
    return text;
}

} // namespace vitscope

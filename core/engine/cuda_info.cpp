#include "engine/cuda_info.h"

#include <dlfcn.h>

#include <array>

namespace vitscope {
namespace {

// The few driver entry points used here, declared as the driver API defines them (CUresult is an
// int enum, CUdevice an int).
using CuInit = int (*)(unsigned int);
using CuDeviceGet = int (*)(int *, int);
using CuDeviceGetName = int (*)(char *, int, int);
using CuDeviceTotalMem = int (*)(std::size_t *, int);
using CuDriverGetVersion = int (*)(int *);
using CudaRuntimeGetVersion = int (*)(int *);

template <typename F>
F symbol(void *library, const char *name)
{
    return reinterpret_cast<F>(dlsym(library, name));
}

} // namespace

std::string formatCudaVersion(int version)
{
    return std::to_string(version / 1000) + "." + std::to_string(version % 1000 / 10);
}

std::string formatCudnnVersion(long version)
{
    if (version >= 90000) // cuDNN 9: major * 10000 + minor * 100 + patch
        return std::to_string(version / 10000) + "." + std::to_string(version % 10000 / 100) + "." + std::to_string(version % 100);
    return std::to_string(version / 1000) + "." + std::to_string(version % 1000 / 100) + "." + std::to_string(version % 100);
}

std::optional<CudaInfo> cudaInfo(int device)
{
    static void *const driver = dlopen("libcuda.so.1", RTLD_NOW | RTLD_LOCAL); // kept open: cheap, and reused
    if (!driver)
        return std::nullopt;
    const auto init = symbol<CuInit>(driver, "cuInit");
    const auto get = symbol<CuDeviceGet>(driver, "cuDeviceGet");
    const auto getName = symbol<CuDeviceGetName>(driver, "cuDeviceGetName");
    const auto totalMem = symbol<CuDeviceTotalMem>(driver, "cuDeviceTotalMem_v2");
    const auto driverVersion = symbol<CuDriverGetVersion>(driver, "cuDriverGetVersion");
    int handle = 0;
    if (!init || !get || !getName || init(0) != 0 || get(&handle, device) != 0)
        return std::nullopt;
    CudaInfo info;
    std::array<char, 256> name{};
    if (getName(name.data(), static_cast<int>(name.size()) - 1, handle) != 0)
        return std::nullopt;
    info.name = name.data();
    std::size_t bytes = 0;
    if (totalMem && totalMem(&bytes, handle) == 0)
        info.memoryGiB = static_cast<double>(bytes) / (1024.0 * 1024.0 * 1024.0);
    int version = 0;
    if (driverVersion && driverVersion(&version) == 0)
        info.driver = formatCudaVersion(version);
    // LibTorch's CUDA library has loaded the runtime into the global scope.
    if (const auto runtime = symbol<CudaRuntimeGetVersion>(RTLD_DEFAULT, "cudaRuntimeGetVersion"); runtime && runtime(&version) == 0)
        info.runtime = formatCudaVersion(version);
    return info;
}

} // namespace vitscope

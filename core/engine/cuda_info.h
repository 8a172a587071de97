#pragma once
// What the CUDA device and libraries are, for run.json and the device labels, without CUDA headers
// (the engine builds against CPU-only LibTorch too): the driver API is looked up in libcuda.so.1 at
// run time, the runtime's version among the libraries LibTorch has loaded.
#include <optional>
#include <string>

namespace vitscope {

struct CudaInfo {
    std::string name;    // "NVIDIA H200"
    double memoryGiB = 0;
    std::string driver;  // CUDA version the driver supports, "13.0"
    std::string runtime; // CUDA runtime LibTorch uses, "13.0"; empty if not found
};

// Empty when there is no such device or the driver cannot be reached.
std::optional<CudaInfo> cudaInfo(int device);

// "13.0" from CUDA's 13000; "9.19.0" from cuDNN's 91900 (8.x: 8907 -> "8.9.7").
std::string formatCudaVersion(int version);
std::string formatCudnnVersion(long version);

} // namespace vitscope

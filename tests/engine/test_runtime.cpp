// Device selection and the version strings run.json records.
#include "test_support.h"

#include "engine/cuda_info.h"
#include "engine/file_util.h"
#include "engine/host_memory.h"
#include "engine/runtime.h"

#include <torch/torch.h>

#include <filesystem>
#include <fstream>
#include <iostream>

#if defined(__GLIBC__)
#include <malloc.h>
#include <sys/resource.h>
#endif

using namespace vitscope;

TEST_CASE("versionFormats")
{
    const std::vector<std::pair<int, const char *>> cuda = {{13000, "13.0"}, {12040, "12.4"}, {11080, "11.8"}};
    for (const auto &[value, text] : cuda)
        REQUIRE(formatCudaVersion(value) == text);
    // cuDNN 9 encodes major * 10000 + minor * 100 + patch; cuDNN 8 major * 1000 + minor * 100 + patch.
    const std::vector<std::pair<long, const char *>> cudnn = {{91900, "9.19.0"}, {90100, "9.1.0"}, {8907, "8.9.7"}, {8600, "8.6.0"}};
    for (const auto &[value, text] : cudnn)
        REQUIRE(formatCudnnVersion(value) == text);
}

TEST_CASE("deviceSelection")
{
    REQUIRE(selectDevice("cpu").is_cpu());
    REQUIRE(selectDevice("auto").is_cuda() == torch::cuda::is_available());
    REQUIRE_THROWS_CONTAINING(selectDevice("tpu"), "unknown device");
    if (!torch::cuda::is_available())
        REQUIRE_THROWS_CONTAINING(selectDevice("cuda"), "no CUDA device is available");
    REQUIRE(deviceDescription(torch::kCPU).rfind("CPU, ", 0) == 0);
}

TEST_CASE("noCudaVersionsClaimedWithoutAGpu" * doctest::skip(testsupport::cudaAvailable()))
{
    REQUIRE((cudaVersion().empty() && cudnnVersion().empty()));
}

// With a GPU, its name and versions come from the driver.
TEST_CASE("cudaDescriptionNamesTheDevice" * doctest::skip(!testsupport::cudaAvailable()))
{
    const auto info = cudaInfo(0);
    REQUIRE((info.has_value() && !info->name.empty() && info->memoryGiB > 0));
    REQUIRE(deviceDescription(torch::Device(torch::kCUDA, 0)) == info->name + " (cuda:0)");
    std::cout << "  " << info->name << ", " << info->memoryGiB << " GiB, CUDA " << cudaVersion() << ", cuDNN "
              << cudnnVersion() << "\n";
}

// #17, 17: the reason of a failed replace is the rename's, not the clean-up's ("Success").
TEST_CASE("aFailedReplaceSaysWhy")
{
    const auto dir = std::filesystem::temp_directory_path() / "vitscope-test-replace";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir / "target" / "inside"); // a non-empty folder cannot be replaced by a file
    std::ofstream(dir / "target" / "inside" / "f") << "x";
    const auto t = testsupport::thrown([&] { writeTextAtomically((dir / "target").string(), "text"); });
    REQUIRE(t.threw);
    INFO(t.message);
    REQUIRE(t.message.find("cannot replace") != std::string::npos);
    REQUIRE(t.message.find("Success") == std::string::npos);
    REQUIRE(t.message.find("directory") != std::string::npos);
    REQUIRE_FALSE(std::filesystem::exists(dir / "target.tmp"));
}

#if defined(__GLIBC__)
// A step's large activations must come from the heap and be reused, not mapped afresh (and
// zero-filled by the kernel page by page) on every step.
TEST_CASE("largeTensorsComeFromTheHeapAndAreReused")
{
    const auto minorFaults = [] {
        rusage usage{};
        getrusage(RUSAGE_SELF, &usage);
        return usage.ru_minflt;
    };
    reuseFreedHostMemory();
    const auto mapped = mallinfo2().hblks;
    long lastStepFaults = 0;
    for (int step = 0; step < 12; ++step) { // as training steps: the same large tensors, made and freed
        const long before = minorFaults();
        const auto a = torch::ones({12 << 20}); // 48 MB, over glibc's largest default mmap threshold
        const auto b = torch::ones({6 << 20});
        const auto c = a + b.repeat({2});
        REQUIRE(mallinfo2().hblks == mapped);
        lastStepFaults = minorFaults() - before;
    }
    // Without reuse each step faults in its 144 MB again, 36,864 pages of 4 KB.
    REQUIRE(lastStepFaults < 100);
    returnFreedHostMemory();
}
#endif

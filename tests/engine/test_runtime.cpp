// Device selection and the version strings run.json records.
#include "test_support.h"

#include "engine/cuda_info.h"
#include "engine/file_util.h"
#include "engine/runtime.h"

#include <torch/torch.h>

#include <filesystem>
#include <fstream>
#include <iostream>

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

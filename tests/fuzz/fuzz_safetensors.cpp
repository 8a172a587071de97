// libFuzzer target: the safetensors reader (header length, JSON header, dtypes, shapes, offsets,
// then the tensor data) on a file, as a model folder or a checkpoint holds it. C++17, as LibTorch's
// headers need with clang (see CMakeLists.txt).
#include "engine/safetensors.h"

#include <cstddef>
#include <cstdint>
#include <exception>
#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, std::size_t size)
{
    static const std::string file =
        (std::filesystem::temp_directory_path() / ("vitscope-fuzz-" + std::to_string(::getpid()) + ".safetensors")).string();
    {
        std::ofstream out(file, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char *>(data), static_cast<std::streamsize>(size));
    }
    try {
        (void)vitscope::loadSafetensors(file);
    } catch (const std::exception &) {
    }
    return 0;
}

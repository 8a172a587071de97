// libFuzzer target: config.json and preprocessor_config.json as a model folder holds them. Any input
// must end in a parsed config or a std::exception, quickly and within memory.
#include "engine/vit_config.h"

#include <cstddef>
#include <cstdint>
#include <exception>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, std::size_t size)
{
    const std::string text(reinterpret_cast<const char *>(data), size);
    try {
        const vitscope::ViTConfig c = vitscope::parseViTConfig(text);
        (void)c.parameterCount(static_cast<int64_t>(c.labels.size()));
    } catch (const std::exception &) {
    }
    try {
        (void)vitscope::parsePreprocessConfig(text, 224);
    } catch (const std::exception &) {
    }
    return 0;
}

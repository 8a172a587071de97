// libFuzzer target: the image probe and decode path (every format's header, then OpenCV), with a
// small pixel limit so that memory stays bounded by it.
#include "data/image_io.h"

#include <cstddef>
#include <cstdint>
#include <exception>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, std::size_t size)
{
    const std::vector<unsigned char> bytes(data, data + size);
    (void)vitscope::probeImage(bytes);
    try {
        (void)vitscope::decodeImageBuffer(bytes, 4'000'000);
    } catch (const std::exception &) {
    }
    return 0;
}

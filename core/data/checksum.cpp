#include "data/checksum.h"

#include <cstring>

namespace vitscope {

uint64_t payloadChecksum(const void *data, std::size_t n)
{
    const auto *p = static_cast<const unsigned char *>(data);
    uint64_t h = 0x243F6A8885A308D3ull ^ n;
    std::size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        std::memcpy(&w, p + i, 8);
        h = (h ^ w) * 0x9E3779B97F4A7C15ull;
        h ^= h >> 32;
    }
    for (; i < n; ++i)
        h = (h ^ p[i]) * 0x100000001B3ull;
    return h ^ (h >> 29);
}

} // namespace vitscope

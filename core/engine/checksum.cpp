#include "engine/checksum.h"

#include <cstring>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <vector>

namespace vitscope {

namespace {

constexpr uint64_t seed(std::size_t totalBytes) { return 0x243F6A8885A308D3ull ^ totalBytes; }

// The words of one piece (a multiple of 8 bytes, except the last piece).
uint64_t mixWords(uint64_t h, const unsigned char *p, std::size_t n)
{
    for (std::size_t i = 0; i + 8 <= n; i += 8) {
        uint64_t w;
        std::memcpy(&w, p + i, 8);
        h = (h ^ w) * 0x9E3779B97F4A7C15ull;
        h ^= h >> 32;
    }
    return h;
}

uint64_t finish(uint64_t h, const unsigned char *tail, std::size_t n)
{
    for (std::size_t i = 0; i < n; ++i)
        h = (h ^ tail[i]) * 0x100000001B3ull;
    return h ^ (h >> 29);
}

} // namespace

uint64_t payloadChecksum(const void *data, std::size_t n)
{
    const auto *p = static_cast<const unsigned char *>(data);
    return finish(mixWords(seed(n), p, n), p + n / 8 * 8, n % 8);
}

uint64_t fileChecksum(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (!in || ec)
        throw std::runtime_error("cannot read " + path);
    uint64_t h = seed(static_cast<std::size_t>(size));
    std::vector<unsigned char> buffer(std::size_t{1} << 22); // 4 MiB, a multiple of 8
    std::size_t tail = 0;
    while (in) {
        in.read(reinterpret_cast<char *>(buffer.data()), static_cast<std::streamsize>(buffer.size()));
        const auto got = static_cast<std::size_t>(in.gcount());
        h = mixWords(h, buffer.data(), got);
        tail = got % 8;
        if (tail)
            return finish(h, buffer.data() + got - tail, tail); // only the last piece is short
    }
    return finish(h, nullptr, 0);
}

} // namespace vitscope

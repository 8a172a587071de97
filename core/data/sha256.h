#pragma once
// The project's one SHA-256: content keys for duplicates, splits and the cache, and the checksum
// of downloaded model files.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace vitscope {

class Sha256 {
public:
    void update(const unsigned char *data, std::size_t size);
    std::string hexDigest(); // lowercase hex; ends the hash

private:
    std::array<uint32_t, 8> m_state = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                       0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    unsigned char m_buffer[64] = {};
    std::size_t m_buffered = 0;
    uint64_t m_length = 0;
};

std::string sha256Hex(const unsigned char *data, std::size_t size);
std::string sha256Hex(const std::vector<unsigned char> &bytes);
// Streams the file; empty when it cannot be read.
std::string sha256File(const std::string &path);

} // namespace vitscope

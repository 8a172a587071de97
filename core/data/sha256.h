#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace vitscope {

// SHA-256 of a byte buffer, as lowercase hex (content keys for duplicates, splits and the cache).
std::string sha256Hex(const unsigned char *data, std::size_t size);
inline std::string sha256Hex(const std::vector<unsigned char> &bytes) { return sha256Hex(bytes.data(), bytes.size()); }

} // namespace vitscope

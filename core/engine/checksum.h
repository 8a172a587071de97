#pragma once
// A fast 64-bit checksum of cache payloads (preprocessed pixels, frozen features), 8 bytes at a
// time (several GB/s): it catches a payload damaged under an intact header (inverted, zeroed or
// cut), which size checks cannot; and of checkpoint files. Not cryptographic: they guard against
// accidents (bit rot, a torn copy), not against an attacker.
#include <cstddef>
#include <cstdint>
#include <string>

namespace vitscope {

uint64_t payloadChecksum(const void *data, std::size_t bytes);
// payloadChecksum of a whole file's bytes, read in pieces (a checkpoint's tensors are gigabytes).
// Throws std::runtime_error when the file cannot be read.
uint64_t fileChecksum(const std::string &path);

} // namespace vitscope

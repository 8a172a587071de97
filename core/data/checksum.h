#pragma once
// A fast 64-bit checksum of cache payloads (preprocessed pixels, frozen features), 8 bytes at a
// time (several GB/s): it catches a payload damaged under an intact header (inverted, zeroed or
// cut), which size checks cannot. Not cryptographic: the caches guard against accidents.
#include <cstddef>
#include <cstdint>

namespace vitscope {

uint64_t payloadChecksum(const void *data, std::size_t bytes);

} // namespace vitscope

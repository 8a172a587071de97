#include "data/sha256.h"

#include <algorithm>
#include <cstring>
#include <fstream>

namespace vitscope {
namespace {

constexpr uint32_t K[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01,
    0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc,
    0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
    0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08,
    0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
    0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

inline uint32_t rotr(uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

void block(std::array<uint32_t, 8> &h, const unsigned char *p)
{
    uint32_t w[64];
    for (int i = 0; i < 16; ++i)
        w[i] = (uint32_t(p[i * 4]) << 24) | (uint32_t(p[i * 4 + 1]) << 16) | (uint32_t(p[i * 4 + 2]) << 8) | p[i * 4 + 3];
    for (int i = 16; i < 64; ++i) {
        const uint32_t s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
        const uint32_t s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
    for (int i = 0; i < 64; ++i) {
        const uint32_t t1 = hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i];
        const uint32_t t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
        hh = g;
        g = f;
        f = e;
        e = d + t1;
        d = c;
        c = b;
        b = a;
        a = t1 + t2;
    }
    h[0] += a, h[1] += b, h[2] += c, h[3] += d, h[4] += e, h[5] += f, h[6] += g, h[7] += hh;
}

} // namespace

void Sha256::update(const unsigned char *data, std::size_t size)
{
    if (size == 0)
        return; // an empty file's bytes are a null pointer, which memcpy must not see even for 0 bytes (UBSan)
    m_length += size;
    if (m_buffered) {
        const std::size_t take = std::min(size, sizeof m_buffer - m_buffered);
        std::memcpy(m_buffer + m_buffered, data, take);
        m_buffered += take;
        data += take;
        size -= take;
        if (m_buffered < sizeof m_buffer)
            return;
        block(m_state, m_buffer);
        m_buffered = 0;
    }
    for (; size >= 64; data += 64, size -= 64)
        block(m_state, data);
    std::memcpy(m_buffer, data, size);
    m_buffered = size;
}

std::string Sha256::hexDigest()
{
    unsigned char tail[128] = {};
    const std::size_t rest = m_buffered;
    std::memcpy(tail, m_buffer, rest);
    tail[rest] = 0x80;
    const std::size_t blocks = rest + 9 > 64 ? 2 : 1;
    const uint64_t bits = m_length * 8;
    for (int b = 0; b < 8; ++b)
        tail[blocks * 64 - 1 - static_cast<std::size_t>(b)] = static_cast<unsigned char>(bits >> (8 * b));
    for (std::size_t b = 0; b < blocks; ++b)
        block(m_state, tail + b * 64);
    static const char *hex = "0123456789abcdef";
    std::string out;
    for (uint32_t v : m_state)
        for (int s = 28; s >= 0; s -= 4)
            out += hex[(v >> s) & 0xF];
    return out;
}

std::string sha256Hex(const unsigned char *data, std::size_t size)
{
    Sha256 h;
    h.update(data, size);
    return h.hexDigest();
}

std::string sha256Hex(const std::vector<unsigned char> &bytes)
{
    return sha256Hex(bytes.data(), bytes.size());
}

std::string sha256File(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return {};
    Sha256 h;
    std::vector<unsigned char> chunk(1 << 20);
    while (in) {
        in.read(reinterpret_cast<char *>(chunk.data()), static_cast<std::streamsize>(chunk.size()));
        h.update(chunk.data(), static_cast<std::size_t>(in.gcount()));
    }
    return in.bad() ? std::string() : h.hexDigest();
}

} // namespace vitscope

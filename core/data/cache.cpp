#include "data/cache.h"

#include "engine/checksum.h"

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <random>
#include <thread>

namespace fs = std::filesystem;

namespace vitscope {
namespace {

// Version 2 adds the payload's checksum: entries of version 1 are misses, decoded again once.
constexpr char kMagic[8] = {'V', 'S', 'C', 'A', 'C', 'H', 'E', '2'};
constexpr std::size_t kHeader = 72; // magic, w, h, out w, out h, mode(8), format(8), note(24), checksum(8)
constexpr std::size_t kChecksumAt = 64;

void putString(char *dst, const std::string &s, std::size_t n)
{
    std::memset(dst, 0, n);
    std::memcpy(dst, s.data(), std::min(n - 1, s.size()));
}

} // namespace

ImageCache::ImageCache(const std::string &directory, const PreprocessConfig &config)
    : m_dir((fs::path(directory) / config.resizeKey()).string()), m_width(config.width), m_height(config.height),
      m_bytes(static_cast<std::size_t>(3) * config.width * config.height)
{
    std::error_code ec;
    fs::create_directories(m_dir, ec);
    if (ec)
        throw std::runtime_error("cannot create cache folder " + m_dir + ": " + ec.message());
}

std::string ImageCache::defaultDirectory()
{
    if (const char *xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg)
        return (fs::path(xdg) / "vitscope" / "images").string();
    if (const char *home = std::getenv("HOME"); home && *home)
        return (fs::path(home) / ".cache" / "vitscope" / "images").string();
    return (fs::temp_directory_path() / "vitscope-cache").string();
}

std::string ImageCache::entryPath(const std::string &sha) const
{
    return (fs::path(m_dir) / sha.substr(0, 2) / (sha + ".u8")).string();
}

bool ImageCache::info(const std::string &sha, CacheEntryInfo &info) const
{
    std::ifstream in(entryPath(sha), std::ios::binary);
    char h[kHeader];
    if (!in.read(h, kHeader) || std::memcmp(h, kMagic, 8) != 0)
        return false;
    int32_t dims[4];
    std::memcpy(dims, h + 8, sizeof dims);
    if (dims[2] != m_width || dims[3] != m_height)
        return false;
    in.seekg(0, std::ios::end);
    if (static_cast<std::size_t>(in.tellg()) != kHeader + m_bytes)
        return false; // truncated: a miss
    info.width = dims[0];
    info.height = dims[1];
    info.mode = std::string(h + 24, strnlen(h + 24, 8));
    info.format = std::string(h + 32, strnlen(h + 32, 8));
    info.note = std::string(h + 40, strnlen(h + 40, 24));
    return true;
}

bool ImageCache::load(const std::string &sha, uint8_t *out, CacheEntryInfo *infoOut) const
{
    CacheEntryInfo i;
    if (!info(sha, i)) {
        ++misses;
        return false;
    }
    std::ifstream in(entryPath(sha), std::ios::binary);
    char h[kHeader];
    uint64_t stored = 0;
    if (!in.read(h, kHeader) || !in.read(reinterpret_cast<char *>(out), static_cast<std::streamsize>(m_bytes))) {
        ++misses;
        return false;
    }
    std::memcpy(&stored, h + kChecksumAt, sizeof stored);
    if (stored != payloadChecksum(out, m_bytes)) {
        ++misses; // damaged: the caller decodes the image again and stores a good entry
        return false;
    }
    if (infoOut)
        *infoOut = i;
    ++hits;
    return true;
}

void ImageCache::store(const std::string &sha, const uint8_t *pixels, const CacheEntryInfo &info)
{
    const fs::path path = entryPath(sha);
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    // Unique temporary name per writer, then an atomic rename.
    thread_local std::mt19937_64 rng(std::hash<std::thread::id>{}(std::this_thread::get_id()) ^ std::random_device{}());
    const fs::path tmp = path.string() + ".tmp" + std::to_string(rng());
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        char h[kHeader] = {};
        std::memcpy(h, kMagic, 8);
        const int32_t dims[4] = {info.width, info.height, m_width, m_height};
        std::memcpy(h + 8, dims, sizeof dims);
        putString(h + 24, info.mode, 8);
        putString(h + 32, info.format, 8);
        putString(h + 40, info.note, 24);
        const uint64_t sum = payloadChecksum(pixels, m_bytes);
        std::memcpy(h + kChecksumAt, &sum, sizeof sum);
        out.write(h, kHeader);
        out.write(reinterpret_cast<const char *>(pixels), static_cast<std::streamsize>(m_bytes));
        out.close(); // a full disk often shows only when the buffer is flushed
        if (!out) {
            fs::remove(tmp, ec);
            throw CacheWriteError("the image cache in " + m_dir + " cannot be written (disk full or not writable?): "
                                  "free some space, or choose another cache folder (--cache-dir)");
        }
    }
    fs::rename(tmp, path, ec);
    if (ec) {
        fs::remove(tmp, ec);
        throw CacheWriteError("the image cache in " + m_dir + " cannot be written (" + ec.message() + ")");
    }
}

} // namespace vitscope

#pragma once
// On-disk cache of preprocessed (decoded + resized, uint8 CHW) images, keyed by the file's content
// hash and the resize settings: a second run, a resumed run or another model with the same input
// size decodes nothing. Entries are written to a temporary file and renamed, so a killed build
// leaves no corrupt entry; an entry that fails validation is treated as a miss.
#include "engine/vit_config.h"

#include <atomic>
#include <cstdint>
#include <stdexcept>
#include <string>

namespace vitscope {

struct CacheEntryInfo {
    int width = 0, height = 0; // of the source image
    std::string mode, format, note;
};

// The cache could not be written (disk full, quota, read-only): an error for the whole job, never a
// reason to leave an image out of the data set.
class CacheWriteError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class ImageCache {
public:
    ImageCache(const std::string &directory, const PreprocessConfig &config);
    static std::string defaultDirectory(); // $XDG_CACHE_HOME/vitscope/images or ~/.cache/vitscope/images

    const std::string &directory() const { return m_dir; }
    std::size_t entryBytes() const { return m_bytes; }
    std::string entryPath(const std::string &sha256) const;

    // Reads the entry into `out` (entryBytes() bytes); false when absent or invalid.
    bool load(const std::string &sha256, uint8_t *out, CacheEntryInfo *info = nullptr) const;
    bool info(const std::string &sha256, CacheEntryInfo &info) const; // header only
    // Throws CacheWriteError naming the cache folder when the entry cannot be written.
    void store(const std::string &sha256, const uint8_t *pixels, const CacheEntryInfo &info);

    mutable std::atomic<int64_t> hits{0}, misses{0};

private:
    std::string m_dir;
    int m_width, m_height;
    std::size_t m_bytes;
};

} // namespace vitscope

#pragma once
// Serves a split part from the preprocessed-image cache: the uint8 pixels of every image are held
// in RAM (224x224x3 = 150 KB each) when they fit, otherwise read from the cache files per batch
// (the OS page cache then does what a memory map would). Batches are gathered, augmented (seeded,
// on tensors) and normalised on the fly. Missing cache entries are decoded once and stored.
#include "config/choices.h"
#include "data/cache.h"
#include "data/preprocess.h"
#include "data/split.h"
#include "engine/batch_source.h"

#include <atomic>
#include <functional>
#include <string>
#include <vector>

namespace vitscope {

enum class Residence { Automatic, Memory, Disk };

struct LoaderOptions {
    Residence residence = Residence::Automatic; // automatic: in RAM up to 40 % of physical memory
    std::vector<Augmentation> augment;
    int threads = 0;
    std::function<void(int64_t done, int64_t total)> progress;
    const std::atomic<bool> *cancel = nullptr;
};

class CachedDataset : public BatchSource {
public:
    // Throws std::runtime_error naming the first file that cannot be used.
    CachedDataset(const std::vector<SplitEntry> &entries, const std::string &root, const Preprocessor &preprocessor,
                  ImageCache &cache, const LoaderOptions &options = {});

    int64_t size() const override { return static_cast<int64_t>(m_entries.size()); }
    Batch batch(const std::vector<int64_t> &indices, uint64_t augmentSeed) override;
    std::string itemName(int64_t index) const override { return m_entries[index].path; }
    int64_t label(int64_t index) const override { return m_entries[index].label; }
    const std::string &contentHash(int64_t index) const { return m_entries[index].sha256; }
    bool inMemory() const { return m_pixels.defined(); }

private:
    void fill(int64_t index, uint8_t *out) const; // from the cache, else decoded (and cached)

    std::vector<SplitEntry> m_entries;
    std::string m_root;
    const Preprocessor &m_preprocessor;
    ImageCache &m_cache;
    std::vector<Augmentation> m_augment;
    torch::Tensor m_pixels; // [N, 3, H, W] uint8
    torch::Tensor m_labels; // [N] int64
};

} // namespace vitscope

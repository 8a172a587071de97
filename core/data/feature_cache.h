#pragma once
// The frozen part of a fine-tune (engine/fine_tune.h) never changes, so its output for an image is
// computed once and cached: for head, the final-LayerNorm CLS token; for last:K, the tokens entering
// block L-K. Entries are keyed by the image's content hash within a folder named after everything
// else that decides them (the frozen weights, the cut point, preprocessing, precision), so another
// run with the same backbone computes nothing again. Entries are written to a temporary file and
// renamed (a kill mid-build leaves no corrupt entry); served from RAM when they fit.
#include "data/loader.h"
#include "engine/batch_source.h"
#include "engine/vit.h"

#include <atomic>
#include <functional>
#include <string>
#include <vector>

namespace vitscope {

struct FeatureOptions {
    std::string cacheDirectory; // the image cache's root; features go in features-<key>/
    torch::Device device = torch::kCPU;
    bool bf16 = false;
    int batchSize = 32;
    std::function<void(int64_t done, int64_t total)> progress; // from the calling thread
    const std::atomic<bool> *cancel = nullptr;
};

// What decides the frozen part's output: the frozen weights (those `fineTune` does not train),
// the cut point, preprocessing and precision. Hex SHA-256.
std::string frozenPartKey(ViTForImageClassification &model, const FineTune &fineTune, const PreprocessConfig &preprocess,
                          bool bf16);

// The cache's layout: the folder of one frozen part's features, and an image's entry in it.
std::string featureFolder(const std::string &cacheDirectory, const std::string &key);
std::string featureEntryPath(const std::string &folder, const std::string &sha256);

class FeatureDataset : public BatchSource {
public:
    // Computes what is not cached yet (batched, on options.device, in inference mode). Throws
    // std::runtime_error when cancelled or when the cache cannot be written.
    FeatureDataset(CachedDataset &images, ViTForImageClassification &model, const FineTune &fineTune, const std::string &key,
                   const FeatureOptions &options);

    int64_t size() const override { return m_images.size(); }
    Batch batch(const std::vector<int64_t> &indices, uint64_t augmentSeed) override;
    std::string itemName(int64_t index) const override { return m_images.itemName(index); }
    int64_t label(int64_t index) const override { return m_images.label(index); }
    ModelEntry entry() const override { return m_entry; }

    int64_t computed() const { return m_computed; } // entries computed now (the rest came from the cache)
    bool inMemory() const { return m_features.defined(); }
    const std::string &folder() const { return m_folder; }

private:
    std::string entryPath(int64_t index) const;
    torch::Tensor read(int64_t index) const;

    CachedDataset &m_images;
    ModelEntry m_entry;
    std::string m_folder;
    std::vector<int64_t> m_shape; // of one entry
    torch::Tensor m_features;     // [N, shape...] when held in RAM
    int64_t m_computed = 0;
};

} // namespace vitscope

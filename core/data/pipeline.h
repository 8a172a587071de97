#pragma once
// Files -> scan (+ cache fill) -> split -> cached datasets: the one path the CLI and the GUI
// session both use to feed the trainer.
#include "data/cache.h"
#include "data/dataset_scan.h"
#include "data/loader.h"
#include "data/preprocess.h"
#include "data/split.h"

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace vitscope {

struct DataOptions {
    std::string data, valData, testData; // folders; val/test optional
    std::string splitFile;               // reuse a saved split instead of making one
    SplitRatios ratios;
    uint64_t seed = 42;
    std::string cacheDir; // empty: ImageCache::defaultDirectory()
    std::vector<std::string> augment;
    int threads = 0;
};

struct PreparedData {
    ScanReport scan;
    Split split;
    std::unique_ptr<ImageCache> cache;
    std::unique_ptr<Preprocessor> preprocessor;
    std::unique_ptr<CachedDataset> train, val, test;
};

// Throws std::runtime_error with a user-facing message (unusable data set, bad split, ...).
// `report(stage, done, total)` is called from worker threads.
PreparedData prepareData(const DataOptions &options, const PreprocessConfig &preprocess,
                         const std::function<void(const std::string &, int64_t, int64_t)> &report = {},
                         const std::atomic<bool> *cancel = nullptr);

} // namespace vitscope

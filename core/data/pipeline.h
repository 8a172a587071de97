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

struct PreparedData {
    ScanReport scan;
    Split split;
    std::unique_ptr<ImageCache> cache;
    std::unique_ptr<Preprocessor> preprocessor;
    std::unique_ptr<CachedDataset> train, val, test;
};

// The job's data (job.data, and the seed, threads and augmentations of job.train), or the saved
// split in `splitFile` when it is not empty. Throws std::runtime_error with a user-facing message
// (unusable data set, bad split, ...). `report(stage, done, total)` is called from worker threads.
PreparedData prepareData(const JobConfig &job, const std::string &splitFile, const PreprocessConfig &preprocess,
                         const std::function<void(const std::string &, int64_t, int64_t)> &report = {},
                         const std::atomic<bool> *cancel = nullptr);

} // namespace vitscope

#include "data/pipeline.h"

#include <filesystem>

namespace vitscope {

PreparedData prepareData(const JobConfig &job, const std::string &splitFile, const PreprocessConfig &preprocess,
                         const std::function<void(const std::string &, int64_t, int64_t)> &report,
                         const std::atomic<bool> *cancel)
{
    const DataConfig &o = job.data;
    const int threads = job.train.threads;
    PreparedData d;
    d.preprocessor = std::make_unique<Preprocessor>(preprocess);
    d.cache = std::make_unique<ImageCache>(o.cacheDir.empty() ? ImageCache::defaultDirectory() : o.cacheDir, preprocess);
    auto scan = [&](const std::string &folder, const std::string &stage) {
        ScanOptions so;
        so.threads = threads;
        so.preprocessor = d.preprocessor.get();
        so.cache = d.cache.get();
        so.cancel = cancel;
        if (report)
            so.progress = [&](int64_t done, int64_t total) { report(stage, done, total); };
        auto r = scanDataset(folder, so);
        if (!r.usable())
            throw std::runtime_error(r.error);
        return r;
    };
    if (!splitFile.empty()) {
        d.split = loadSplit(splitFile);
    } else {
        d.scan = scan(o.data, "scanning " + o.data);
        std::optional<ScanReport> val, test;
        if (!o.valData.empty())
            val = scan(o.valData, "scanning " + o.valData);
        if (!o.testData.empty())
            test = scan(o.testData, "scanning " + o.testData);
        d.split = makeSplit(d.scan, o.split, job.train.seed, val ? &*val : nullptr, test ? &*test : nullptr);
    }
    auto load = [&](const std::vector<SplitEntry> &entries, const std::string &root, const std::string &stage,
                    std::vector<Augmentation> augment) {
        LoaderOptions lo;
        lo.augment = std::move(augment);
        lo.threads = threads;
        lo.cancel = cancel;
        if (report)
            lo.progress = [&](int64_t done, int64_t total) { report(stage, done, total); };
        return std::make_unique<CachedDataset>(entries, root, *d.preprocessor, *d.cache, lo);
    };
    const auto &s = d.split;
    d.train = load(s.train, s.root, "loading training images", job.train.augment);
    d.val = load(s.val, s.valRoot.empty() ? s.root : s.valRoot, "loading validation images", {});
    d.test = load(s.test, s.testRoot.empty() ? s.root : s.testRoot, "loading test images", {});
    return d;
}

} // namespace vitscope

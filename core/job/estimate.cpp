#include "job/estimate.h"

#include "data/cache.h"
#include "data/feature_cache.h"
#include "data/image_formats.h"
#include "data/image_io.h"
#include "data/preprocess.h"
#include "data/split.h"
#include "data/sha256.h"
#include "engine/autocast.h"
#include "engine/checkpoint.h"
#include "engine/file_util.h"
#include "engine/fine_tune.h"
#include "engine/optim.h"
#include "engine/pixels.h"
#include "engine/runtime.h"
#include "engine/trainer.h"
#include "job/training_job.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <numeric>
#include <optional>
#include <unistd.h>

namespace fs = std::filesystem;

namespace vitscope {
namespace {

using Clock = std::chrono::steady_clock;

double since(Clock::time_point t0)
{
    return std::chrono::duration<double>(Clock::now() - t0).count();
}

// Median seconds of `work` over `runs` runs after two untimed ones: on a CPU the first bf16 passes
// pay for creating their kernels, and one warm-up left the probe 20-50 % slow.
double timed(int runs, const std::function<void()> &work)
{
    work();
    work();
    std::vector<double> t;
    for (int i = 0; i < runs; ++i) {
        const auto t0 = Clock::now();
        work();
        t.push_back(since(t0));
    }
    std::sort(t.begin(), t.end());
    return t[t.size() / 2];
}

} // namespace

JobEstimate estimateJob(const JobConfig &config, const std::function<void(const std::string &)> &progress)
{
    auto say = [&](const std::string &s) {
        if (progress)
            progress(s);
    };
    const TrainConfig &t = config.train;
    const torch::Device device = selectDevice(t.device);
    configureThreads(t.threads);
    JobEstimate e;
    e.device = deviceDescription(device);

    // Images per part, as the split will make them (per class, rounded), and what is cached.
    say("counting images");
    const auto classes = listClassImages(config.data.data);
    const auto loadStart = Clock::now();
    auto loaded = loadModel(config.model, {{}, device});
    const double loadSeconds = since(loadStart);
    const PreprocessConfig &pre = loaded.preprocess;
    ImageCache cache(config.data.cacheDir.empty() ? ImageCache::defaultDirectory() : config.data.cacheDir, pre);
    std::vector<std::string> hashes, samples;
    const SplitRatios own = ownShares(config.data.split, !config.data.valData.empty(), !config.data.testData.empty());
    for (const auto &files : classes) {
        const auto parts = partSizes(static_cast<int>(files.size()), own);
        e.train += parts[0];
        e.val += parts[1];
        e.test += parts[2];
        for (const auto &f : files) {
            const auto bytes = readFileBytes(f);
            hashes.push_back(sha256Hex(bytes));
            CacheEntryInfo info;
            if (!cache.info(hashes.back(), info))
                ++e.uncachedImages;
        }
        if (!files.empty() && samples.size() < 4)
            samples.push_back(files[files.size() / 2]);
    }
    if (e.train == 0)
        throw std::runtime_error("no images to train on in " + config.data.data);

    say("timing decoding");
    const Preprocessor preprocessor(pre);
    if (!samples.empty())
        e.decodeSecondsPerImage = timed(1, [&] {
                                      for (const auto &s : samples)
                                          preprocessor.loadResized(s);
                                  }) / static_cast<double>(samples.size());

    // The probe: the recipe's own step and evaluation on a synthetic batch of the real size.
    auto &model = loaded.model;
    model->to(device);
    const int64_t labels = std::max<int64_t>(2, static_cast<int64_t>(classes.size()));
    model->resetHead(std::vector<std::string>(static_cast<std::size_t>(labels), "class"));
    model->to(device);
    const int size = model->config().imageSize, layers = model->config().numHiddenLayers;
    auto randomBatch = [&](int64_t n) {
        return Batch{.pixels = torch::randint(0, 256, {n, 3, size, size}, torch::kInt64).to(torch::kUInt8),
                     .labels = torch::randint(0, labels, {n}, torch::kInt64),
                     .table = preprocessor.table()};
    };
    const Batch images = randomBatch(t.batchSize), evalImages = randomBatch(t.evalBatchSize);
    std::vector<Precision> precisions = {Precision::Fp32};
    if (bf16Supported(device))
        precisions.push_back(Precision::Bf16);
    // The probe times one batch; a step of gradAccum batches costs about gradAccum of them.
    const int64_t batchesPerEpoch = planSteps(e.train, t.batchSize, t.gradAccum, t.epochs, t.warmupRatio, t.warmupSteps).batchesPerEpoch;
    const int64_t evalPerEpoch = e.val + (t.evalTrainSet ? e.train : 0);
    // Every epoch writes the resumable checkpoint (weights and AdamW moments of what trains) and,
    // when it improves, the best model: timed by writing the model once.
    say("timing a checkpoint");
    const fs::path scratch = fs::path(cache.directory()).parent_path() / ("estimate-" + std::to_string(::getpid()));
    const auto exportStart = Clock::now();
    exportModel(model, pre, scratch.string());
    const double exportSeconds = since(exportStart);
    std::error_code ec;
    fs::remove_all(scratch, ec);
    int64_t allParameters = 0;
    for (const auto &p : model->parameters())
        allParameters += p.numel();
    const bool featuresPossible = featuresUnavailable(t, model->config()).empty(); // as the job decides
    for (const FineTune f : {FineTune{}, FineTune{FineTune::Mode::LastBlocks, std::min(2, layers)}, FineTune{FineTune::Mode::Head, 0}}) {
        for (const Precision p : precisions) {
            ModeEstimate m;
            m.fineTune = f;
            m.precision = p;
            const bool bf16 = p == Precision::Bf16;
            say("timing " + fineTuneText(f) + " in " + std::string(choiceName(p)));
            const double trainableShare = static_cast<double>(applyFineTune(model, f)) / static_cast<double>(allParameters);
            AdamW optimizer(*model, {t.lr, 0.9, 0.999, 1e-8, t.weightDecay});
            m.fromFeatures = f.mode != FineTune::Mode::Full && featuresPossible;
            // Features and evaluation run in evaluation batches, as the job runs them: on a CPU the
            // time per image depends on the batch size (a batch of 32 is slower per image than 16).
            Batch input = images, evalInput = evalImages;
            if (m.fromFeatures) {
                TensorBatchSource trainSource(images.pixels, images.labels, images.table), evalSource(evalImages.pixels, evalImages.labels, evalImages.table);
                std::optional<TensorBatchSource> trainFeatures, evalFeatures;
                trainFeatures = frozenFeatures(model, trainSource, f, device, bf16, t.evalBatchSize);
                m.featureSecondsPerImage = timed(1, [&] { evalFeatures = frozenFeatures(model, evalSource, f, device, bf16, t.evalBatchSize); }) /
                                           static_cast<double>(t.evalBatchSize);
                auto rows = [](int64_t n) {
                    std::vector<int64_t> all(static_cast<std::size_t>(n));
                    std::iota(all.begin(), all.end(), 0);
                    return all;
                };
                input = trainFeatures->batch(rows(t.batchSize), 0);
                evalInput = evalFeatures->batch(rows(t.evalBatchSize), 0);
                // Features already cached for this frozen part need no computing.
                const std::string folder = featureFolder(fs::path(cache.directory()).parent_path().string(), frozenPartKey(model, f, pre, bf16));
                for (const auto &h : hashes)
                    if (!fs::exists(featureEntryPath(folder, h)))
                        ++m.featuresToCompute;
            }
            model->train();
            m.stepSeconds = timed(3, [&] { // the median of three: of two it would be the slower
                readBack(trainStep(model, optimizer, 1, [&](int64_t) { return input; }, t.lr, t.maxGradNorm, device, bf16));
            });
            TensorBatchSource evalSource(evalInput.pixels, evalInput.labels, evalInput.table, evalInput.entry);
            m.evalSecondsPerImage = timed(1, [&] { evaluate(model, evalSource, t.evalBatchSize, device, bf16); }) /
                                    static_cast<double>(t.evalBatchSize);
            m.oneTimeSeconds = static_cast<double>(e.uncachedImages) * e.decodeSecondsPerImage +
                               static_cast<double>(m.featuresToCompute) * m.featureSecondsPerImage;
            // A step of gradAccum micro-batches costs about gradAccum probed steps.
            m.secondsPerEpoch = static_cast<double>(batchesPerEpoch) * m.stepSeconds + static_cast<double>(evalPerEpoch) * m.evalSecondsPerImage +
                                exportSeconds * (2.0 + 2.0 * trainableShare);
            // Loading the model, and reloading the best one for the final test of both held-out parts.
            m.totalSeconds = 2 * loadSeconds + m.oneTimeSeconds + t.epochs * m.secondsPerEpoch +
                             static_cast<double>(e.val + e.test) * m.evalSecondsPerImage;
            e.modes.push_back(m);
        }
    }
    return e;
}

std::string estimateToJson(const JobEstimate &e)
{
    nlohmann::json modes = nlohmann::json::array();
    for (const auto &m : e.modes)
        modes.push_back({{"fine_tune", fineTuneText(m.fineTune)},
                         {"precision", std::string(choiceName(m.precision))},
                         {"from_cached_features", m.fromFeatures},
                         {"features_to_compute", m.featuresToCompute},
                         {"step_seconds", m.stepSeconds},
                         {"eval_seconds_per_image", m.evalSecondsPerImage},
                         {"feature_seconds_per_image", m.featureSecondsPerImage},
                         {"one_time_seconds", m.oneTimeSeconds},
                         {"seconds_per_epoch", m.secondsPerEpoch},
                         {"total_seconds", m.totalSeconds}});
    return nlohmann::json({{"device", e.device},
                           {"images", {{"train", e.train}, {"val", e.val}, {"test", e.test}, {"uncached", e.uncachedImages}}},
                           {"decode_seconds_per_image", e.decodeSecondsPerImage},
                           {"modes", modes}})
        .dump();
}

} // namespace vitscope

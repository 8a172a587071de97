#include "job/training_job.h"

#include "config/config_fields.h"
#include "data/feature_cache.h"
#include "data/pipeline.h"
#include "engine/file_util.h"
#include "engine/run_folder.h"
#include "engine/run_lock.h"
#include "engine/runtime.h"
#include "job/model_card.h"

#include <torch/torch.h>

#include <chrono>
#include <filesystem>

namespace fs = std::filesystem;

namespace vitscope {

namespace {

struct FrozenFeatures {
    std::unique_ptr<FeatureDataset> train, val, test;
};

// With a frozen part whose output is deterministic, the three parts as cached features of it.
FrozenFeatures prepareFeatures(const JobConfig &config, LoadedModel &model, const PreprocessConfig &preprocess,
                               const torch::Device &device, PreparedData &prepared, const JobCallbacks &cb,
                               const std::atomic<bool> *stop)
{
    const TrainConfig &t = config.train;
    if (t.fineTune.mode == FineTune::Mode::Full)
        return {};
    if (const std::string why = featuresUnavailable(t, model.config()); !why.empty()) {
        if (cb.warning)
            cb.warning("the frozen part is computed again at every step (" + why + "): slower than from cached features");
        return {};
    }
    bool bf16 = false;
    try {
        bf16 = useBf16(t.precision, device);
    } catch (const std::invalid_argument &) {
        return {}; // the trainer refuses the precision with its reason
    }
    model.model->to(device);
    FeatureOptions o;
    o.cacheDirectory = config.data.cacheDir.empty() ? ImageCache::defaultDirectory() : config.data.cacheDir;
    o.device = device;
    o.bf16 = bf16;
    o.batchSize = t.evalBatchSize;
    o.cancel = stop;
    const std::string key = frozenPartKey(model.model, t.fineTune, preprocess, bf16);
    FrozenFeatures f;
    auto make = [&](CachedDataset &images, const std::string &stage) {
        if (cb.progress)
            o.progress = [&](int64_t done, int64_t total) { cb.progress(stage, done, total); };
        return std::make_unique<FeatureDataset>(images, model.model, t.fineTune, key, o);
    };
    f.train = make(*prepared.train, "computing frozen features (training)");
    f.val = make(*prepared.val, "computing frozen features (validation)");
    f.test = make(*prepared.test, "computing frozen features (test)");
    if (cb.warning) {
        const int64_t computed = f.train->computed() + f.val->computed() + f.test->computed();
        const int64_t all = f.train->size() + f.val->size() + f.test->size();
        cb.warning("frozen part (" + fineTuneText(t.fineTune) + "): features of " + std::to_string(all - computed) + " of " +
                   std::to_string(all) + " images from the cache, " + std::to_string(computed) + " computed; " + f.train->folder());
    }
    return f;
}

} // namespace

std::string featuresUnavailable(const TrainConfig &t, const ViTConfig &model)
{
    if (!t.featureCache)
        return "the feature cache is off";
    if (!t.augment.empty())
        return "augmentation changes the images every epoch";
    if (model.hiddenDropout > 0 || model.attentionDropout > 0)
        return "the model's dropout makes the frozen part's output random";
    return {};
}

TrainJob resumeJob(const std::string &out)
{
    TrainJob job;
    job.resume = true;
    job.out = out;
    job.config = readRunInfo(out).config;
    return job;
}

TrainSummary runTrainingJob(const TrainJob &job, const JobCallbacks &cb, const std::atomic<bool> *stop,
                            const std::map<std::string, std::string> &versions)
{
    using Clock = std::chrono::steady_clock;
    const auto start = Clock::now();
    auto since = [](Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); };
    const JobConfig &config = job.config;
    validate(config);
    const RunLock lock(job.out); // one writer per run, until this job ends
    if (job.resume)
        if (const std::string recovered = recoverCheckpointSwap(job.out); !recovered.empty() && cb.warning)
            cb.warning(recovered);
    if (!job.resume && fs::exists(runfiles::runJson(job.out)))
        throw std::runtime_error(job.out + " already holds a run: resume it or choose another folder");
    // A run killed before its first checkpoint resumes from the beginning, as recorded.
    bool fromCheckpoint = false;
    if (job.resume) {
        const RunInfo recorded = readRunInfo(job.out);
        if (!isResumable(recorded.status))
            throw std::runtime_error("run " + job.out + " cannot be resumed: it is " + std::string(choiceName(recorded.status)));
        fromCheckpoint = hasCheckpoint(job.out);
    }
    const torch::Device device = selectDevice(config.train.device);
    configureThreads(config.train.threads);

    const ViTConfig modelConfig = loadViTConfig((fs::path(config.model) / "config.json").string());
    const PreprocessConfig preprocess = loadPreprocessConfig(config.model, modelConfig.imageSize);
    // A resumed run reads its own split back, so it trains on exactly the same images.
    const auto prepareStart = Clock::now();
    const bool splitSaved = job.resume && fs::exists(runfiles::splitFile(job.out)); // else made again, seeded: the same
    auto prepared = prepareData(config, splitSaved ? runfiles::splitFile(job.out) : std::string(), preprocess, cb.progress, stop);
    const double prepareSeconds = since(prepareStart);
    if (stop && stop->load())
        throw std::runtime_error("cancelled while preparing the data");
    for (const auto &w : prepared.split.warnings)
        if (cb.warning)
            cb.warning(w);
    // Seeded before loading: a from-scratch model and a new head are initialised from this RNG.
    torch::manual_seed(config.train.seed);
    auto model = loadModel(config.model, {prepared.split.classes, device});
    if (!fromCheckpoint) // on resume the checkpoint replaces these weights; their story was told at the start
        for (const auto &m : model.messages())
            if (cb.warning)
                cb.warning(m);

    const auto featureStart = Clock::now();
    FrozenFeatures features = prepareFeatures(config, model, preprocess, device, prepared, cb, stop);
    const double featureSeconds = since(featureStart);

    RunFolder run(job.out);
    if (job.resume) {
        run.resume(config);
        if (!splitSaved)
            saveSplit(prepared.split, runfiles::splitFile(job.out));
        if (!fromCheckpoint) {
            run.truncateHistory(0, 0); // what the killed attempt logged: it starts again from step 0
            if (cb.warning)
                cb.warning("run " + job.out + " has no checkpoint yet: it starts again from the beginning, as recorded");
        }
    } else {
        saveSplit(prepared.split, runfiles::splitFile(job.out));
        const auto &s = prepared.split;
        RunInfo info;
        info.config = config;
        info.config.model = fs::absolute(config.model).string();
        info.labels = s.classes;
        info.device = deviceDescription(device);
        info.dataset = {s.root,
                        s.valRoot,
                        s.testRoot,
                        static_cast<int64_t>(s.train.size()),
                        static_cast<int64_t>(s.val.size()),
                        static_cast<int64_t>(s.test.size()),
                        static_cast<int64_t>(prepared.scan.bad.size()),
                        static_cast<int64_t>(prepared.scan.duplicates.size()),
                        {},
                        {}};
        for (const auto &b : prepared.scan.bad)
            info.dataset.badFileList.push_back({b.path, b.reason});
        info.dataset.duplicateGroups = prepared.scan.duplicates;
        info.dataset.labelsFile = prepared.scan.labelsFile;
        info.dataset.labelsHash = prepared.scan.labelsHash;
        info.dataset.relabelled = prepared.scan.relabelled;
        info.dataset.added = prepared.scan.added;
        info.dataset.excluded = static_cast<int64_t>(prepared.scan.excluded.size());
        for (const auto &c : prepared.scan.labelConflicts)
            if (cb.warning)
                cb.warning("label not applied: " + c.path + ": " + c.reason);
        info.splitWarnings = s.warnings;
        info.versions = versions;
        run.start(info);
    }
    TrainerCallbacks trainerCb = cb.trainer;
    if (stop && !trainerCb.shouldStop)
        trainerCb.shouldStop = [stop] { return stop->load(); };
    try {
        TrainSummary summary =
            features.train ? train(model, run.info().config.train, *features.train, *features.val, features.test.get(), run, trainerCb, fromCheckpoint)
                           : train(model, run.info().config.train, *prepared.train, *prepared.val, prepared.test.get(), run, trainerCb, fromCheckpoint);
        summary.prepareSeconds = prepareSeconds;
        summary.featureSeconds = featureSeconds;
        summary.wallSeconds = since(start);
        if (summary.status == RunStatus::Finished || summary.status == RunStatus::EarlyStopped)
            writeModelCard(job.out); // checkpoints/best/README.md; errors are values: a card that cannot be written fails nothing
        return summary;
    } catch (const std::exception &e) {
        run.setStatus(RunStatus::Failed, e.what());
        throw;
    }
}

} // namespace vitscope

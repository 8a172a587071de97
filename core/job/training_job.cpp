#include "job/training_job.h"

#include "config/config_fields.h"
#include "data/feature_cache.h"
#include "data/pipeline.h"
#include "engine/distributed.h"
#include "engine/file_util.h"
#include "engine/host_memory.h"
#include "engine/run_folder.h"
#include "engine/run_lock.h"
#include "engine/runtime.h"
#include "job/model_card.h"

#include <torch/torch.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <thread>

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

// The ranks of a distributed run (started by torchrun), or one process.
struct Ranks {
    DistEnvironment env;
    std::unique_ptr<Distributed> dist;

    bool writer() const { return !dist || dist->isWriter(); }
    // Local rank 0 builds the image and feature caches; the others of its node wait, then read them.
    template <typename F>
    auto cacheStage(F &&build)
    {
        // Building a large cache may take hours: the wait is longer than an exchange's timeout (a
        // rank that dies meanwhile still ends it at once: its connections close).
        constexpr std::chrono::seconds kCacheWait{24 * 3600};
        const bool builds = !dist || dist->localRank() == 0;
        if (dist && !builds)
            dist->barrier(kCacheWait);
        auto out = build();
        if (dist && builds)
            dist->barrier(kCacheWait);
        return out;
    }
};

Ranks joinRanks(const TrainConfig &t)
{
    Ranks r;
    try {
        r.env = distEnvironment();
    } catch (const std::invalid_argument &e) {
        throw std::runtime_error(std::string("distributed launch: ") + e.what());
    }
    if (r.env.present)
        r.dist = Distributed::join(r.env, t.distBackend, selectDevice(rankDevice(t.device, r.env)), std::chrono::seconds(t.distTimeout));
    return r;
}

// A resumed run keeps its global batch on any world size: the per-rank batch is what divides it.
int perRankBatch(const RunInfo &recorded, int worldSize)
{
    const int64_t global = recorded.distributed.globalBatch > 0
                               ? recorded.distributed.globalBatch
                               : static_cast<int64_t>(recorded.config.train.batchSize) * recorded.distributed.worldSize;
    if (global % worldSize != 0)
        throw std::runtime_error("the run's global batch of " + std::to_string(global) + " images cannot be split evenly over " +
                                 std::to_string(worldSize) + " ranks: resume it on a number of ranks that divides " +
                                 std::to_string(global));
    return static_cast<int>(global / worldSize);
}

} // namespace

std::string rankDevice(const std::string &requested, const DistEnvironment &env)
{
    if (!env.present)
        return requested;
    // One GPU per rank of a node, as torchrun expects: cuda means cuda:LOCAL_RANK.
    if (requested == "cuda" || (requested == "auto" && selectDevice("auto").is_cuda()))
        return "cuda:" + std::to_string(env.localRank);
    return requested;
}

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

namespace {

TrainSummary runRanked(const TrainJob &job, JobConfig &config, Ranks &ranks, const JobCallbacks &cbIn, const std::atomic<bool> *stop,
                       const std::map<std::string, std::string> &versions, std::chrono::steady_clock::time_point start)
{
    using Clock = std::chrono::steady_clock;
    auto since = [](Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); };
    // Only rank 0 speaks and writes; the others report through their exit status and message.
    JobCallbacks cb = ranks.writer() ? cbIn : JobCallbacks{};
    cb.trainer.shouldStop = cbIn.trainer.shouldStop;
    cb.trainer.lossHook = cbIn.trainer.lossHook;
    std::optional<RunLock> lock;
    // A run killed before its first checkpoint resumes from the beginning, as recorded.
    bool fromCheckpoint = false;
    if (ranks.writer()) {
        lock.emplace(job.out); // one writer per run, until this job ends
        if (job.resume)
            if (const std::string recovered = recoverCheckpointSwap(job.out); !recovered.empty() && cb.warning)
                cb.warning(recovered);
        if (!job.resume && fs::exists(runfiles::runJson(job.out)))
            throw std::runtime_error(job.out + " already holds a run: resume it or choose another folder");
        if (job.resume) {
            const RunInfo recorded = readRunInfo(job.out);
            if (!isResumable(recorded.status))
                throw std::runtime_error("run " + job.out + " cannot be resumed: it is " + std::string(choiceName(recorded.status)));
            if (job.resumeFrom == ResumePoint::Best) {
                const int epoch = restoreBestCheckpoint(job.out);
                if (cb.warning)
                    cb.warning("resuming from the checkpoint of the best epoch (" + std::to_string(epoch) +
                               "): the epochs after it are trained again");
            }
            fromCheckpoint = hasCheckpoint(job.out);
            if (fromCheckpoint) // now, not after the data is prepared: a damaged checkpoint is found in seconds
                verifyLastCheckpoint(job.out);
        }
    }
    if (job.resume) {
        const int world = ranks.dist ? ranks.dist->worldSize() : 1;
        const int batch = perRankBatch(readRunInfo(job.out), world);
        if (batch != config.train.batchSize && cb.warning)
            cb.warning("batch " + std::to_string(batch) + (world > 1 ? " per rank on " + std::to_string(world) + " ranks" : std::string()) +
                       " keeps the run's global batch");
        config.train.batchSize = batch;
    }
    if (ranks.dist) {
        auto flag = torch::tensor({fromCheckpoint ? 1.0 : 0.0}, torch::kFloat64);
        ranks.dist->broadcast({flag}); // rank 0 decided, after finishing any interrupted checkpoint swap
        fromCheckpoint = flag.item<double>() > 0;
        config.train.device = rankDevice(config.train.device, ranks.env);
        if (config.train.threads == 0) // the node's cores shared among its ranks
            config.train.threads = std::max(1, static_cast<int>(std::thread::hardware_concurrency()) / ranks.env.localWorldSize);
    }
    const torch::Device device = selectDevice(config.train.device);
    configureThreads(config.train.threads);

    const ViTConfig modelConfig = loadViTConfig((fs::path(config.model) / "config.json").string());
    const PreprocessConfig preprocess = loadPreprocessConfig(config.model, modelConfig.imageSize);
    // A resumed run reads its own split back, so it trains on exactly the same images.
    const auto prepareStart = Clock::now();
    const bool splitSaved = job.resume && fs::exists(runfiles::splitFile(job.out)); // else made again, seeded: the same
    auto prepared = ranks.cacheStage(
        [&] { return prepareData(config, splitSaved ? runfiles::splitFile(job.out) : std::string(), preprocess, cb.progress, stop); });
    const double prepareSeconds = since(prepareStart);
    if (stop && stop->load())
        throw std::runtime_error("cancelled while preparing the data");
    for (const auto &w : prepared.split.warnings)
        if (cb.warning)
            cb.warning(w);
    // Seeded before loading: a from-scratch model and a new head are initialised from this RNG.
    torch::manual_seed(config.train.seed);
    auto model = loadModel(config.model, {prepared.split.classes, device});
    if (!fromCheckpoint && cb.warning) { // on resume the checkpoint replaces these weights; their story was told at the start
        for (const auto &m : model.messages())
            cb.warning(m);
        if (model.fromScratch && config.train.fineTune.mode != FineTune::Mode::Full)
            cb.warning("fine-tune " + fineTuneText(config.train.fineTune) +
                       " without pretrained weights: the frozen part stays random, so what trains has little to learn from");
    }

    const auto featureStart = Clock::now();
    FrozenFeatures features = ranks.cacheStage([&] { return prepareFeatures(config, model, preprocess, device, prepared, cb, stop); });
    const double featureSeconds = since(featureStart);

    std::optional<RunFolder> runFolder;
    DistributedRun spread; // kept in run.json, so that a resume on any world size keeps the global batch
    spread.globalBatch = config.train.batchSize;
    if (ranks.dist)
        spread = {ranks.dist->worldSize(), std::string(choiceName(ranks.dist->backend())), ranks.dist->hosts(),
                  static_cast<int64_t>(config.train.batchSize) * ranks.dist->worldSize()};
    if (ranks.writer())
        runFolder.emplace(job.out);
    if (runFolder && job.resume) { // the other ranks of a distributed run have no folder
        RunFolder &run = *runFolder;
        run.resume(config);
        if (ranks.dist || run.info().distributed.worldSize > 1 || run.info().distributed.globalBatch > 0)
            run.setDistributed(spread);
        if (!splitSaved)
            saveSplit(prepared.split, runfiles::splitFile(job.out));
        if (!fromCheckpoint) {
            run.truncateHistory(0, 0); // what the killed attempt logged: it starts again from step 0
            if (cb.warning)
                cb.warning("run " + job.out + " has no checkpoint yet: it starts again from the beginning, as recorded");
        }
    } else if (runFolder) {
        RunFolder &run = *runFolder;
        // Until run.json is written nothing of the run is kept: on a full disk, the same command starts it.
        auto beforeStart = [&](const std::function<void()> &write) {
            try {
                write();
            } catch (const std::exception &e) {
                throw std::runtime_error(std::string(e.what()) +
                                         "; nothing of the run was kept: free some space on that disk, then run the same train command again");
            }
        };
        beforeStart([&] { saveSplit(prepared.split, runfiles::splitFile(job.out)); });
        const auto &s = prepared.split;
        RunInfo info;
        info.config = config;
        info.distributed = spread;
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
        beforeStart([&] { run.start(info); });
    }
    TrainerCallbacks trainerCb = cb.trainer;
    if (stop && !trainerCb.shouldStop)
        trainerCb.shouldStop = [stop] { return stop->load(); };
    // The recipe as recorded (on resume: run.json's, with the environment settings given now).
    TrainConfig recipe = runFolder ? runFolder->info().config.train : config.train;
    recipe.batchSize = config.train.batchSize;
    recipe.device = config.train.device;
    recipe.threads = config.train.threads;
    BatchSource &trainSet = features.train ? static_cast<BatchSource &>(*features.train) : *prepared.train;
    BatchSource &valSet = features.train ? static_cast<BatchSource &>(*features.val) : *prepared.val;
    BatchSource *testSet = features.train ? static_cast<BatchSource *>(features.test.get()) : prepared.test.get();
    RunFolder *run = runFolder ? &*runFolder : nullptr;
    try {
        TrainSummary summary = ranks.dist ? trainDistributed(model, recipe, trainSet, valSet, testSet, run, trainerCb, fromCheckpoint, *ranks.dist)
                                          : train(model, recipe, trainSet, valSet, testSet, *run, trainerCb, fromCheckpoint);
        summary.prepareSeconds = prepareSeconds;
        summary.featureSeconds = featureSeconds;
        summary.wallSeconds = since(start);
        if (run && (summary.status == RunStatus::Finished || summary.status == RunStatus::EarlyStopped))
            writeModelCard(job.out); // checkpoints/best/README.md; errors are values: a card that cannot be written fails nothing
        return summary;
    } catch (const std::exception &e) {
        if (run) {
            try {
                run->setStatus(RunStatus::Failed, errorText(e));
            } catch (const std::exception &) {
                // run.json cannot be written either (a full disk): the first error is the one to tell
            }
        }
        throw;
    }
}

} // namespace

TrainSummary runTrainingJob(const TrainJob &job, const JobCallbacks &cb, const std::atomic<bool> *stop,
                            const std::map<std::string, std::string> &versions)
{
    const auto start = std::chrono::steady_clock::now();
    JobConfig config = job.config;
    validate(config);
    Ranks ranks = joinRanks(config.train);
    struct ReturnMemory { // the run's gigabytes go back to the system however it ends
        ~ReturnMemory() { returnFreedHostMemory(); }
    } returnMemory;
    try {
        return runRanked(job, config, ranks, cb, stop, versions, start);
    } catch (const std::exception &e) {
        if (ranks.dist)
            ranks.dist->announceFailure(errorText(e));
        throw;
    }
}

} // namespace vitscope

// bench fit: the whole recipe (train(), evaluation every epoch, checkpoints, test) on a synthetic
// data set held as the cache holds one (resized bytes in RAM), so that it runs where only
// LibTorch exists. It times what a user waits for once the cache is built. With --data it runs the
// real job on files instead (cli_bench_fit_data.cpp).
#include "cli_commands.h"
#include "cli_options.h"

#include "engine/checkpoint.h"
#include "engine/fine_tune.h"
#include "engine/pixels.h"
#include "engine/run_folder.h"
#include "engine/runtime.h"
#include "engine/trainer.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <chrono>
#include <filesystem>
#include <iostream>
#include <optional>

#include <unistd.h>

namespace vitscope::cli {
namespace {

using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

// Images whose class is a colour cast over noise, so the run also shows learning; bytes, as cached.
TensorBatchSource syntheticPart(int64_t n, int size, int classes, uint64_t seed, const torch::Tensor &table)
{
    auto g = torch::make_generator<at::CPUGeneratorImpl>(seed);
    auto labels = torch::randint(0, classes, {n}, g, torch::kInt64);
    auto casts = torch::randint(0, 128, {classes, 3, 1, 1}, torch::make_generator<at::CPUGeneratorImpl>(1), torch::kInt64)
                     .to(torch::kUInt8);
    auto pixels = torch::randint(0, 128, {n, 3, size, size}, g, torch::kUInt8);
    pixels.add_(casts.index_select(0, labels));
    return TensorBatchSource(pixels, labels, table);
}

struct FitArgs {
    std::unique_ptr<ConfigOptions> recipe;
    std::string config = "vit-base", out;
    int64_t images = 6800, val = 600, test = 600;
    bool json = false;
};

int runBenchFit(const FitArgs &args)
{
    JobConfig job; // the notebook's recipe unless told otherwise
    args.recipe->apply(job);
#ifdef VITSCOPE_WITH_DATA
    // --data: real image files, the training job with cold caches, the time split into decoding,
    // frozen-feature extraction and training (--images/--val/--test are then the data's own).
    if (!job.data.data.empty())
        return runBenchFitOnFiles(job, args.config, args.json);
#endif
    const TrainConfig &cfg = job.train;
    const int threads = configureThreads(cfg.threads);
    const torch::Device device = selectDevice(cfg.device);

    const std::string &name = args.config;
    ViTConfig config = benchConfig(name);
    config.labels = {"dyed-lifted-polyps", "dyed-resection-margins", "esophagitis", "normal-cecum",
                     "normal-pylorus", "normal-z-line", "polyps", "ulcerative-colitis"};
    const int classes = static_cast<int>(config.labels.size());
    const auto preprocess = defaultPreprocessConfig(config.imageSize);
    const auto table = normalizationTable(preprocess);
    const int64_t nTrain = args.images, nVal = args.val, nTest = args.test;
    auto trainSet = syntheticPart(nTrain, config.imageSize, classes, 11, table);
    auto valSet = syntheticPart(nVal, config.imageSize, classes, 12, table);
    auto testSet = syntheticPart(nTest, config.imageSize, classes, 13, table);

    const bool keep = !args.out.empty();
    const fs::path out = keep ? fs::path(args.out) : fs::temp_directory_path() / ("vitscope-bench-fit-" + std::to_string(::getpid()));
    if (!keep)
        fs::remove_all(out);
    torch::manual_seed(cfg.seed);
    LoadedModel model;
    model.model = ViTForImageClassification(config);
    model.preprocess = preprocess;
    model.fromScratch = true;
    model.layout = "config-only";

    const auto start = Clock::now();
    RunFolder run(out.string());
    RunInfo info;
    info.config = job;
    info.config.model = "(" + name + ", random weights)";
    info.config.data.data = "synthetic bytes in RAM (bench fit)";
    info.labels = config.labels;
    info.device = deviceDescription(device);
    info.dataset.root = info.config.data.data;
    run.start(info);
    TrainerCallbacks callbacks;
    std::vector<std::string> notes; // the trainer's log lines (CUDA graph in use or not, say)
    callbacks.onLog = [&](const std::string &line) { notes.push_back(line); };
    double firstEpochSeconds = 0;
    callbacks.onEpoch = [&](const EpochInfo &e) {
        if (e.epoch == 1)
            firstEpochSeconds = std::chrono::duration<double>(Clock::now() - start).count();
        if (!args.json)
            std::cerr << "epoch " << e.epoch << ": val accuracy " << e.val.accuracy << ", "
                      << std::chrono::duration<double>(Clock::now() - start).count() << " s\n";
    };
    // A frozen part with the feature cache, as a training job runs it: its output computed once.
    double featureSeconds = 0;
    std::optional<TensorBatchSource> featureTrain, featureVal, featureTest;
    if (cfg.fineTune.mode != FineTune::Mode::Full && cfg.featureCache) {
        const auto t0 = Clock::now();
        bool bf16 = false;
        try {
            bf16 = useBf16(cfg.precision, device);
        } catch (const std::invalid_argument &e) {
            throw UsageError(e.what());
        }
        model.model->to(device);
        featureTrain = frozenFeatures(model.model, trainSet, cfg.fineTune, device, bf16, cfg.evalBatchSize);
        featureVal = frozenFeatures(model.model, valSet, cfg.fineTune, device, bf16, cfg.evalBatchSize);
        featureTest = frozenFeatures(model.model, testSet, cfg.fineTune, device, bf16, cfg.evalBatchSize);
        featureSeconds = std::chrono::duration<double>(Clock::now() - t0).count();
    }
    const TrainSummary summary =
        featureTrain ? train(model, cfg, *featureTrain, *featureVal, &*featureTest, run, callbacks, false)
                     : train(model, cfg, trainSet, valSet, &testSet, run, callbacks, false);
    const double wall = std::chrono::duration<double>(Clock::now() - start).count();
    if (!keep)
        fs::remove_all(out);

    const nlohmann::json j = {{"config", name}, {"images", nTrain}, {"val_images", nVal}, {"test_images", nTest},
                              {"epochs", summary.epochsRun}, {"batch", cfg.batchSize}, {"eval_batch", cfg.evalBatchSize},
                              {"precision", std::string(choiceName(cfg.precision))}, {"device", deviceDescription(device)}, {"threads", threads},
                              {"wall_seconds", wall}, {"first_epoch_seconds", firstEpochSeconds},
                              {"train_seconds", summary.trainSeconds}, {"train_images_per_second", summary.imagesPerSecond},
                              {"val_accuracy", summary.val ? summary.val->accuracy : 0.0},
                              {"test_accuracy", summary.test ? summary.test->accuracy : 0.0},
                              {"cuda_graphs", cfg.cudaGraphs}, {"fine_tune", fineTuneText(cfg.fineTune)},
                              {"feature_seconds", featureSeconds}, {"notes", notes}};
    if (args.json)
        std::cout << j.dump() << "\n";
    else
        std::cout << j.dump(2) << "\n";
    return kExitOk;
}

} // namespace

nlohmann::json phaseSeconds(const TrainSummary &s)
{
    return {{"decoding", s.prepareSeconds},
            {"frozen_features", s.featureSeconds},
            {"training", s.wallSeconds - s.prepareSeconds - s.featureSeconds}, // with evaluation and checkpoints
            {"total", s.wallSeconds}};
}

void addBenchFit(CLI::App &bench, int &exitCode)
{
    auto *fit = bench.add_subcommand("fit", "the whole recipe on synthetic cached images: wall time of a run");
    auto a = std::make_shared<FitArgs>();
#ifdef VITSCOPE_WITH_DATA
    // With the full stack, the data options too (--data runs the job on real files).
    const std::vector<std::string> groups = {"data", "train"};
#else
    const std::vector<std::string> groups = {"train"};
#endif
    a->recipe = std::make_unique<ConfigOptions>(*fit, groups,
                                               std::map<std::string, std::string>{{"batch-size", "batch"}, {"eval-batch-size", "eval-batch"}});
    fit->add_option("--config", a->config, "vit-base, vit-tiny or a model folder")->capture_default_str();
    fit->add_option("--images", a->images, "training images")->check(CLI::Range(int64_t{1}, int64_t{1} << 30))->capture_default_str();
    fit->add_option("--val", a->val, "validation images")->check(CLI::Range(int64_t{1}, int64_t{1} << 30))->capture_default_str();
    fit->add_option("--test", a->test, "test images")->check(CLI::Range(int64_t{0}, int64_t{1} << 30))->capture_default_str();
    fit->add_option("--out", a->out, "keep the run folder here (default: a temporary one, removed)");
    fit->add_flag("--json", a->json, "the result as JSON");
    fit->callback([a, &exitCode] { exitCode = runBenchFit(*a); });
}

} // namespace vitscope::cli

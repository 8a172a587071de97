// bench fit: the whole recipe (train(), evaluation every epoch, checkpoints, test) on a synthetic
// data set held as the cache holds one (resized bytes in RAM), so that it runs where only
// LibTorch exists. It times what a user waits for once the cache is built.
#include "cli_args.h"
#include "cli_commands.h"

#include "engine/checkpoint.h"
#include "engine/pixels.h"
#include "engine/run_folder.h"
#include "engine/runtime.h"
#include "engine/trainer.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <chrono>
#include <filesystem>
#include <iostream>

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

} // namespace

int runBenchFit(int argc, char **argv)
{
    const Args args(argc, argv, 3, {"json"},
                    {"config", "images", "val", "test", "epochs", "batch", "eval-batch", "precision", "device", "threads",
                     "out", "warmup-steps", "lr", "cuda-graphs"});
    const int threads = configureThreads(args.intValue("threads", 0));
    TrainConfig cfg; // the notebook's recipe unless told otherwise
    cfg.epochs = args.intValue("epochs", cfg.epochs);
    cfg.batchSize = args.intValue("batch", cfg.batchSize);
    cfg.evalBatchSize = args.intValue("eval-batch", cfg.evalBatchSize);
    cfg.warmupSteps = args.intValue("warmup-steps", static_cast<int>(cfg.warmupSteps));
    cfg.lr = args.doubleValue("lr", cfg.lr);
    cfg.precision = args.value("precision", "fp32");
    if (cfg.precision != "fp32" && cfg.precision != "bf16")
        throw UsageError("--precision must be fp32 or bf16");
    cfg.device = args.value("device", "auto");
    cfg.threads = threads;
    cfg.cudaGraphs = args.onOff("cuda-graphs", cfg.cudaGraphs);
    const torch::Device device = selectDevice(cfg.device);

    const std::string name = args.value("config", "vit-base");
    ViTConfig config = benchConfig(name);
    config.labels = {"dyed-lifted-polyps", "dyed-resection-margins", "esophagitis", "normal-cecum",
                     "normal-pylorus", "normal-z-line", "polyps", "ulcerative-colitis"};
    const int classes = static_cast<int>(config.labels.size());
    const auto preprocess = defaultPreprocessConfig(config.imageSize);
    const auto table = normalizationTable(preprocess);
    const int64_t nTrain = args.intValue("images", 6800), nVal = args.intValue("val", 600), nTest = args.intValue("test", 600);
    auto trainSet = syntheticPart(nTrain, config.imageSize, classes, 11, table);
    auto valSet = syntheticPart(nVal, config.imageSize, classes, 12, table);
    auto testSet = syntheticPart(nTest, config.imageSize, classes, 13, table);

    const bool keep = args.has("out");
    const fs::path out = keep ? fs::path(args.value("out")) : fs::temp_directory_path() / ("vitscope-bench-fit-" + std::to_string(::getpid()));
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
    run.writeRunInfo(cfg, config.labels, "(" + name + ", random weights)", deviceDescription(device),
                     R"j({"dataset":{"root":"synthetic bytes in RAM (bench fit)"}})j");
    TrainerCallbacks callbacks;
    std::vector<std::string> notes; // the trainer's log lines (CUDA graph in use or not, say)
    callbacks.onLog = [&](const std::string &line) { notes.push_back(line); };
    double firstEpochSeconds = 0;
    callbacks.onEpoch = [&](const EpochInfo &e) {
        if (e.epoch == 1)
            firstEpochSeconds = std::chrono::duration<double>(Clock::now() - start).count();
        if (!args.flag("json"))
            std::cerr << "epoch " << e.epoch << ": val accuracy " << e.val.accuracy << ", "
                      << std::chrono::duration<double>(Clock::now() - start).count() << " s\n";
    };
    const TrainSummary summary = train(model, cfg, trainSet, valSet, &testSet, run, callbacks, false);
    const double wall = std::chrono::duration<double>(Clock::now() - start).count();
    if (!keep)
        fs::remove_all(out);

    const nlohmann::json j = {{"config", name}, {"images", nTrain}, {"val_images", nVal}, {"test_images", nTest},
                              {"epochs", summary.epochsRun}, {"batch", cfg.batchSize}, {"eval_batch", cfg.evalBatchSize},
                              {"precision", cfg.precision}, {"device", deviceDescription(device)}, {"threads", threads},
                              {"wall_seconds", wall}, {"first_epoch_seconds", firstEpochSeconds},
                              {"train_seconds", summary.trainSeconds}, {"train_images_per_second", summary.imagesPerSecond},
                              {"val_accuracy", summary.val ? summary.val->accuracy : 0.0},
                              {"test_accuracy", summary.test ? summary.test->accuracy : 0.0},
                              {"cuda_graphs", cfg.cudaGraphs}, {"notes", notes}};
    if (args.flag("json"))
        std::cout << j.dump() << "\n";
    else
        std::cout << j.dump(2) << "\n";
    return kExitOk;
}

} // namespace vitscope::cli

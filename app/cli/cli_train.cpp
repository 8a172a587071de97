// Training subcommands: train (and --resume), eval, export.
#include "cli_args.h"
#include "cli_commands.h"

#include "data/image_io.h"
#include "data/pipeline.h"
#include "data/training_job.h"
#include "engine/checkpoint.h"
#include "engine/file_util.h"
#include "engine/run_folder.h"
#include "engine/runtime.h"
#include "engine/trainer.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <QtGlobal>

#include <csignal>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <unistd.h>

namespace fs = std::filesystem;
using nlohmann::json;

namespace vitscope::cli {
namespace {

std::atomic<bool> g_stop{false};

void onSignal(int)
{
    g_stop = true; // the trainer checks this each step and saves a resumable checkpoint
}

json metricsJson(const Metrics &m)
{
    return {{"accuracy", m.accuracy}, {"weighted_f1", m.weightedF1}, {"weighted_precision", m.weightedPrecision},
            {"weighted_recall", m.weightedRecall}, {"macro_f1", m.macroF1}, {"mcc", m.mcc}, {"loss", m.loss}, {"count", m.count}};
}

void progressBar(const std::string &what, double fraction, const std::string &tail)
{
    if (!isatty(STDERR_FILENO))
        return;
    const int width = 30, filled = static_cast<int>(fraction * width);
    std::fprintf(stderr, "\r%-26.26s [%s%s] %5.1f%% %s\033[K", what.c_str(), std::string(filled, '#').c_str(),
                 std::string(width - filled, '.').c_str(), 100 * fraction, tail.c_str());
    std::fflush(stderr);
}

std::string eta(double seconds)
{
    char buf[32];
    const int s = static_cast<int>(seconds);
    std::snprintf(buf, sizeof buf, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    return buf;
}

const std::set<std::string> kTrainOptions = {"data", "model", "out", "val-data", "test-data", "split", "epochs", "batch-size",
                                             "eval-batch-size", "lr", "warmup-steps", "warmup-ratio", "weight-decay",
                                             "max-grad-norm", "grad-accum", "metric", "seed", "device", "precision", "threads",
                                             "augment", "cache-dir", "early-stopping", "resume", "log-every", "cuda-graphs"};

TrainConfig configFrom(const Args &a, TrainConfig c)
{
    c.epochs = a.intValue("epochs", c.epochs);
    c.batchSize = a.intValue("batch-size", c.batchSize);
    c.evalBatchSize = a.intValue("eval-batch-size", c.evalBatchSize);
    c.lr = a.doubleValue("lr", c.lr);
    c.warmupSteps = a.intValue("warmup-steps", static_cast<int>(c.warmupSteps));
    c.warmupRatio = a.doubleValue("warmup-ratio", c.warmupRatio);
    c.weightDecay = a.doubleValue("weight-decay", c.weightDecay);
    c.maxGradNorm = a.doubleValue("max-grad-norm", c.maxGradNorm);
    c.gradAccum = a.intValue("grad-accum", c.gradAccum);
    c.metric = a.value("metric", c.metric);
    c.seed = static_cast<uint64_t>(a.intValue("seed", static_cast<int>(c.seed)));
    c.device = a.value("device", c.device);
    c.precision = a.value("precision", c.precision);
    c.threads = a.intValue("threads", c.threads);
    if (a.has("augment"))
        c.augment = a.list("augment");
    c.earlyStopping = a.intValue("early-stopping", c.earlyStopping);
    c.logEvery = a.intValue("log-every", c.logEvery);
    c.cudaGraphs = a.onOff("cuda-graphs", c.cudaGraphs);
    return c;
}

} // namespace

int runTrain(int argc, char **argv)
{
    Args a(argc, argv, 2, {"json"}, kTrainOptions);
    TrainJob job;
    if (a.has("resume")) {
        job = resumeJob(a.value("resume"));
        job.config.device = a.value("device", job.config.device);
        job.config.threads = a.intValue("threads", job.config.threads);
        job.config.cudaGraphs = a.onOff("cuda-graphs", job.config.cudaGraphs);
    } else {
        for (const char *required : {"data", "model", "out"})
            if (!a.has(required))
                throw UsageError(std::string("--") + required + " is required (or --resume RUN_DIR)");
        job.config = configFrom(a, job.config);
        job.model = a.value("model");
        job.out = a.value("out");
        job.data.data = a.value("data");
        job.data.valData = a.value("val-data");
        job.data.testData = a.value("test-data");
        if (a.has("split"))
            job.data.ratios = parseRatios(a.value("split"));
        job.data.seed = job.config.seed;
        job.data.cacheDir = a.value("cache-dir");
    }
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    JobCallbacks cb;
    cb.progress = [](const std::string &stage, int64_t done, int64_t total) {
        if (done % 16 == 0 || done == total)
            progressBar(stage, static_cast<double>(done) / static_cast<double>(total), std::to_string(done) + "/" + std::to_string(total));
        if (done == total && isatty(STDERR_FILENO))
            std::fprintf(stderr, "\n");
    };
    cb.warning = [](const std::string &w) { std::cerr << "note: " << w << "\n"; };
    cb.trainer.onStep = [](const StepInfo &s) {
        char tail[128];
        std::snprintf(tail, sizeof tail, "step %lld/%lld loss %.4f %.1f img/s ETA %s", static_cast<long long>(s.step),
                      static_cast<long long>(s.totalSteps), s.loss, s.imagesPerSecond, eta(s.etaSeconds).c_str());
        progressBar("epoch " + std::to_string(s.epoch), static_cast<double>(s.step) / static_cast<double>(s.totalSteps), tail);
    };
    cb.trainer.onEpoch = [](const EpochInfo &e) {
        if (isatty(STDERR_FILENO))
            std::fprintf(stderr, "\n");
        std::fprintf(stderr, "epoch %d: val accuracy %.4f, weighted F1 %.4f, loss %.4f%s\n", e.epoch, e.val.accuracy, e.val.weightedF1,
                     e.val.loss, e.best ? "  (best so far)" : "");
    };
    cb.trainer.onLog = [](const std::string &s) { std::cerr << s << "\n"; };
    const std::string versions = json({{"qt", qVersion()}, {"opencv", opencvVersion()}}).dump();
    const TrainSummary summary = runTrainingJob(job, cb, &g_stop, versions);
    if (a.flag("json")) {
        json j = {{"run", fs::absolute(job.out).string()}, {"status", summary.status}, {"best_epoch", summary.bestEpoch},
                  {"epochs_run", summary.epochsRun}, {"train_seconds", summary.trainSeconds},
                  {"images_per_second", summary.imagesPerSecond}};
        j["val"] = summary.val ? metricsJson(*summary.val) : json(nullptr);
        j["test"] = summary.test ? metricsJson(*summary.test) : json(nullptr);
        std::cout << j.dump() << "\n";
    } else {
        std::cout << "run " << job.out << ": " << summary.status << ", best epoch " << summary.bestEpoch << "\n";
        if (summary.test)
            std::cout << "test accuracy " << summary.test->accuracy << ", weighted F1 " << summary.test->weightedF1 << "\n";
    }
    return summary.status == "stopped" ? kExitFailure : kExitOk;
}

int runEval(int argc, char **argv)
{
    Args a(argc, argv, 2, {"json"}, {"model", "data", "split-file", "part", "device", "threads", "cache-dir", "batch-size"});
    if (!a.has("model") || (!a.has("data") && !a.has("split-file")))
        throw UsageError("--model DIR and --data DIR (or --split-file FILE) are required");
    const torch::Device device = selectDevice(a.value("device", "auto"));
    configureThreads(a.intValue("threads", 0));
    auto model = loadModel(a.value("model"), {{}, device});
    DataOptions data;
    data.data = a.value("data");
    data.cacheDir = a.value("cache-dir");
    const std::string part = a.value("part", a.has("split-file") ? "test" : "all");
    if (a.has("split-file"))
        data.splitFile = a.value("split-file");
    else
        data.ratios = {1.0, 0.0, 0.0}; // the whole folder
    auto prepared = prepareData(data, model.preprocess);
    if (prepared.split.classes != model.config().labels)
        throw std::runtime_error("the data's classes do not match the model's labels");
    CachedDataset *set = part == "test" ? prepared.test.get() : part == "val" ? prepared.val.get() : prepared.train.get();
    if (part != "test" && part != "val" && part != "train" && part != "all")
        throw UsageError("--part must be test, val, train or all");
    const auto r = evaluate(model.model, *set, a.intValue("batch-size", 32), device);
    if (a.flag("json")) {
        json j = metricsJson(r.metrics);
        j["confusion"] = r.metrics.confusion;
        j["labels"] = model.config().labels;
        j["part"] = part;
        std::cout << j.dump() << "\n";
    } else {
        std::cout << metricsToJson(r.metrics, model.config().labels) << "\n";
    }
    return kExitOk;
}

int runExport(int argc, char **argv)
{
    Args a(argc, argv, 2, {}, {"run", "out"});
    if (!a.has("run") || !a.has("out"))
        throw UsageError("--run RUN_DIR and --out DIR are required");
    RunFolder run(a.value("run"));
    auto model = loadModel(run.bestFolder());
    exportModel(model.model, model.preprocess, a.value("out"));
    std::cerr << "exported the best model of " << a.value("run") << " to " << a.value("out") << "\n";
    return kExitOk;
}

} // namespace vitscope::cli

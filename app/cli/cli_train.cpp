// Training subcommands: train (and --resume), eval, export.
#include "cli_commands.h"
#include "cli_options.h"

#include "config/config_fields.h"

#include "data/image_io.h"
#include "data/pipeline.h"
#include "job/estimate.h"
#include "job/training_job.h"
#include "engine/checkpoint.h"
#include "engine/distributed.h"
#include "engine/file_util.h"
#include "engine/model_calibration.h"
#include "engine/run_folder.h"
#include "engine/runtime.h"
#include "engine/trainer.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <iomanip>
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

struct TrainArgs {
    std::unique_ptr<ConfigOptions> config;
    std::string out, resume;
    bool json = false, estimate = false, fromBest = false;
};

// train --estimate: the time of each mode and precision, from a probe on this device, as JSON.
int runEstimate(const TrainArgs &a)
{
    JobConfig config;
    for (const char *required : {"data.data", "model"})
        if (!a.config->given(required))
            throw UsageError(std::string("--") + (std::string(required) == "model" ? "model" : "data") + " is required for --estimate");
    a.config->apply(config);
    validate(config);
    const JobEstimate e = estimateJob(config, [](const std::string &s) { std::cerr << s << "\n"; });
    std::cout << estimateToJson(e) << "\n";
    return kExitOk;
}

int runTrain(const TrainArgs &a)
{
    if (a.estimate)
        return runEstimate(a);
    TrainJob job;
    if (!a.resume.empty()) {
        if (!a.out.empty())
            throw UsageError("--resume RUN_DIR continues that run: leave out --out");
        if (const auto fixed = a.config->fixedOnResume(); !fixed.empty())
            throw UsageError(fixed.front() + " cannot change when resuming: the run's recipe and data are fixed in its run.json "
                                             "(only --device, --threads, --cuda-graphs, --log-every, --dist-backend and --dist-timeout may change)");
        job = resumeJob(a.resume);
        job.resumeFrom = a.fromBest ? ResumePoint::Best : ResumePoint::Last;
        a.config->apply(job.config); // the environment settings given now
    } else {
        if (a.fromBest)
            throw UsageError("--from-best goes with --resume RUN_DIR");
        for (const char *required : {"data.data", "model"})
            if (!a.config->given(required))
                throw UsageError(std::string("--") + (std::string(required) == "model" ? "model" : "data") +
                                 " is required (or --resume RUN_DIR)");
        if (a.out.empty())
            throw UsageError("--out RUN_DIR is required (or --resume RUN_DIR)");
        a.config->apply(job.config);
        job.out = a.out;
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
    std::map<std::string, std::string> versions;
    for (auto [name, version] : stackVersions()) { // run.json's keys are lower case, as the GUI writes them
        std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        versions[name] = version;
    }
    const TrainSummary summary = runTrainingJob(job, cb, &g_stop, versions);
    const std::string status(choiceName(summary.status));
    if (distEnvironment().rank != 0) // rank 0 reports for a distributed run
        return summary.status == RunStatus::Stopped ? kExitFailure : kExitOk;
    if (a.json) {
        json j = {{"run", fs::absolute(job.out).string()}, {"status", status}, {"best_epoch", summary.bestEpoch},
                  {"epochs_run", summary.epochsRun}, {"train_seconds", summary.trainSeconds},
                  {"images_per_second", summary.imagesPerSecond},
                  {"phase_seconds", phaseSeconds(summary)}};
        j["val"] = summary.val ? metricsJson(*summary.val) : json(nullptr);
        j["test"] = summary.test ? metricsJson(*summary.test) : json(nullptr);
        std::cout << j.dump() << "\n";
    } else {
        std::cout << "run " << job.out << ": " << status << ", best epoch " << summary.bestEpoch << "\n";
        if (summary.test)
            std::cout << "test accuracy " << summary.test->accuracy << ", weighted F1 " << summary.test->weightedF1 << "\n";
    }
    return summary.status == RunStatus::Stopped ? kExitFailure : kExitOk;
}

struct EvalArgs {
    std::string model, data, splitFile, part, device = "auto", cacheDir;
    int threads = 0, batchSize = 32;
    bool json = false;
};

// The model's results on a labelled folder, or on one part of a run's split.
struct PartResult {
    LoadedModel model;
    EvalResult result;
    std::string part;
};
PartResult evaluatePart(const EvalArgs &a, const std::string &defaultPartWithSplit)
{
    if (a.data.empty() && a.splitFile.empty())
        throw UsageError("--data DIR (or --split-file FILE) is required");
    const torch::Device device = selectDevice(a.device);
    configureThreads(a.threads);
    PartResult out{loadModel(a.model, {{}, device, LoadPurpose::Inference}), {}, {}};
    JobConfig data;
    data.data.data = a.data;
    data.data.cacheDir = a.cacheDir;
    data.train.threads = a.threads;
    out.part = !a.part.empty() ? a.part : !a.splitFile.empty() ? defaultPartWithSplit : "all";
    if (a.splitFile.empty())
        data.data.split = {1.0, 0.0, 0.0}; // the whole folder
    auto prepared = prepareData(data, a.splitFile, out.model.preprocess);
    if (prepared.split.classes != out.model.config().labels)
        throw std::runtime_error("the data's classes do not match the model's labels");
    CachedDataset *set = out.part == "test" ? prepared.test.get() : out.part == "val" ? prepared.val.get() : prepared.train.get();
    if (!set || set->size() == 0)
        throw std::runtime_error("the " + out.part + " part holds no images");
    out.result = evaluate(out.model.model, *set, a.batchSize, device);
    return out;
}

int runEval(const EvalArgs &a)
{
    const auto [model, r, part] = evaluatePart(a, "test");
    if (a.json) {
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

struct CalibrateArgs : EvalArgs {
    std::string score = std::string(choiceName(kDefaultScore));
    double alpha = kDefaultAlpha;
};

int runCalibrate(const CalibrateArgs &a)
{
    if (a.part == "train")
        throw UsageError("calibrating on the images a model trained on makes it over-confident: use held-out images (--part val)");
    auto [model, r, part] = evaluatePart(a, "val");
    const std::string fittedOn = !a.splitFile.empty() ? part + " part of " + a.splitFile : fs::absolute(a.data).string();
    const auto cal = fitCalibration(scoreMatrix(r.logits), r.labels, fittedOn, parseChoice<ConformalScore>(a.score, "--score"), a.alpha);
    writeCalibration(a.model, cal);
    const double qhat = cal.threshold(a.alpha);
    if (a.json) {
        std::cout << json({{"calibration", calibrationFile(a.model)}, {"temperature", cal.temperature}, {"count", cal.count},
                           {"fitted_on", fittedOn}, {"score", a.score}, {"alpha", a.alpha},
                           {"qhat", std::isfinite(qhat) ? json(qhat) : json(nullptr)},
                           {"raw", toJson(cal.raw)}, {"scaled", toJson(cal.scaled)}})
                         .dump()
                  << "\n";
        return kExitOk;
    }
    std::cout << "temperature " << cal.temperature << " fitted on " << cal.count << " images (" << fittedOn << ")\n"
              << "            raw      scaled\n";
    auto row = [](const char *name, double before, double after) {
        std::cout << std::left << std::setw(8) << name << std::right << std::fixed << std::setprecision(4) << std::setw(9)
                  << before << std::setw(10) << after << "\n";
    };
    row("NLL", cal.raw.nll, cal.scaled.nll);
    row("Brier", cal.raw.brier, cal.scaled.brier);
    row("ECE", cal.raw.ece, cal.scaled.ece);
    row("MCE", cal.raw.mce, cal.scaled.mce);
    std::cout << std::defaultfloat;
    if (std::isfinite(qhat))
        std::cout << a.score << " threshold at alpha " << a.alpha << ": " << qhat << "\n";
    else
        std::cout << "too few images for " << 100 * (1 - a.alpha) << " % sets (at least " << std::ceil(1 / a.alpha - 1)
                  << " needed): every set holds every class\n";
    std::cout << "written to " << calibrationFile(a.model) << "\n";
    return kExitOk;
}

int runExport(const std::string &runFolder, const std::string &out)
{
    RunFolder run(runFolder);
    auto model = loadModel(run.bestFolder());
    exportModel(model.model, model.preprocess, out);
    if (const auto calibration = readCalibration(run.bestFolder()))
        writeCalibration(out, *calibration);
    std::cerr << "exported the best model of " << runFolder << " to " << out << "\n";
    return kExitOk;
}

} // namespace

void addTrain(CLI::App &app, int &exitCode)
{
    auto *sub = app.add_subcommand("train", "fine-tune a ViT on a class-per-folder data set (the notebook's recipe by default)");
    auto args = std::make_shared<TrainArgs>();
    args->config = std::make_unique<ConfigOptions>(*sub, std::vector<std::string>{"", "data", "train"});
    sub->add_option("--out", args->out, "new run folder (configuration, metrics, checkpoints, predictions)");
    sub->add_option("--resume", args->resume, "continue the stopped or killed run in this folder with its recorded configuration");
    sub->add_flag("--from-best", args->fromBest,
                  "with --resume: continue from the checkpoint kept at the end of the best epoch instead of the last one "
                  "(when the last is damaged); the epochs after it are trained again");
    sub->add_flag("--json", args->json, "print the summary as JSON");
    sub->add_flag("--estimate", args->estimate,
                  "print the estimated time per epoch and in total of each fine-tune mode and precision (a short timed probe "
                  "on this device; what is cached counts) as JSON, and exit");
    sub->footer("Ctrl+C stops after the current step with a resumable checkpoint (exit 1).");
    sub->callback([args, &exitCode] { exitCode = runTrain(*args); });
}

void addEval(CLI::App &app, int &exitCode)
{
    auto *sub = app.add_subcommand("eval", "metrics and confusion matrix of a model on a labelled data set");
    auto a = std::make_shared<EvalArgs>();
    sub->add_option("--model", a->model, "Hugging Face model folder")->required();
    sub->add_option("--data", a->data, "data set folder: one sub-folder of images per class");
    sub->add_option("--split-file", a->splitFile, "a run's split.json: evaluate one of its parts");
    sub->add_option("--part", a->part, "part of the split: test (default with --split-file), val, train, or all (default)")
        ->check(CLI::IsMember({"test", "val", "train", "all"}));
    sub->add_option("--device", a->device, "auto, cpu, cuda or cuda:N")->capture_default_str();
    sub->add_option("--threads", a->threads, "CPU threads; 0 uses every core")->check(CLI::Range(0, 4096))->capture_default_str();
    sub->add_option("--batch-size", a->batchSize, "images per batch")->check(CLI::Range(1, 1 << 20))->capture_default_str();
    sub->add_option("--cache-dir", a->cacheDir, "preprocessed-image cache (default: the user's cache folder)");
    sub->add_flag("--json", a->json, "print the metrics as one JSON object");
    sub->callback([a, &exitCode] { exitCode = runEval(*a); });
}

void addCalibrate(CLI::App &app, int &exitCode)
{
    auto *sub = app.add_subcommand("calibrate", "fit a temperature and prediction-set threshold on held-out labelled images; writes MODEL/calibration.json");
    auto a = std::make_shared<CalibrateArgs>();
    sub->add_option("--model", a->model, "Hugging Face model folder (model.safetensors and config.json stay as they are)")->required();
    sub->add_option("--data", a->data, "held-out data set folder: one sub-folder of images per class (images the model did not train on)");
    sub->add_option("--split-file", a->splitFile, "a run's split.json: calibrate on one of its parts");
    sub->add_option("--part", a->part, "part of the split: val (default with --split-file), test, or all (default)")
        ->check(CLI::IsMember({"test", "val", "train", "all"}));
    sub->add_option("--score", a->score, "conformal score: lac (smallest sets on average) or aps (sets that grow with ambiguity)")
        ->check(CLI::IsMember(choiceNames<ConformalScore>()))
        ->capture_default_str();
    sub->add_option("--alpha", a->alpha, "default level of the sets: they miss the true class with probability alpha")
        ->check(CLI::Range(0.001, 0.5))
        ->capture_default_str();
    sub->add_option("--device", a->device, "auto, cpu, cuda or cuda:N")->capture_default_str();
    sub->add_option("--threads", a->threads, "CPU threads; 0 uses every core")->check(CLI::Range(0, 4096))->capture_default_str();
    sub->add_option("--batch-size", a->batchSize, "images per batch")->check(CLI::Range(1, 1 << 20))->capture_default_str();
    sub->add_option("--cache-dir", a->cacheDir, "preprocessed-image cache (default: the user's cache folder)");
    sub->add_flag("--json", a->json, "print the result as one JSON object");
    sub->callback([a, &exitCode] { exitCode = runCalibrate(*a); });
}

void addExport(CLI::App &app, int &exitCode)
{
    auto *sub = app.add_subcommand("export", "write a run's best model as a Hugging Face folder");
    auto run = std::make_shared<std::string>(), out = std::make_shared<std::string>();
    sub->add_option("--run", *run, "run folder")->required();
    sub->add_option("--out", *out, "folder to write (config.json, model.safetensors, preprocessor_config.json)")->required();
    sub->callback([run, out, &exitCode] { exitCode = runExport(*run, *out); });
}

} // namespace vitscope::cli

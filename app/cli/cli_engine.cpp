// Engine-only subcommands: --version, bench infer, bench train (synthetic tensors).
#include "cli_commands.h"

#include "engine/autocast.h"
#include "engine/checkpoint.h"
#include "engine/cpu_features.h"
#include "engine/fine_tune.h"
#include "engine/graph_step.h"
#include "engine/optim.h"
#include "engine/runtime.h"
#include "engine/trainer.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <numeric>

namespace vitscope::cli {
namespace {

using Clock = std::chrono::steady_clock;

// --precision as the trainer reads it; a refusal (bf16 where it is not native) is a usage error.
bool resolveBf16(const std::string &precision, const torch::Device &device)
{
    try {
        return useBf16(parseChoice<Precision>(precision, "--precision"), device);
    } catch (const std::invalid_argument &e) {
        throw UsageError(e.what());
    }
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0.0 : (v.size() % 2 ? v[v.size() / 2] : 0.5 * (v[v.size() / 2 - 1] + v[v.size() / 2]));
}

void synchronize(const torch::Device &device)
{
    if (device.is_cuda())
        torch::cuda::synchronize(device.index());
}

struct InferArgs {
    std::string model, device = "cpu", precision = "fp32";
    int threads = 0, runs = 10;
    bool json = false;
};

int benchInfer(const InferArgs &args)
{
    const int threads = configureThreads(args.threads);
    const torch::Device device = selectDevice(args.device);
    std::string modelName = "ViT-B/16 (random weights)";
    ViTForImageClassification model{nullptr};
    if (!args.model.empty()) {
        model = loadModel(args.model, {{}, device}).model;
        modelName = args.model;
    } else {
        auto config = vitBaseConfig();
        config.labels = {"a", "b", "c", "d", "e", "f", "g", "h"};
        model = ViTForImageClassification(config);
        model->to(device);
    }
    const int runs = args.runs;
    const int size = model->config().imageSize;
    const bool bf16 = resolveBf16(args.precision, device);
    auto x = torch::randn({1, 3, size, size}).to(device);
    std::vector<double> ms;
    torch::Tensor fp32Probs, probs;
    {
        torch::InferenceMode inference;
        model->eval();
        fp32Probs = torch::softmax(model(x), -1).cpu();
        for (int i = 0; i < 3 + runs; ++i) {
            const auto t0 = Clock::now();
            AutocastGuard autocast(device, bf16);
            auto p = torch::softmax(model(x).to(torch::kFloat32), -1).cpu();
            probs = p;
            synchronize(device);
            if (i >= 3)
                ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
        }
    }
    const double forward = median(ms);
    double preprocess = -1;
#ifdef VITSCOPE_WITH_DATA
    preprocess = preprocessMillisecondsForBench(size);
#endif
    const double latency = forward + std::max(0.0, preprocess);
    if (args.json) {
        nlohmann::json j = {{"model", modelName}, {"threads", threads}, {"device", deviceDescription(device)},
                            {"precision", bf16 ? "bf16" : "fp32"}, {"forward_ms", forward}, {"latency_ms", latency},
                            {"max_probability_difference_to_fp32", (probs - fp32Probs).abs().max().item<double>()}};
        j["preprocess_ms"] = preprocess >= 0 ? nlohmann::json(preprocess) : nlohmann::json(nullptr);
        std::cout << j.dump() << "\n";
    } else {
        std::cout << "model:       " << modelName << "\nthreads:     " << threads << "\n";
        if (preprocess >= 0)
            std::cout << "preprocess:  " << preprocess << " ms (720x576 JPEG)\n";
        std::cout << "forward:     " << forward << " ms (median of " << runs << ")\nlatency:     " << latency << " ms\n";
    }
    return kExitOk;
}

struct TrainBenchArgs {
    std::string config = "vit-base", precision = "fp32", device = "auto", adamw = "auto", qkv = "fused", trace, cudaGraphs = "on";
    std::string fineTune = "full", featureCache = "on";
    int threads = 0, batch = 0, steps = 0, warmup = -1;
    bool json = false;
};

int benchTrain(const TrainBenchArgs &args)
{
    const int threads = configureThreads(args.threads);
    const torch::Device device = selectDevice(args.device);
    const bool bf16 = resolveBf16(args.precision, device);
    const std::string precision = bf16 ? "bf16" : "fp32";
    const bool cudaGraphs = args.cudaGraphs == "on";
    auto config = benchConfig(args.config);
    config.labels = {"a", "b", "c", "d", "e", "f", "g", "h"};
    const int batch = args.batch > 0 ? args.batch : device.is_cuda() ? 128 : 16;
    const int steps = args.steps > 0 ? args.steps : device.is_cuda() ? 30 : 4;
    const int warmup = args.warmup >= 0 ? args.warmup : device.is_cuda() ? 5 : 1;
    allowTensorFloat32(device);
    torch::manual_seed(0);
    ViTForImageClassification model(config);
    model->to(device);
    model->train();
    const std::string &qkv = args.qkv;
    const auto qkvMode = qkv == "separate" ? QkvMode::Separate : QkvMode::Fused;
    model->setQkvMode(qkvMode);
    const std::string kernel =
        attentionKernel(config, qkvMode, batch, torch::TensorOptions().device(device).dtype(bf16 ? torch::kBFloat16 : torch::kFloat32));
    const FineTune fineTune = parseFineTune(args.fineTune, "--fine-tune");
    applyFineTune(model, fineTune);
    AdamWOptions adamw;
    adamw.implementation = args.adamw;
    AdamW optimizer(*model, adamw);
    auto x = torch::randn({batch, 3, config.imageSize, config.imageSize}).to(device);
    auto y = torch::randint(0, 8, {batch}, torch::kInt64).to(device);
    Batch input{.pixels = x, .labels = y};
    // With a frozen part and the feature cache (as train does): steps start from its output.
    const bool fromFeatures = fineTune.mode != FineTune::Mode::Full && args.featureCache == "on";
    if (fromFeatures) {
        TensorBatchSource images(x.cpu(), y.cpu());
        auto features = frozenFeatures(model, images, fineTune, device, bf16, batch);
        input = features.batch([&] {
            std::vector<int64_t> all(static_cast<std::size_t>(batch));
            std::iota(all.begin(), all.end(), 0);
            return all;
        }(), 0);
        input.pixels = input.pixels.to(device);
        model->train();
    }
    const auto fetch = [&](int64_t) { return input; };
    // As train() does: a CUDA graph where supported (after its own ordinary warm-up steps).
    std::unique_ptr<GraphedTrainStep> graphed;
    if (cudaGraphs && !fromFeatures && GraphedTrainStep::supported(model, optimizer, device, 1))
        graphed = std::make_unique<GraphedTrainStep>(model, optimizer, device, bf16, 1.0);
    StepResult previous;
    auto runSteps = [&](int count) {
        for (int i = 0; i < count; ++i) {
            const StepResult step = graphed ? graphed->run(fetch(0), 2e-5) : trainStep(model, optimizer, 1, fetch, 2e-5, 1.0, device, bf16);
            if (previous.loss.defined()) // as train() does: each step read back once the next is queued
                readBack(previous);
            previous = step;
        }
    };
    // The recording and its first replay stay out of the timing.
    runSteps(graphed ? std::max(warmup, GraphedTrainStep::kOrdinaryStepsFirst + 2) : warmup);
    synchronize(device);
    const auto start = Clock::now();
    runSteps(steps);
    readBack(previous);
    synchronize(device);
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    if (!args.trace.empty()) // a few more steps under LibTorch's profiler, after the timing
        traceSteps(args.trace, [&] { runSteps(3); readBack(previous); synchronize(device); });
    const double ips = static_cast<double>(batch) * steps / seconds;
    const std::string &name = args.config;
    if (args.json) {
        std::cout << nlohmann::json({{"config", name}, {"batch", batch}, {"precision", precision},
                                     {"fine_tune", fineTuneText(fineTune)}, {"from_cached_features", fromFeatures},
                                     {"device", deviceDescription(device)}, {"threads", threads},
                                     {"steps", steps}, {"adamw", optimizer.implementation()}, {"qkv", qkv},
                                     {"attention_kernel", kernel},
                                     {"cuda_graphs", graphed && graphed->recorded()},
                                     {"cuda_graphs_note", graphed ? graphed->disabledReason() : std::string("not supported here")},
                                     {"images_per_second", ips}})
                         .dump()
                  << "\n";
    } else {
        std::cout << name << ", batch " << batch << ", " << precision << ", " << deviceDescription(device) << ": "
                  << ips << " training images/s (" << steps << " steps after " << warmup << " warm-up; AdamW "
                  << optimizer.implementation() << ")\n";
    }
    return kExitOk;
}

} // namespace

ViTConfig benchConfig(const std::string &name)
{
    if (name.empty() || name == "vit-base")
        return vitBaseConfig();
    if (name == "vit-tiny")
        return vitTinyConfig(224);
    if (std::filesystem::is_directory(name))
        return loadViTConfig((std::filesystem::path(name) / "config.json").string());
    throw UsageError("--config must be vit-base, vit-tiny or a model folder, got '" + name + "'");
}

int printVersion()
{
    const torch::Device device = selectDevice("auto");
    if (device.is_cpu())
        configureThreads(0);
    std::cout << "vitscope " << VITSCOPE_VERSION << "\n"
              << "LibTorch " << libtorchVersion() << "\n";
#ifdef VITSCOPE_WITH_DATA
    for (const auto &[name, version] : stackVersions())
        std::cout << name << " " << version << "\n";
#else
    std::cout << "Qt (not in this engine-only build)\nOpenCV (not in this engine-only build)\n";
#endif
    std::cout << "device " << deviceDescription(device) << "\n"
              << "cpu bf16 " << cpuBf16Description() << "\n";
    return kExitOk;
}

void addVersion(CLI::App &app, int &exitCode)
{
    app.add_subcommand("version", "versions of vitscope, LibTorch, Qt, OpenCV and the compute device")
        ->callback([&exitCode] { exitCode = printVersion(); });
}

void addBench(CLI::App &app, int &exitCode)
{
    auto *bench = app.add_subcommand("bench", "benchmarks (timings belong here, not in tests)")->require_subcommand(1);

    auto *infer = bench->add_subcommand("infer", "single-image forward latency");
    auto i = std::make_shared<InferArgs>();
    infer->add_option("--model", i->model, "model folder (default: ViT-B/16 with random weights)");
    infer->add_option("--threads", i->threads, "CPU threads; 0 uses every core")->check(CLI::Range(0, 4096));
    infer->add_option("--runs", i->runs, "timed forward passes")->check(CLI::Range(1, 100000))->capture_default_str();
    infer->add_option("--device", i->device, "cpu, cuda or cuda:N")->capture_default_str();
    infer->add_option("--precision", i->precision, "fp32, bf16 or auto (bf16 where native)")
        ->check(CLI::IsMember(choiceNames<Precision>()))
        ->capture_default_str();
    infer->add_flag("--json", i->json, "the result as JSON");
    infer->callback([i, &exitCode] { exitCode = benchInfer(*i); });

    auto *train = bench->add_subcommand("train", "training images/s of the recipe's step on synthetic tensors");
    auto t = std::make_shared<TrainBenchArgs>();
    train->add_option("--config", t->config, "vit-base, vit-tiny or a model folder")->capture_default_str();
    train->add_option("--batch", t->batch, "images per step (default: 128 on CUDA, 16 on the CPU)")->check(CLI::Range(1, 1 << 20));
    train->add_option("--precision", t->precision, "fp32, bf16 or auto (bf16 where native)")->check(CLI::IsMember(choiceNames<Precision>()))->capture_default_str();
    train->add_option("--device", t->device, "auto, cpu, cuda or cuda:N")->capture_default_str();
    train->add_option("--threads", t->threads, "CPU threads; 0 uses every core")->check(CLI::Range(0, 4096));
    train->add_option("--steps", t->steps, "timed steps (default: 30 on CUDA, 4 on the CPU)")->check(CLI::Range(1, 100000));
    train->add_option("--warmup", t->warmup, "untimed steps first (default: 5 on CUDA, 1 on the CPU)")->check(CLI::Range(0, 100000));
    train->add_option("--adamw", t->adamw, "AdamW implementation")->check(CLI::IsMember({"auto", "foreach", "fused"}))->capture_default_str();
    train->add_option("--qkv", t->qkv, "query/key/value as one GEMM or three")->check(CLI::IsMember({"fused", "separate"}))->capture_default_str();
    train->add_option("--cuda-graphs", t->cudaGraphs, "replay steps from a CUDA graph where supported")
        ->check(CLI::IsMember({"on", "off"}))
        ->capture_default_str();
    train->add_option("--trace", t->trace, "write a Chrome trace of 3 more steps (needs Kineto)");
    train->add_option("--fine-tune", t->fineTune, "full, last:K or head")->capture_default_str();
    train->add_option("--feature-cache", t->featureCache, "with a frozen part: steps from its cached output (on) or recomputed (off)")
        ->check(CLI::IsMember({"on", "off"}))
        ->capture_default_str();
    train->add_flag("--json", t->json, "the result as JSON");
    train->callback([t, &exitCode] { exitCode = benchTrain(*t); });

    addBenchFit(*bench, exitCode);
    addBenchDist(*bench, exitCode);
#ifdef VITSCOPE_WITH_DATA
    addBenchData(*bench, exitCode);
#endif
}

} // namespace vitscope::cli

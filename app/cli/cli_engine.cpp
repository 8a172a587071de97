// Engine-only subcommands: --version, bench infer, bench train (synthetic tensors).
#include "cli_args.h"
#include "cli_commands.h"

#include "engine/checkpoint.h"
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

namespace vitscope::cli {
namespace {

using Clock = std::chrono::steady_clock;

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

int benchInfer(const Args &args)
{
    const int threads = configureThreads(args.intValue("threads", 0));
    const torch::Device device = selectDevice(args.value("device", "cpu"));
    std::string modelName = "ViT-B/16 (random weights)";
    ViTForImageClassification model{nullptr};
    if (args.has("model")) {
        model = loadModel(args.value("model"), {{}, device}).model;
        modelName = args.value("model");
    } else {
        auto config = vitBaseConfig();
        config.labels = {"a", "b", "c", "d", "e", "f", "g", "h"};
        model = ViTForImageClassification(config);
        model->to(device);
    }
    const int runs = args.intValue("runs", 10);
    const int size = model->config().imageSize;
    auto x = torch::randn({1, 3, size, size}).to(device);
    std::vector<double> ms;
    {
        torch::InferenceMode inference;
        model->eval();
        for (int i = 0; i < 3 + runs; ++i) {
            const auto t0 = Clock::now();
            auto p = torch::softmax(model(x), -1).cpu();
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
    if (args.flag("json")) {
        nlohmann::json j = {{"model", modelName}, {"threads", threads}, {"device", deviceDescription(device)},
                            {"forward_ms", forward}, {"latency_ms", latency}};
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

int benchTrain(const Args &args)
{
    const int threads = configureThreads(args.intValue("threads", 0));
    const torch::Device device = selectDevice(args.value("device", "auto"));
    const std::string precision = args.value("precision", "fp32");
    if (precision != "fp32" && precision != "bf16")
        throw UsageError("--precision must be fp32 or bf16");
    const bool bf16 = precision == "bf16";
    if (bf16 && !bf16Supported(device))
        throw UsageError("bf16 needs a CUDA device");
    const bool cudaGraphs = args.onOff("cuda-graphs", true);
    auto config = benchConfig(args.value("config", "vit-base"));
    config.labels = {"a", "b", "c", "d", "e", "f", "g", "h"};
    const int batch = args.intValue("batch", device.is_cuda() ? 128 : 16);
    const int steps = args.intValue("steps", device.is_cuda() ? 30 : 4);
    const int warmup = args.intValue("warmup", device.is_cuda() ? 5 : 1);
    allowTensorFloat32(device);
    torch::manual_seed(0);
    ViTForImageClassification model(config);
    model->to(device);
    model->train();
    const std::string qkv = args.value("qkv", "fused");
    if (qkv != "fused" && qkv != "separate")
        throw UsageError("--qkv must be fused or separate");
    const auto qkvMode = qkv == "separate" ? QkvMode::Separate : QkvMode::Fused;
    model->setQkvMode(qkvMode);
    const std::string kernel =
        attentionKernel(config, qkvMode, batch, torch::TensorOptions().device(device).dtype(bf16 ? torch::kBFloat16 : torch::kFloat32));
    AdamWOptions adamw;
    adamw.implementation = args.value("adamw", "auto");
    AdamW optimizer(*model, adamw);
    auto x = torch::randn({batch, 3, config.imageSize, config.imageSize}).to(device);
    auto y = torch::randint(0, 8, {batch}, torch::kInt64).to(device);
    const auto fetch = [&](int64_t) { return Batch{x, y}; };
    // As train() does: a CUDA graph where supported (after its own ordinary warm-up steps).
    std::unique_ptr<GraphedTrainStep> graphed;
    if (cudaGraphs && GraphedTrainStep::supported(model, optimizer, device, 1))
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
    if (args.has("trace")) // a few more steps under LibTorch's profiler, after the timing
        traceSteps(args.value("trace"), [&] { runSteps(3); readBack(previous); synchronize(device); });
    const double ips = static_cast<double>(batch) * steps / seconds;
    const std::string name = args.value("config", "vit-base");
    if (args.flag("json")) {
        std::cout << nlohmann::json({{"config", name}, {"batch", batch}, {"precision", precision},
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

int runVersion()
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
    std::cout << "device " << deviceDescription(device) << "\n";
    return kExitOk;
}

int runBench(int argc, char **argv)
{
    if (argc < 3)
        throw UsageError("bench needs infer, train, fit, preprocess or loader");
    const std::string what = argv[2];
    if (what == "infer")
        return benchInfer(Args(argc, argv, 3, {"json"}, {"model", "threads", "runs", "device"}));
    if (what == "train")
        return benchTrain(Args(argc, argv, 3, {"json"}, {"config", "batch", "precision", "device", "threads", "steps", "warmup", "adamw", "qkv", "cuda-graphs", "trace"}));
    if (what == "fit")
        return runBenchFit(argc, argv);
#ifdef VITSCOPE_WITH_DATA
    if (what == "preprocess")
        return runBenchPreprocess(argc, argv);
    if (what == "loader")
        return runBenchLoader(argc, argv);
#endif
    throw UsageError("unknown benchmark '" + what + "'");
}

} // namespace vitscope::cli

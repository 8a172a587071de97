// bench dist: the distributed training step as one rank of a job (torchrun, or RANK, WORLD_SIZE,
// MASTER_ADDR and MASTER_PORT set), on synthetic tensors (#16). Rank 0 prints:
// - the all-reduce of every trainable gradient, bucketed as the trainer buckets it, timed alone;
// - the whole step (forward, backward, reduction, clipping, AdamW) with the reduction after
//   backward (overlap off) and inside it (overlap on), with the time each step waited for it;
// - the all-reduce's share of the step without overlap.
// Compare it with `bench train` at the same global batch on one process.
#include "cli_commands.h"

#include "engine/dist_train.h"
#include "engine/distributed.h"
#include "engine/grad_reducer.h"
#include "engine/optim.h"
#include "engine/runtime.h"
#include "engine/trainer.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <iostream>

namespace vitscope::cli {
namespace {

using Clock = std::chrono::steady_clock;

struct DistBenchArgs {
    std::string config = "vit-base", precision = "fp32", backend = "auto";
    int threads = 0, batch = 0, steps = 4, warmup = 1, timeout = 600;
    bool json = false;
};

double seconds(Clock::time_point t0)
{
    return std::chrono::duration<double>(Clock::now() - t0).count();
}

// The gradients' all-reduce alone: buckets of the trainer's size, all started, then waited for.
double allreduceSeconds(Distributed &dist, const std::vector<torch::Tensor> &params, int repeats)
{
    std::vector<torch::Tensor> buckets;
    int64_t elements = 0;
    const int64_t bucketElements = (25 << 20) / 4;
    for (const auto &p : params) {
        elements += p.numel();
        if (elements >= bucketElements) {
            buckets.push_back(torch::randn({elements}));
            elements = 0;
        }
    }
    if (elements > 0)
        buckets.push_back(torch::randn({elements}));
    std::vector<double> times;
    for (int r = 0; r < repeats + 1; ++r) {
        dist.barrier();
        const auto t0 = Clock::now();
        std::vector<Distributed::Pending> pending;
        for (auto &b : buckets)
            pending.push_back(dist.allreduceAsync(b));
        for (auto &p : pending)
            p.wait();
        if (r > 0) // the first sets up the connections' buffers
            times.push_back(seconds(t0));
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

struct Phase {
    double stepSeconds = 0, waitSeconds = 0;
};

int benchDist(const DistBenchArgs &args)
{
    const DistEnvironment env = distEnvironment();
    if (!env.present)
        throw UsageError("bench dist runs as one rank of a job: start it with torchrun --no-python --nproc-per-node N, or set RANK, "
                         "WORLD_SIZE, MASTER_ADDR and MASTER_PORT (bench train measures one process)");
    const int threads = configureThreads(args.threads);
    const torch::Device device = selectDevice("cpu");
    const bool bf16 = useBf16(parseChoice<Precision>(args.precision, "--precision"), device);
    auto dist = Distributed::join(env, parseChoice<DistBackend>(args.backend, "--dist-backend"), device,
                                  std::chrono::seconds(args.timeout));
    auto config = benchConfig(args.config);
    config.labels = {"a", "b", "c", "d", "e", "f", "g", "h"};
    const int batch = args.batch > 0 ? args.batch : 16;
    torch::manual_seed(0);
    ViTForImageClassification model(config);
    model->to(device);
    model->train();
    std::vector<torch::Tensor> params;
    for (const auto &p : model->parameters())
        params.push_back(p);
    AdamW optimizer(*model, AdamWOptions{});
    torch::manual_seed(1 + dist->rank()); // each rank its own images
    RankBatch input{{torch::randn({batch, 3, config.imageSize, config.imageSize}), torch::randint(0, 8, {batch}, torch::kInt64)},
                    batch, static_cast<int64_t>(batch) * dist->worldSize()};
    const auto fetch = [&](int64_t) { return input; };

    const double reduce = allreduceSeconds(*dist, params, 3);
    auto phase = [&](bool overlap) {
        GradientReducer reducer(*dist, params, 25u << 20, overlap);
        auto run = [&](int count) {
            for (int i = 0; i < count; ++i)
                readBack(distributedTrainStep(model, optimizer, reducer, *dist, 1, fetch, 2e-5, 1.0, device, bf16, false).step);
        };
        run(args.warmup);
        dist->barrier();
        const double waitedBefore = reducer.waitSeconds();
        const auto t0 = Clock::now();
        run(args.steps);
        return Phase{seconds(t0) / args.steps, (reducer.waitSeconds() - waitedBefore) / args.steps};
    };
    const Phase off = phase(false), on = phase(true);
    if (!dist->isWriter())
        return kExitOk;
    int64_t count = 0;
    for (const auto &p : params)
        count += p.numel();
    const double global = static_cast<double>(input.global);
    auto part = [&](const Phase &p) {
        return nlohmann::json{{"step_ms", 1e3 * p.stepSeconds}, {"waited_for_reduction_ms", 1e3 * p.waitSeconds},
                              {"images_per_second", global / p.stepSeconds}};
    };
    const nlohmann::json j = {{"config", args.config},
                              {"world_size", dist->worldSize()},
                              {"backend", std::string(choiceName(dist->backend()))},
                              {"threads_per_rank", threads},
                              {"batch_per_rank", batch},
                              {"global_batch", input.global},
                              {"precision", bf16 ? "bf16" : "fp32"},
                              {"parameters", count},
                              {"allreduce_ms", 1e3 * reduce},
                              {"allreduce_share_of_step", reduce / off.stepSeconds},
                              {"overlap_off", part(off)},
                              {"overlap_on", part(on)}};
    if (args.json) {
        std::cout << j.dump() << "\n";
    } else {
        std::cout << args.config << ", " << dist->worldSize() << " ranks x " << threads << " threads, global batch " << input.global << ": "
                  << "all-reduce " << 1e3 * reduce << " ms per step (" << 100 * reduce / off.stepSeconds << " % of the step without overlap); "
                  << global / off.stepSeconds << " images/s without overlap, " << global / on.stepSeconds << " with\n";
    }
    return kExitOk;
}

} // namespace

void addBenchDist(CLI::App &bench, int &exitCode)
{
    auto *d = bench.add_subcommand("dist", "as one rank of a torchrun job: the gradients' all-reduce time per step and its share, "
                                           "and images/s of the distributed step with and without overlap");
    auto a = std::make_shared<DistBenchArgs>();
    d->add_option("--config", a->config, "vit-base, vit-tiny or a model folder")->capture_default_str();
    d->add_option("--batch", a->batch, "images per step on each rank (default 16)")->check(CLI::Range(1, 1 << 20));
    d->add_option("--precision", a->precision, "fp32 or bf16 (where native)")->check(CLI::IsMember({"fp32", "bf16", "auto"}))->capture_default_str();
    d->add_option("--threads", a->threads, "CPU threads per rank; 0 uses every core")->check(CLI::Range(0, 4096));
    d->add_option("--steps", a->steps, "timed steps of each kind")->check(CLI::Range(1, 100000))->capture_default_str();
    d->add_option("--warmup", a->warmup, "untimed steps first")->check(CLI::Range(0, 100000))->capture_default_str();
    d->add_option("--dist-backend", a->backend, "auto or gloo (this benchmark runs on CPUs)")->check(CLI::IsMember({"auto", "gloo"}))->capture_default_str();
    d->add_option("--dist-timeout", a->timeout, "seconds a rank may stay silent")->check(CLI::Range(1, 86400))->capture_default_str();
    d->add_flag("--json", a->json, "the result as JSON");
    d->callback([a, &exitCode] { exitCode = benchDist(*a); });
}

} // namespace vitscope::cli

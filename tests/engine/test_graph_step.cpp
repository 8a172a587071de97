// Training steps replayed from a CUDA graph compute exactly what ordinary steps compute, including
// when a batch of another shape (an epoch's last) falls back to an ordinary step in between. On a
// machine without CUDA (or a LibTorch without graphs) GraphedTrainStep runs ordinary steps, which
// is checked the same way.
#include "test_support.h"

#include "engine/graph_step.h"
#include "engine/optim.h"
#include "engine/pixels.h"
#include "engine/trainer.h"

#include <torch/torch.h>

using namespace vitscope;

namespace {

ViTForImageClassification tinyModel(const torch::Device &device)
{
    ViTConfig c = vitTinyConfig(16);
    c.hiddenSize = 32;
    c.numHiddenLayers = 2;
    c.intermediateSize = 64;
    c.labels = {"a", "b", "c", "d"};
    torch::manual_seed(5);
    ViTForImageClassification m(c);
    m->to(device);
    m->train();
    return m;
}

// Byte batches with their table (as the cache serves them); batch 3 is smaller, as an epoch's last.
std::vector<Batch> batches()
{
    auto g = torch::make_generator<at::CPUGeneratorImpl>(9);
    const auto table = normalizationTable(defaultPreprocessConfig(16));
    std::vector<Batch> out;
    for (int i = 0; i < 9; ++i) {
        const int64_t n = i == 6 ? 5 : 8;
        out.push_back({.pixels = torch::randint(0, 256, {n, 3, 16, 16}, g, torch::kInt64).to(torch::kUInt8),
                       .labels = torch::randint(0, 4, {n}, g, torch::kInt64),
                       .table = table});
    }
    return out;
}

void graphedStepsEqualOrdinaryStepsOn(const std::string &name)
{
    {
        for (const bool bf16 : {false, true}) {
            const torch::Device device(name);
            if (bf16 && !device.is_cuda())
                continue;
            auto a = tinyModel(device), b = tinyModel(device);
            AdamW optA(*a, {}), optB(*b, {});
            GraphedTrainStep graphed(b, optB, device, bf16, 1.0);
            const bool expectGraph = GraphedTrainStep::supported(b, optB, device, 1);
            std::cout << "  " << name << (bf16 ? " bf16" : " fp32") << ": graphs " << (expectGraph ? "supported" : "not supported") << "\n";
            const auto data = batches();
            double worst = 0;
            for (std::size_t i = 0; i < data.size(); ++i) {
                const double lr = 1e-3 * static_cast<double>(i + 1); // a changing schedule
                const auto fetch = [&](int64_t) { return data[i]; };
                const auto va = readBack(trainStep(a, optA, 1, fetch, lr, 1.0, device, bf16));
                const auto vb = readBack(graphed.run(data[i], lr));
                worst = std::max({worst, std::abs(va.loss - vb.loss), std::abs(va.gradNorm - vb.gradNorm)});
            }
            if (!graphed.disabledReason().empty())
                std::cout << "    not recorded: " << graphed.disabledReason() << "\n";
            REQUIRE(graphed.disabledReason().empty());
            REQUIRE(graphed.recorded() == expectGraph);
            REQUIRE(optA.stepCount() == optB.stepCount());
            const auto pa = a->named_parameters(), pb = b->named_parameters();
            for (const auto &item : pa)
                worst = std::max(worst, (item.value() - pb[item.key()]).abs().max().item<double>());
            std::cout << "    largest difference in losses, gradient norms and weights: " << worst << "\n";
            // Same kernels on the same values. On a GPU a few backward kernels (attention's among them)
            // add with atomics, so two ordinary runs can already differ in the last bits; a stale
            // learning rate or step count in the graph would be off by orders of magnitude more.
            REQUIRE(device.is_cuda() ? worst <= 1e-4 : worst == 0.0);
        }
    }
}

} // namespace

TEST_CASE("graphedStepsEqualOrdinarySteps")
{
    graphedStepsEqualOrdinaryStepsOn("cpu");
}

TEST_CASE("graphedStepsEqualOrdinaryStepsOnCuda" * doctest::skip(!testsupport::cudaAvailable()))
{
    graphedStepsEqualOrdinaryStepsOn("cuda");
}

TEST_CASE("graphsAreNotUsedWhereTheyWouldNotBeExact")
{
    auto m = tinyModel(torch::kCPU);
    AdamW opt(*m, {});
    REQUIRE(!GraphedTrainStep::supported(m, opt, torch::kCPU, 1));
}

TEST_CASE("graphsAreNotUsedWhereTheyWouldNotBeExactOnCuda" * doctest::skip(!testsupport::cudaAvailable()))
{
    auto g = tinyModel(torch::Device("cuda"));
    AdamW fused(*g, {}), foreach(*g, {2e-5, 0.9, 0.999, 1e-8, 0.01, "foreach"});
    REQUIRE(!GraphedTrainStep::supported(g, fused, torch::Device("cuda"), 2)); // gradient accumulation
    REQUIRE(!GraphedTrainStep::supported(g, foreach, torch::Device("cuda"), 1));
}

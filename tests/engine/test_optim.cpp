// Six steps of the Trainer recipe against torch.optim.AdamW (fixture train-steps), the schedule and
// the decay grouping.
#include "test_support.h"

#include "engine/checkpoint.h"
#include "engine/fine_tune.h"
#include "engine/optim.h"
#include "engine/safetensors.h"
#include "engine/trainer.h"

#include <torch/torch.h>

#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>

using namespace vitscope;

namespace {

// Six steps of the recipe on the fixture in `folder` (train-steps, or a frozen-mode variant that
// shares its model and batch): losses, gradient norms, weights and logits against PyTorch.
void sixStepsMatchPyTorchAdamW(const std::string &folder, const std::string &implementation)
{
    const std::string base = testsupport::dataDir() + "/train-steps", dir = testsupport::dataDir() + "/" + folder;
    std::ifstream in(dir + "/recipe.json");
    const auto recipe = nlohmann::json::parse(in);
    auto m = loadModel(base);
    const auto initial = loadSafetensors(base + "/model.safetensors").tensors;
    const FineTune fineTune = parseFineTune(recipe.value("fine_tune", "full"), "fine_tune");
    applyFineTune(m.model, fineTune);
    auto batch = loadSafetensors(base + "/batch.safetensors").tensors;
    AdamW opt(*m.model, {recipe["lr"].get<double>(), 0.9, 0.999, 1e-8, recipe["weight_decay"].get<double>(), implementation});
    m.model->train();
    const int total = recipe["total_steps"], warmup = recipe["warmup_steps"];
    double worstLoss = 0, worstNorm = 0;
    for (int step = 0; step < total; ++step) {
        const auto &ref = recipe["steps"][step];
        const double lr = linearScheduleLr(recipe["lr"], step, warmup, total);
        REQUIRE_NEAR(lr, ref["lr"].get<double>(), 1e-12);
        const auto r = readBack(trainStep(m.model, opt, 1, [&](int64_t) { return Batch{.pixels = batch["pixel_values"], .labels = batch["labels"]}; },
                                          lr, recipe["max_grad_norm"], torch::kCPU, false));
        const double lossErr = std::abs(r.loss - ref["loss"].get<double>()) / std::abs(ref["loss"].get<double>());
        const double normErr = std::abs(r.gradNorm - ref["grad_norm"].get<double>()) / ref["grad_norm"].get<double>();
        worstLoss = std::max(worstLoss, lossErr);
        worstNorm = std::max(worstNorm, normErr);
        REQUIRE(lossErr < 1e-5);
        REQUIRE(normErr < 1e-5);
    }
    const auto after = loadSafetensors(dir + "/after.safetensors").tensors;
    double num = 0, den = 0, worstTensor = 0;
    int frozen = 0;
    for (const auto &p : m.model->named_parameters()) {
        const auto &ref = after.at(p.key());
        REQUIRE(p.value().requires_grad() == fineTuneTrains(fineTune, p.key(), m.config().numHiddenLayers));
        if (!p.value().requires_grad()) { // frozen: bit for bit the starting weights, as in the reference
            ++frozen;
            REQUIRE(torch::equal(p.value().detach(), initial.at(p.key())));
            REQUIRE(torch::equal(ref, initial.at(p.key())));
        }
        const double d = (p.value().detach() - ref).pow(2).sum().item<double>(), r = ref.pow(2).sum().item<double>();
        num += d;
        den += r;
        worstTensor = std::max(worstTensor, std::sqrt(d / r));
    }
    const double relL2 = std::sqrt(num / den);
    torch::InferenceMode guard;
    m.model->eval();
    const auto logits = m.model(batch["pixel_values"]);
    const double logitErr =
        (logits - loadSafetensors(dir + "/expected_logits_after.safetensors").tensors.at("logits")).abs().max().item<double>();
    REQUIRE(opt.implementation() == implementation);
    std::cout << "  " << folder << ", AdamW " << implementation << " (" << frozen << " frozen tensors): loss rel err " << worstLoss << ", grad-norm rel err " << worstNorm << ", weights rel L2 " << relL2
              << " (worst tensor " << worstTensor << "), logits abs err " << logitErr << "\n";
    REQUIRE(relL2 < 1e-4);
    // Per-tensor errors are not bounded by 1e-4: Adam divides by sqrt(v), so near-zero gradients move
    // single weights by ~1e-3 under float rounding (see the fixtures' README); the criterion is overall.
    REQUIRE(logitErr < 1e-4);
    REQUIRE(opt.state().size() == 2 * static_cast<std::size_t>(m.model->parameters().size() - frozen) + 1); // moments of what trains, and the step
}

// Both CPU implementations: the foreach path and the one-pass loop ("fused", the CPU default).
void forEachCpuImplementation(const std::function<void(const std::string &)> &check)
{
    for (const std::string implementation : {"foreach", "fused"}) {
        SUBCASE(implementation.c_str()) { check(implementation); }
    }
}

} // namespace

TEST_CASE("sixStepsMatchPyTorchAdamW")
{
    forEachCpuImplementation([](const std::string &impl) { sixStepsMatchPyTorchAdamW("train-steps", impl); });
}

// Frozen parameters take no gradient, no AdamW state and no decay, and stay out of the clipping norm.
TEST_CASE("sixStepsOfTheLastBlockMatchPyTorchAdamW")
{
    forEachCpuImplementation([](const std::string &impl) { sixStepsMatchPyTorchAdamW("train-steps-last1", impl); });
}

TEST_CASE("sixStepsOfTheHeadMatchPyTorchAdamW")
{
    forEachCpuImplementation([](const std::string &impl) { sixStepsMatchPyTorchAdamW("train-steps-head", impl); });
}

// The one-pass CPU loop against the foreach path, step by step, on weights of several sizes
// (some below one thread's share, one not a multiple of the vector width) with and without decay.
TEST_CASE("theOnePassCpuStepMatchesTheForeachPath")
{
    torch::manual_seed(3);
    struct Weights : torch::nn::Module {
        Weights()
        {
            for (const auto &[name, size] : std::vector<std::pair<std::string, int64_t>>{{"big.weight", 100003}, {"big.bias", 77}, {"layernorm.weight", 768}, {"small.weight", 5}})
                register_parameter(name.substr(0, name.find('.')) + "_" + name.substr(name.find('.') + 1), torch::randn({size}));
        }
    };
    Weights a, b;
    {
        torch::NoGradGuard noGrad;
        for (std::size_t i = 0; i < a.parameters().size(); ++i)
            b.parameters()[i].copy_(a.parameters()[i]);
    }
    AdamW foreach(a, {1e-3, 0.9, 0.999, 1e-8, 0.01, "foreach"}), fused(b, {1e-3, 0.9, 0.999, 1e-8, 0.01, "fused"});
    double worst = 0;
    for (int step = 0; step < 5; ++step) {
        for (std::size_t i = 0; i < a.parameters().size(); ++i) {
            const auto g = torch::randn_like(a.parameters()[i]) * (i == 3 ? 1e-30 : 1.0); // one tiny gradient
            a.parameters()[i].mutable_grad() = g.clone();
            b.parameters()[i].mutable_grad() = g.clone();
        }
        foreach.step(1e-3);
        fused.step(1e-3);
        REQUIRE(fused.implementation() == "fused");
        REQUIRE(foreach.implementation() == "foreach");
        for (std::size_t i = 0; i < a.parameters().size(); ++i)
            worst = std::max(worst, ((a.parameters()[i] - b.parameters()[i]).abs().max() / a.parameters()[i].abs().max()).item<double>());
    }
    for (const auto &[key, value] : foreach.state()) {
        const auto other = fused.state().at(key).to(torch::kFloat64), mine = value.to(torch::kFloat64);
        const double difference = (mine - other).abs().max().item<double>(), scale = mine.abs().max().item<double>();
        INFO(key << ": worst difference " << difference << " of " << scale);
        REQUIRE(difference <= 1e-6 * scale); // float rounding, element by element, in the last bits
    }
    std::cout << "  one-pass CPU AdamW against foreach: worst relative difference " << worst << "\n";
    REQUIRE(worst < 1e-6);
}


TEST_CASE("scheduleWarmupAndDecay")
{
    struct Row {
        int64_t step, warmup, total;
        double lr;
    };
    const std::vector<Row> rows = {
        {0, 500, 2125, 0.0}, {250, 500, 2125, 1e-5}, {500, 500, 2125, 2e-5}, {2125, 500, 2125, 0.0},
        {1312, 500, 2125, 2e-5 * 813.0 / 1625.0}, {3000, 500, 2125, 0.0}, // never negative
        {0, 0, 10, 2e-5}, {5, 0, 10, 1e-5},
        {100, 500, 300, 2e-5 * 100.0 / 500.0}, // warmup longer than training (the notebook on small data)
    };
    for (const auto &r : rows)
        REQUIRE_NEAR(linearScheduleLr(2e-5, r.step, r.warmup, r.total), r.lr, 1e-15);
}

TEST_CASE("weightDecayGrouping")
{
    struct Row {
        const char *name;
        bool decays;
    };
    const std::vector<Row> rows = {
        {"vit.embeddings.cls_token", true},
        {"vit.embeddings.position_embeddings", true},
        {"vit.embeddings.patch_embeddings.projection.weight", true},
        {"vit.embeddings.patch_embeddings.projection.bias", false},
        {"vit.encoder.layer.3.attention.attention.query.weight", true},
        {"vit.encoder.layer.3.attention.attention.query.bias", false},
        {"vit.encoder.layer.3.layernorm_before.weight", false},
        {"vit.encoder.layer.3.layernorm_after.bias", false},
        {"vit.layernorm.weight", false},
        {"classifier.weight", true},
        {"classifier.bias", false},
    };
    for (const auto &r : rows)
        REQUIRE(AdamW::decays(r.name) == r.decays);
}

TEST_CASE("optimizerStateRoundTrip")
{
    auto m = loadModel(testsupport::dataDir() + "/vit-tiny-classifier");
    AdamW a(*m.model, {});
    auto x = torch::randn({2, 3, 32, 32});
    auto y = torch::tensor({0, 1}, torch::kInt64);
    trainStep(m.model, a, 1, [&](int64_t) { return Batch{.pixels = x, .labels = y}; }, 1e-3, 1.0, torch::kCPU, false);
    AdamW b(*m.model, {});
    b.loadState(a.state());
    REQUIRE(b.stepCount() == 1);
    for (const auto &[k, v] : a.state())
        REQUIRE(torch::equal(v, b.state().at(k)));
    auto broken = a.state();
    broken.erase("step");
    REQUIRE_THROWS_CONTAINING(b.loadState(broken), "step");
}

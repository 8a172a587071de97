// The training loop: learns, stops and resumes to exactly the same result, fails cleanly.
#include "test_support.h"

#include "engine/csv.h"
#include "engine/fine_tune.h"
#include "engine/runtime.h"
#include "engine/file_util.h"
#include "engine/pixels.h"
#include "engine/run_folder.h"
#include "engine/safetensors.h"
#include "engine/trainer.h"

#include <torch/torch.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <nlohmann/json.hpp>

using namespace vitscope;
namespace fs = std::filesystem;

namespace {

// Separable synthetic data: the class is a colour cast (R, G, B or dark) plus a bright quadrant.
TensorBatchSource makeData(int n, int seed)
{
    auto g = torch::make_generator<at::CPUGeneratorImpl>(seed);
    auto x = torch::randn({n, 3, 16, 16}, g) * 0.3;
    auto y = torch::randint(0, 4, {n}, g, torch::kInt64);
    for (int i = 0; i < n; ++i) {
        const int c = static_cast<int>(y[i].item<int64_t>());
        x[i].narrow(1, (c / 2) * 8, 8).narrow(2, (c % 2) * 8, 8).add_(1.0);
        if (c < 3)
            x[i][c].add_(1.0);
        else
            x[i].sub_(1.0);
    }
    return TensorBatchSource(x, y);
}

std::string freshDir(const std::string &name)
{
    const auto dir = fs::temp_directory_path() / "vitscope-test-trainer" / name;
    fs::remove_all(dir);
    fs::create_directories(dir.parent_path());
    return dir.string();
}

// A tiny model from scratch, saved once so every run starts from identical weights.
std::string initialModel()
{
    static const std::string dir = [] {
        const auto d = freshDir("initial");
        ViTConfig c = vitTinyConfig(16);
        c.hiddenSize = 32;
        c.numHiddenLayers = 2;
        c.intermediateSize = 64;
        c.labels = {"a", "b", "c", "d"};
        torch::manual_seed(3);
        ViTForImageClassification m(c);
        exportModel(m, defaultPreprocessConfig(16), d);
        return d;
    }();
    return dir;
}

TrainConfig smallConfig()
{
    TrainConfig c;
    c.epochs = 8;
    c.batchSize = 8;
    c.evalBatchSize = 16;
    c.lr = 3e-3;
    c.warmupSteps = 3;
    c.device = "cpu";
    c.metric = Metric::Loss; // keeps improving here, so best-epoch selection is exercised
    c.threads = 2;
    return c;
}

struct Data {
    TensorBatchSource train = makeData(60, 1), val = makeData(24, 2), test = makeData(24, 3);
};

} // namespace

void learnsAndWritesRunFolderOn(const std::string &device)
{
    Data d;
    auto model = loadModel(initialModel());
    RunFolder run(freshDir("learns-" + device));
    auto config = smallConfig();
    config.device = device;
    RunInfo record;
    record.config.train = config;
    record.config.model = initialModel();
    record.labels = model.config().labels;
    record.device = device;
    record.dataset.root = "synthetic";
    run.start(record);
    std::vector<StepInfo> steps;
    std::vector<EpochInfo> epochs;
    TrainerCallbacks cb;
    cb.onStep = [&](const StepInfo &s) { steps.push_back(s); };
    cb.onEpoch = [&](const EpochInfo &e) { epochs.push_back(e); };
    const auto summary = train(model, config, d.train, d.val, &d.test, run, cb, false);
    REQUIRE((summary.status == RunStatus::Finished && summary.epochsRun == 8));
    REQUIRE((steps.size() == 64 && steps.back().step == 64 && steps.back().totalSteps == 64));
    for (std::size_t i = 1; i < steps.size(); ++i)
        REQUIRE(steps[i].step == steps[i - 1].step + 1);
    REQUIRE((epochs.size() == 8 && epochs[0].train.has_value()));
    REQUIRE(summary.test.has_value());
    std::cout << "  test accuracy on 4-class synthetic data: " << summary.test->accuracy << "\n";
    for (const auto &e : epochs)
        std::cout << "  epoch " << e.epoch << " train loss " << e.train->loss << " train acc " << e.train->accuracy << " val acc " << e.val.accuracy << " val loss " << e.val.loss << "\n";
    REQUIRE(summary.test->accuracy > 0.6); // chance is 0.25
    for (const char *f : {"run.json", "metrics.jsonl", "confusion/epoch-1.json", "confusion/epoch-3.json",
                          "checkpoints/last/optimizer.safetensors", "checkpoints/best/model.safetensors",
                          "checkpoints/best/config.json", "test/predictions.csv", "test/metrics.json"})
        REQUIRE(fs::exists(fs::path(run.path()) / f));
    std::ifstream in(fs::path(run.path()) / "run.json");
    const auto info = nlohmann::json::parse(in);
    REQUIRE((info["status"] == "finished" && info["dataset"]["root"] == "synthetic" && info["config"]["train"]["lr"] == 3e-3));
    const auto csv = parseCsv(readTextFile((fs::path(run.path()) / "test/predictions.csv").string()));
    REQUIRE(csv.front() == CsvRecord{"path", "true_label", "predicted_label", "confidence", "p_a", "p_b", "p_c", "p_d"});
    REQUIRE(csv.size() == 25); // the header and the 24 test images
}

TEST_CASE("learnsAndWritesRunFolder")
{
    learnsAndWritesRunFolderOn("cpu");
}

// The engine-only build on a GPU machine runs the trainer there too.
TEST_CASE("learnsAndWritesRunFolderOnCuda" * doctest::skip(!testsupport::cudaAvailable()))
{
    learnsAndWritesRunFolderOn("cuda");
}

void stopAndResumeReachTheSameResult(const FineTune &fineTune)
{
    TrainConfig config = smallConfig();
    config.fineTune = fineTune;
    Data d;
    auto a = loadModel(initialModel());
    RunFolder runA(freshDir("uninterrupted-" + std::to_string(static_cast<int>(fineTune.mode))));
    const auto full = train(a, config, d.train, d.val, &d.test, runA, {}, false);

    auto b = loadModel(initialModel());
    RunFolder runB(freshDir("interrupted-" + std::to_string(static_cast<int>(fineTune.mode))));
    TrainerCallbacks stopMidEpoch;
    int64_t seen = 0;
    stopMidEpoch.onStep = [&](const StepInfo &s) { seen = s.step; };
    stopMidEpoch.shouldStop = [&] { return seen == 11; }; // epoch 2 of 3, batch 3 of 8
    const auto stopped = train(b, config, d.train, d.val, &d.test, runB, stopMidEpoch, false);
    REQUIRE((stopped.status == RunStatus::Stopped && stopped.steps == 11));

    auto c = loadModel(initialModel());
    RunFolder resumed(runB.path());
    const auto rest = train(c, config, d.train, d.val, &d.test, resumed, {}, true);
    REQUIRE((rest.status == RunStatus::Finished && rest.steps == full.steps));
    REQUIRE(rest.bestEpoch == full.bestEpoch);
    REQUIRE((rest.test->accuracy == full.test->accuracy && rest.test->loss == full.test->loss));
    REQUIRE(rest.val->loss == full.val->loss);
    const auto wa = loadSafetensors(runA.bestFolder() + "/model.safetensors").tensors;
    const auto wb = loadSafetensors(resumed.bestFolder() + "/model.safetensors").tensors;
    for (const auto &[k, v] : wa)
        REQUIRE(torch::equal(v, wb.at(k)));
}

TEST_CASE("stopAndResumeReachTheSameResult")
{
    stopAndResumeReachTheSameResult({});
}

// Ctrl+C during validation stops the run (resumable), not fails it; the resume evaluates the same
// weights and reaches the uninterrupted result. A kill after a checkpoint leaves lines logged past
// it: the resume cuts them, so metrics.jsonl holds every step and epoch once.
TEST_CASE("stopDuringValidationAndKilledRunsResumeWithoutDuplicates")
{
    const TrainConfig config = smallConfig();
    Data d;
    auto a = loadModel(initialModel());
    RunFolder runA(freshDir("validation-uninterrupted"));
    const auto full = train(a, config, d.train, d.val, &d.test, runA, {}, false);

    auto b = loadModel(initialModel());
    RunFolder runB(freshDir("validation-stopped"));
    TrainerCallbacks cb;
    int64_t seen = 0;
    int checksAfter = 0;
    cb.onStep = [&](const StepInfo &s) { seen = s.step; };
    // The first check after step 8 ends epoch 1's steps; the next ones are the validation batches.
    cb.shouldStop = [&] { return seen == 8 && ++checksAfter > 1; };
    const auto stopped = train(b, config, d.train, d.val, &d.test, runB, cb, false);
    REQUIRE(stopped.status == RunStatus::Stopped);
    REQUIRE(readRunInfo(runB.path()).status == RunStatus::Stopped);
    REQUIRE(readHistory(runB.path()).epochs.empty());

    // A killed process had logged two more steps and an epoch line after that checkpoint.
    {
        std::ofstream log(runfiles::metricsLog(runB.path()), std::ios::app);
        log << R"({"type":"step","step":9,"epoch":1,"loss":1.0,"lr":0.001,"grad_norm":1.0})" << "\n"
            << R"({"type":"step","step":10,"epoch":1,"loss":1.0,"lr":0.001,"grad_norm":1.0})" << "\n"
            << R"({"type":"step","step":11,"ep)"; // torn by the kill
    }
    auto c = loadModel(initialModel());
    RunFolder resumed(runB.path());
    const auto rest = train(c, config, d.train, d.val, &d.test, resumed, {}, true);
    REQUIRE(rest.status == RunStatus::Finished);
    REQUIRE((rest.test->accuracy == full.test->accuracy && rest.test->loss == full.test->loss));
    const auto wa = loadSafetensors(runA.bestFolder() + "/model.safetensors").tensors;
    const auto wb = loadSafetensors(resumed.bestFolder() + "/model.safetensors").tensors;
    for (const auto &[k, v] : wa)
        REQUIRE(torch::equal(v, wb.at(k)));
    std::ifstream in(runfiles::metricsLog(runB.path()));
    std::map<std::string, std::set<int64_t>> seenLines;
    int lines = 0;
    for (std::string line; std::getline(in, line); ++lines) {
        const auto j = nlohmann::json::parse(line); // no torn line is left either
        const std::string type = j["type"];
        const int64_t key = type == "step" ? j["step"].get<int64_t>() : j["epoch"].get<int64_t>();
        INFO(line);
        REQUIRE(seenLines[type].insert(key).second);
    }
    REQUIRE(seenLines["step"].size() == static_cast<std::size_t>(full.steps));
    REQUIRE(seenLines["epoch"].size() == static_cast<std::size_t>(config.epochs));
}

TEST_CASE("stopAndResumeInLastBlockModeReachTheSameResult")
{
    stopAndResumeReachTheSameResult({FineTune::Mode::LastBlocks, 1});
}

TEST_CASE("frozenPartsStayExactlyAsLoaded")
{
    for (const FineTune f : {FineTune{FineTune::Mode::Head, 0}, FineTune{FineTune::Mode::LastBlocks, 1}}) {
        Data d;
        auto m = loadModel(initialModel());
        const auto before = loadSafetensors(initialModel() + "/model.safetensors").tensors;
        RunFolder run(freshDir("frozen-" + std::to_string(static_cast<int>(f.mode))));
        TrainConfig c = smallConfig();
        c.fineTune = f;
        c.epochs = 2;
        train(m, c, d.train, d.val, &d.test, run, {}, false);
        const auto after = loadSafetensors(run.bestFolder() + "/model.safetensors").tensors;
        int frozen = 0, changed = 0;
        for (const auto &[k, v] : before) {
            const bool trains = fineTuneTrains(f, k, 2);
            if (!trains) {
                ++frozen;
                REQUIRE(torch::equal(v, after.at(k)));
            } else if (!torch::equal(v, after.at(k))) {
                ++changed;
            }
        }
        REQUIRE(frozen > 0);
        REQUIRE(changed > 0);
    }
}

// Native bf16 (AMX, AVX512-BF16) trains on the CPU through CPU autocast; elsewhere it is refused
// with a reason (the CLI test simulates the missing feature on a machine that has it).
TEST_CASE("bf16OnTheCpuTrainsWhereNative")
{
    Data d;
    auto m = loadModel(initialModel());
    RunFolder run(freshDir("bf16-cpu"));
    TrainConfig c = smallConfig();
    c.precision = Precision::Bf16;
    if (!bf16Supported(torch::kCPU)) {
        REQUIRE_THROWS_CONTAINING(train(m, c, d.train, d.val, &d.test, run, {}, false), "native bf16");
        return;
    }
    const auto summary = train(m, c, d.train, d.val, &d.test, run, {}, false);
    std::cout << "  bf16 on the CPU: test accuracy " << summary.test->accuracy << "\n";
    REQUIRE(summary.test->accuracy > 0.6); // chance is 0.25
    REQUIRE(std::isfinite(summary.val->loss));
}

TEST_CASE("byteBatchesTrainExactlyLikeFloatBatches")
{
    // The cache serves bytes plus a table; the trainer normalises them on the device. Same run.
    auto g = torch::make_generator<at::CPUGeneratorImpl>(7);
    const auto bytes = torch::randint(0, 256, {40, 3, 16, 16}, g, torch::kInt64).to(torch::kUInt8);
    const auto labels = torch::randint(0, 4, {40}, g, torch::kInt64);
    const auto table = normalizationTable(defaultPreprocessConfig(16));
    REQUIRE((table.sizes() == torch::IntArrayRef({3, 256}) && table[0][0].item<float>() == -1.0f &&
             table[2][255].item<float>() == 1.0f));
    const auto floats = normalizeBytes(bytes, table);
    REQUIRE((floats.scalar_type() == torch::kFloat32 && floats.sizes() == bytes.sizes()));
    REQUIRE(floats[3][1][5][7].item<float>() == table[1][bytes[3][1][5][7].item<int64_t>()].item<float>());
    TensorBatchSource asBytes(bytes, labels, table), asFloats(floats, labels);
    auto config = smallConfig();
    config.epochs = 2;
    auto a = loadModel(initialModel()), b = loadModel(initialModel());
    RunFolder runA(freshDir("bytes")), runB(freshDir("floats"));
    const auto ra = train(a, config, asBytes, asBytes, nullptr, runA, {}, false);
    const auto rb = train(b, config, asFloats, asFloats, nullptr, runB, {}, false);
    REQUIRE((ra.val->loss == rb.val->loss && ra.val->accuracy == rb.val->accuracy));
}

void nanLossStopsWithLastGoodCheckpointOn(const std::string &device)
{
    {
        Data d;
        auto m = loadModel(initialModel());
        RunFolder run(freshDir("nan-" + device));
        TrainerCallbacks cb;
        cb.lossHook = [](int64_t step, torch::Tensor &loss) {
            if (step == 10)
                loss = loss * std::numeric_limits<float>::quiet_NaN();
        };
        auto config = smallConfig();
        config.device = device;
        REQUIRE_THROWS_CONTAINING(train(m, config, d.train, d.val, &d.test, run, cb, false), "NaN at step 11");
        std::ifstream in(run.lastFolder() + "/trainer_state.json");
        const auto st = nlohmann::json::parse(in);
        REQUIRE((st["global_step"] == 8 && st["epoch"] == 1)); // the end-of-epoch-1 checkpoint, intact
        loadModel(run.lastFolder());                       // and loadable
        std::ifstream runJson(run.path() + "/run.json");
        REQUIRE(nlohmann::json::parse(runJson)["status"] == "failed");
    }
}

TEST_CASE("nanLossStopsWithLastGoodCheckpoint")
{
    nanLossStopsWithLastGoodCheckpointOn("cpu");
}

// On a GPU the step is read back one step late (the next is queued first): same outcome.
TEST_CASE("nanLossStopsWithLastGoodCheckpointOnCuda" * doctest::skip(!testsupport::cudaAvailable()))
{
    nanLossStopsWithLastGoodCheckpointOn("cuda");
}

TEST_CASE("unwritableRunFolderIsAClearError")
{
    const auto blocker = freshDir("blocker");
    std::ofstream(blocker) << "a file, not a folder";
    REQUIRE_THROWS_CONTAINING(RunFolder(blocker + "/run"), "cannot create run folder");

    // The disk "fails" mid-run: checkpoints/ turns into a file after epoch 1.
    Data d;
    auto m = loadModel(initialModel());
    RunFolder run(freshDir("fails-mid-run"));
    TrainerCallbacks cb;
    cb.onEpoch = [&](const EpochInfo &e) {
        if (e.epoch == 1) {
            fs::rename(fs::path(run.path()) / "checkpoints", fs::path(run.path()) / "moved");
            std::ofstream(fs::path(run.path()) / "checkpoints") << "x";
        }
    };
    REQUIRE_THROWS_CONTAINING(train(m, smallConfig(), d.train, d.val, &d.test, run, cb, false), "fail");
    std::ifstream in(fs::path(run.path()) / "moved/last/trainer_state.json");
    REQUIRE(nlohmann::json::parse(in)["epoch"] == 1);
}

TEST_CASE("earlyStoppingEndsTheRun")
{
    Data d;
    auto m = loadModel(initialModel());
    RunFolder run(freshDir("early"));
    TrainConfig c = smallConfig();
    c.earlyStopping = 2;
    c.earlyStoppingThreshold = 100.0; // nothing after epoch 1 counts as an improvement for the patience...
    const auto summary = train(m, c, d.train, d.val, &d.test, run, {}, false);
    REQUIRE(summary.status == RunStatus::EarlyStopped);
    // ...but, as in transformers, the threshold does not decide the best epoch: the validation loss
    // still fell in epochs 2 and 3, so epoch 3 is the best.
    REQUIRE((summary.epochsRun == 3 && summary.bestEpoch == 3));
    REQUIRE(summary.test.has_value()); // the best model is still evaluated on the test split
}

TEST_CASE("rejectsBadConfiguration")
{
    Data d;
    TensorBatchSource empty(torch::zeros({0, 3, 16, 16}), torch::zeros({0}, torch::kInt64));
    struct Row {
        std::function<void(TrainConfig &)> change;
        bool emptyVal;
        const char *message;
    };
    const std::vector<Row> rows = {
        {[](TrainConfig &) {}, true, "validation split is empty"},
        {[](TrainConfig &c) { c.fineTune = {FineTune::Mode::LastBlocks, 3}; }, false, "model's 2"},
        {[](TrainConfig &c) { c.batchSize = 0; }, false, "at least 1"},
        {[](TrainConfig &c) { c.device = "tpu"; }, false, "device"},
    };
    for (const auto &r : rows) {
        auto m = loadModel(initialModel());
        RunFolder run(freshDir("bad"));
        TrainConfig c = smallConfig();
        r.change(c);
        REQUIRE_THROWS_CONTAINING(train(m, c, d.train, r.emptyVal ? empty : d.val, nullptr, run, {}, false), r.message);
    }
}

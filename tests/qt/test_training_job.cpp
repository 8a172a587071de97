// The whole job on the synthetic demo data: a tiny ViT from scratch learns clearly better than
// chance in CI time, and the same seed gives the same run.
#include "test_support.h"

#include "data/demo_data.h"
#include "engine/run_files.h"
#include "job/recipe_advice.h"
#include "engine/run_folder.h"
#include "engine/run_lock.h"
#include "engine/trainer.h"
#include "engine/safetensors.h"
#include "job/training_job.h"
#include "engine/file_util.h"

#include <torch/torch.h>

#include <algorithm>
#include <atomic>
#include <filesystem>

#include <csignal>
#include <sys/wait.h>
#include <unistd.h>
#include <fstream>

using namespace vitscope;
namespace fs = std::filesystem;

namespace {

const fs::path kRoot = fs::temp_directory_path() / "vitscope-test-job";

TrainJob demoJob(const std::string &out)
{
    static const bool prepared = [] {
        fs::remove_all(kRoot);
        writeDemoDataset((kRoot / "data").string(), 20, 5);
        ViTConfig c = vitTinyConfig(32);
        c.hiddenSize = 64;
        c.intermediateSize = 128;
        c.numHiddenLayers = 3;
        fs::create_directories(kRoot / "model");
        writeTextAtomically((kRoot / "model" / "config.json").string(), viTConfigToJson(c)); // config only: from scratch
        return true;
    }();
    (void)prepared;
    TrainJob job;
    job.config.model = (kRoot / "model").string();
    job.out = (kRoot / out).string();
    fs::remove_all(job.out);
    job.config.data.data = (kRoot / "data").string();
    job.config.data.cacheDir = (kRoot / "cache").string();
    TrainConfig &t = job.config.train;
    t.epochs = 20;
    t.lr = 2e-3;
    t.warmupSteps = 10;
    t.device = "cpu";
    t.threads = 2;
    t.evalTrainSet = false;
    return job;
}

} // namespace

TEST_CASE("tinyVitFromScratchLearnsTheDemoData")
{
    const auto a = runTrainingJob(demoJob("run-a"), {}, nullptr);
    REQUIRE((a.status == RunStatus::Finished && a.test.has_value()));
    std::cout << "  demo data, tiny ViT from scratch: test accuracy " << a.test->accuracy << " (chance 0.125), "
              << a.imagesPerSecond << " training images/s\n";
    REQUIRE(a.test->accuracy > 0.5);
    // Same seed, same data: the same run, bit for bit (initial weights included).
    const auto b = runTrainingJob(demoJob("run-b"), {}, nullptr);
    REQUIRE((b.test->accuracy == a.test->accuracy && b.test->loss == a.test->loss && b.bestEpoch == a.bestEpoch));
    // The calibration and its figures too (the bootstrap is seeded by the run's seed).
    for (const char *f : {"split.json", "val/predictions.csv", "test/predictions.csv", "test/metrics.json", "checkpoints/best/calibration.json"})
        REQUIRE(readTextFile((kRoot / "run-a" / f).string()) == readTextFile((kRoot / "run-b" / f).string()));

    // Calibrated on the validation part, never on the test part: the file says so and the count is the part's.
    const auto calibration = readCalibration(runfiles::bestCheckpoint((kRoot / "run-a").string()));
    REQUIRE(calibration.has_value());
    const auto info = readRunInfo((kRoot / "run-a").string());
    REQUIRE((calibration->fittedOn == "val" && calibration->count == info.dataset.val && calibration->temperature > 0));
    REQUIRE(calibration->scaled.nll <= calibration->raw.nll + 1e-12);
    const auto test = readEvaluation((kRoot / "run-a").string(), "test");
    REQUIRE(test.trust.has_value());
    const auto &t = *test.trust;
    REQUIRE(t.temperature == calibration->temperature);
    REQUIRE((t.raw.count == info.dataset.test && t.scaled.bins.size() == 15));
    REQUIRE((t.sets.coverage >= 0 && t.sets.coverage <= 1 && t.sets.meanSetSize >= 0));
    REQUIRE((t.intervals.resamples == 1000 && t.intervals.seed == info.config.train.seed));
    REQUIRE((t.intervals.accuracy.lo <= test.metrics.accuracy && test.metrics.accuracy <= t.intervals.accuracy.hi));
    REQUIRE((t.intervals.mcc.lo <= test.metrics.mcc && test.metrics.mcc <= t.intervals.mcc.hi));
}

TEST_CASE("aResumedRunKeepsItsWholeConfiguration")
{
    // Started with --log-every 3, stopped mid-run, resumed with nothing but the folder: the
    // resumed part still logs every third step (and the last of each epoch).
    TrainJob job = demoJob("log-every");
    job.config.train.epochs = 3;
    job.config.train.logEvery = 3;
    job.config.train.earlyStoppingThreshold = 0.25;
    std::atomic<bool> stop{false};
    JobCallbacks cb;
    cb.trainer.onStep = [&](const StepInfo &s) {
        if (s.step >= 7)
            stop = true;
    };
    const auto stopped = runTrainingJob(job, cb, &stop);
    REQUIRE(stopped.status == RunStatus::Stopped);
    const RunInfo info = readRunInfo(job.out);
    REQUIRE(info.status == RunStatus::Stopped);
    REQUIRE(isResumable(info.status));

    const TrainJob resume = resumeJob(job.out);
    REQUIRE(resume.config.train.logEvery == 3);
    REQUIRE(resume.config.train.earlyStoppingThreshold == 0.25);
    REQUIRE(resume.config.train.evalTrainSet == false);
    std::vector<int64_t> logged;
    JobCallbacks record;
    record.trainer.onStep = [&](const StepInfo &s) { logged.push_back(s.step); };

    // One writer per run: while another process trains it, a resume is refused with who holds it;
    // when that process is killed (-9), the kernel frees the run.
    int ready[2];
    REQUIRE(pipe(ready) == 0);
    const pid_t holder = fork();
    if (holder == 0) {
        const RunLock lock(job.out);
        (void)!write(ready[1], "x", 1);
        for (;;)
            pause();
    }
    char byte = 0;
    REQUIRE(read(ready[0], &byte, 1) == 1);
    REQUIRE(RunLock::holder(job.out).find("process " + std::to_string(holder)) == 0);
    REQUIRE_THROWS_CONTAINING(runTrainingJob(resume, record, nullptr), "is being trained by process " + std::to_string(holder));
    REQUIRE(readRunInfo(job.out).status == RunStatus::Stopped); // the refused writer changed nothing
    kill(holder, SIGKILL);
    waitpid(holder, nullptr, 0);
    REQUIRE(RunLock::holder(job.out).empty());

    const auto rest = runTrainingJob(resume, record, nullptr);
    REQUIRE(rest.status == RunStatus::Finished);
    REQUIRE(!logged.empty());
    const int64_t perEpoch = rest.steps / 3;
    for (const auto step : logged)
        REQUIRE((step % 3 == 0 || step % perEpoch == 0));
    REQUIRE(!isResumable(readRunInfo(job.out).status)); // finished
}

// Killed before its first checkpoint (#17, 1): the folder is no dead end. A resume starts it again
// from the beginning with the recorded configuration, and ends where an uninterrupted run ends.
TEST_CASE("aRunKilledBeforeItsFirstCheckpointResumesFromTheBeginning")
{
    TrainJob whole = demoJob("uninterrupted-short");
    whole.config.train.epochs = 2;
    REQUIRE(runTrainingJob(whole, {}, nullptr).status == RunStatus::Finished);

    TrainJob job = demoJob("killed-early");
    job.config.train.epochs = 2;
    std::atomic<bool> stop{false};
    JobCallbacks cb;
    cb.trainer.onStep = [&](const StepInfo &s) { stop = s.step >= 3; };
    REQUIRE(runTrainingJob(job, cb, &stop).status == RunStatus::Stopped);
    // As a kill -9 at step 3 leaves it: steps logged, no checkpoint, run.json still "running".
    fs::remove_all(fs::path(job.out) / "checkpoints");
    fs::remove(fs::path(job.out) / "split.json");
    std::string runJson = readTextFile(runfiles::runJson(job.out));
    runJson.replace(runJson.find("\"stopped\""), 9, "\"running\"");
    writeTextAtomically(runfiles::runJson(job.out), runJson);
    REQUIRE(isResumable(readRunInfo(job.out).status));

    std::vector<std::string> warnings;
    JobCallbacks record;
    record.warning = [&](const std::string &w) { warnings.push_back(w); };
    const auto rest = runTrainingJob(resumeJob(job.out), record, nullptr);
    REQUIRE(rest.status == RunStatus::Finished);
    REQUIRE(std::any_of(warnings.begin(), warnings.end(), [](const auto &w) { return w.find("starts again from the beginning") != std::string::npos; }));
    const auto history = readHistory(job.out);
    REQUIRE(history.steps.front().step == 1);
    REQUIRE(history.epochs.size() == 2);
    const auto a = loadSafetensors((fs::path(whole.out) / "checkpoints/best/model.safetensors").string()).tensors;
    const auto b = loadSafetensors((fs::path(job.out) / "checkpoints/best/model.safetensors").string()).tensors;
    for (const auto &[k, v] : a)
        REQUIRE(torch::equal(v, b.at(k)));
}

// A kill between the two renames of the checkpoint swap (#17, 2): only last.old and last.tmp are
// left, both complete. The resume finishes the swap and continues exactly.
TEST_CASE("aCheckpointSwapInterruptedByAKillIsRecovered")
{
    TrainJob whole = demoJob("uninterrupted-swap");
    whole.config.train.epochs = 2;
    REQUIRE(runTrainingJob(whole, {}, nullptr).status == RunStatus::Finished);
    for (const bool between : {true, false}) {
        TrainJob job = demoJob(between ? "swap-between-renames" : "swap-before-renames");
        job.config.train.epochs = 2;
        std::atomic<bool> stop{false};
        JobCallbacks cb;
        cb.trainer.onStep = [&](const StepInfo &s) { stop = s.step >= 3; };
        REQUIRE(runTrainingJob(job, cb, &stop).status == RunStatus::Stopped);
        const fs::path last = fs::path(job.out) / "checkpoints" / "last";
        if (between) { // after rename(last, last.old), before rename(last.tmp, last)
            fs::rename(last, last.string() + ".old");
            fs::copy(last.string() + ".old", last.string() + ".tmp", fs::copy_options::recursive);
        } else { // killed while writing last.tmp: incomplete, beside an intact last
            fs::create_directories(last.string() + ".tmp");
            std::ofstream(last.string() + ".tmp/model.safetensors") << "partial";
        }
        REQUIRE(hasCheckpoint(job.out));
        std::vector<std::string> warnings;
        JobCallbacks record;
        record.warning = [&](const std::string &w) { warnings.push_back(w); };
        const auto rest = runTrainingJob(resumeJob(job.out), record, nullptr);
        REQUIRE(rest.status == RunStatus::Finished);
        REQUIRE(warnings.front().find(between ? "finished an interrupted checkpoint swap" : "removed the left-over last.tmp") == 0);
        REQUIRE_FALSE(fs::exists(last.string() + ".tmp"));
        REQUIRE_FALSE(fs::exists(last.string() + ".old"));
        const auto a = loadSafetensors((fs::path(whole.out) / "checkpoints/best/model.safetensors").string()).tensors;
        const auto b = loadSafetensors((fs::path(job.out) / "checkpoints/best/model.safetensors").string()).tensors;
        for (const auto &[k, v] : a)
            REQUIRE(torch::equal(v, b.at(k)));
    }
}

// A bit flip in checkpoints/last (#17 item 7): the resume names the damaged file before any data
// is prepared and changes nothing; with ResumePoint::Best it continues from the complete checkpoint
// kept at the end of the best epoch and ends exactly where the uninterrupted run ended.
TEST_CASE("aDamagedLastCheckpointResumesFromTheBestEpoch")
{
    TrainJob whole = demoJob("uninterrupted-best");
    whole.config.train.epochs = 3;
    REQUIRE(runTrainingJob(whole, {}, nullptr).status == RunStatus::Finished);

    TrainJob job = demoJob("damaged-last");
    job.config.train.epochs = 3;
    std::atomic<bool> stop{false};
    int bestEpoch = 0;
    JobCallbacks cb;
    cb.trainer.onEpoch = [&](const EpochInfo &e) { bestEpoch = e.bestEpoch; };
    cb.trainer.onStep = [&](const StepInfo &s) { stop = s.epoch == 3 && s.step % 2 == 0; };
    REQUIRE(runTrainingJob(job, cb, &stop).status == RunStatus::Stopped);
    REQUIRE(bestEpoch >= 1);
    REQUIRE(bestResumeEpoch(job.out) == bestEpoch);
    const fs::path model = fs::path(runfiles::lastCheckpoint(job.out)) / "model.safetensors";
    {
        std::fstream f(model, std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(static_cast<std::streamoff>(fs::file_size(model) - 5));
        f.put('\x11');
    }
    const std::string before = readTextFile(runfiles::runJson(job.out));
    try {
        (void)runTrainingJob(resumeJob(job.out), {}, nullptr);
        FAIL("a damaged checkpoint was resumed");
    } catch (const DamagedCheckpoint &e) {
        REQUIRE(e.bestEpoch() == bestEpoch);
        REQUIRE(std::string(e.what()).find("model.safetensors does not match the checksum") != std::string::npos);
        REQUIRE(std::string(e.what()).find("--from-best") != std::string::npos);
    }
    REQUIRE(readTextFile(runfiles::runJson(job.out)) == before); // refused before anything changed

    TrainJob fromBest = resumeJob(job.out);
    fromBest.resumeFrom = ResumePoint::Best;
    std::vector<std::string> warnings;
    JobCallbacks record;
    record.warning = [&](const std::string &w) { warnings.push_back(w); };
    REQUIRE(runTrainingJob(fromBest, record, nullptr).status == RunStatus::Finished);
    REQUIRE(warnings.front().find("resuming from the checkpoint of the best epoch (" + std::to_string(bestEpoch) + ")") == 0);
    const auto history = readHistory(job.out);
    REQUIRE(history.epochs.size() == 3); // the epochs after the best one once, not twice
    for (size_t i = 0; i < history.epochs.size(); ++i)
        REQUIRE(history.epochs[i].epoch == static_cast<int>(i) + 1);
    const auto a = loadSafetensors((fs::path(whole.out) / "checkpoints/best/model.safetensors").string()).tensors;
    const auto b = loadSafetensors((fs::path(job.out) / "checkpoints/best/model.safetensors").string()).tensors;
    for (const auto &[k, v] : a)
        REQUIRE(torch::equal(v, b.at(k)));

    // Without an intact best-epoch checkpoint there is nothing to offer.
    fs::remove_all(runfiles::bestResumeCheckpoint(job.out));
    REQUIRE(bestResumeEpoch(job.out) == 0);
}

TEST_CASE("anEarlyStoppedRunIsNotResumable")
{
    TrainJob job = demoJob("early-stopped");
    job.config.train.epochs = 6;
    job.config.train.earlyStopping = 1;
    job.config.train.earlyStoppingThreshold = 1e9; // no epoch counts as an improvement
    const auto summary = runTrainingJob(job, {}, nullptr);
    REQUIRE(summary.status == RunStatus::EarlyStopped);
    const RunInfo info = readRunInfo(job.out);
    REQUIRE(info.status == RunStatus::EarlyStopped);
    REQUIRE(hasCheckpoint(job.out)); // a checkpoint exists, and still the run is complete
    REQUIRE(!isResumable(info.status));
}

TEST_CASE("cachedFrozenFeaturesTrainLikeTheWholeNetworkRecomputed")
{
    for (const FineTune f : {FineTune{FineTune::Mode::Head, 0}, FineTune{FineTune::Mode::LastBlocks, 1}}) {
        const std::string tag = f.mode == FineTune::Mode::Head ? "head" : "last1";
        std::vector<std::string> notes;
        JobCallbacks cb;
        cb.warning = [&](const std::string &w) { notes.push_back(w); };
        TrainJob cached = demoJob("features-" + tag);
        cached.config.train.epochs = 3;
        cached.config.train.fineTune = f;
        const auto a = runTrainingJob(cached, cb, nullptr);
        TrainJob recomputed = demoJob("recomputed-" + tag);
        recomputed.config.train = cached.config.train;
        recomputed.config.train.featureCache = false;
        const auto b = runTrainingJob(recomputed, {}, nullptr);
        REQUIRE(a.bestEpoch == b.bestEpoch);
        REQUIRE_NEAR(a.test->loss, b.test->loss, 1e-6);
        REQUIRE(a.test->accuracy == b.test->accuracy);
        // The trained models agree on every test image: fp32 probabilities within 1e-6.
        const auto pa = readEvaluation(cached.out, "test"), pb = readEvaluation(recomputed.out, "test");
        REQUIRE(pa.predictions.size() == pb.predictions.size());
        double worst = 0;
        for (std::size_t i = 0; i < pa.predictions.size(); ++i)
            for (std::size_t c = 0; c < pa.predictions[i].probabilities.size(); ++c)
                worst = std::max(worst, std::abs(pa.predictions[i].probabilities[c] - pb.predictions[i].probabilities[c]));
        std::cout << "  " << tag << ": cached vs recomputed frozen part, largest probability difference " << worst << "\n";
        REQUIRE(worst < 1e-6);
        // A second run with the same backbone computes no feature again.
        notes.clear();
        TrainJob again = demoJob("features-again-" + tag);
        again.config.train = cached.config.train;
        runTrainingJob(again, cb, nullptr);
        const bool fromCache = std::any_of(notes.begin(), notes.end(), [](const std::string &n) { return n.find(", 0 computed") != std::string::npos; });
        REQUIRE(fromCache);
    }
}

TEST_CASE("recipeAdviceSeesAWarmUpLongerThanTheRun")
{
    // The case: the notebook's recipe on the demo data. 20 images in each of 8 classes,
    // 14 of each for training: 112 images, 7 steps per epoch at batch 16, 35 steps in 5 epochs,
    // against 500 warm-up steps: the learning rate never passes 1.4e-6.
    TrainJob job = demoJob("advice");
    job.config.train = TrainConfig{};
    job.config.train.epochs = 5;
    const RecipeAdvice a = adviseRecipe(job.config);
    REQUIRE((a.trainImages == 112 && a.totalSteps == 35 && a.warmupSteps == 500 && a.warmupDominates));
    REQUIRE_NEAR(a.peakLr, 1.4e-6, 1e-15);
    REQUIRE((a.fromScratch && a.smallModel)); // the fixture is config-only and tiny
    REQUIRE((a.suggested.lr == 1e-3 && a.suggested.warmupSteps == 3 && a.suggested.warmupRatio == 0));
    // What the suggestion fixes, it no longer raises.
    job.config.train = a.suggested;
    REQUIRE(!adviseRecipe(job.config).any());
    // Only the classifier on the config-only model's random body: whatever the learning rate, the
    // whole network is suggested.
    job.config.train.fineTune = {FineTune::Mode::Head, 0};
    const RecipeAdvice frozen = adviseRecipe(job.config);
    REQUIRE((frozen.any() && frozen.frozenRandomBody && !frozen.fromScratch && frozen.suggested.fineTune == FineTune{}));
    job.config.train = frozen.suggested;
    REQUIRE(!adviseRecipe(job.config).any());
    // A warm-up ratio counts as its share of the run; a pretrained ViT-B/16 on Kvasir raises nothing.
    job.config.train = TrainConfig{};
    job.config.train.warmupRatio = 0.6;
    REQUIRE(adviseRecipe(job.config).warmupSteps == 21);
    REQUIRE_THROWS_CONTAINING(adviseRecipe([] {
                                  JobConfig c;
                                  c.data.data = "/nonexistent";
                                  return c;
                              }()),
                              "does not exist");
}

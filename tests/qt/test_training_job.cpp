// The whole job on the synthetic demo data: a tiny ViT from scratch learns clearly better than
// chance in CI time, and the same seed gives the same run.
#include "mini_test.h"

#include "data/demo_data.h"
#include "data/training_job.h"
#include "engine/file_util.h"

#include <filesystem>
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
    job.model = (kRoot / "model").string();
    job.out = (kRoot / out).string();
    fs::remove_all(job.out);
    job.data.data = (kRoot / "data").string();
    job.data.cacheDir = (kRoot / "cache").string();
    job.config.epochs = 20;
    job.config.lr = 2e-3;
    job.config.warmupSteps = 10;
    job.config.device = "cpu";
    job.config.threads = 2;
    job.config.evalTrainSet = false;
    return job;
}

} // namespace

TEST_CASE(tinyVitFromScratchLearnsTheDemoData)
{
    const auto a = runTrainingJob(demoJob("run-a"), {}, nullptr);
    REQUIRE(a.status == "finished" && a.test.has_value());
    std::cout << "  demo data, tiny ViT from scratch: test accuracy " << a.test->accuracy << " (chance 0.125), "
              << a.imagesPerSecond << " training images/s\n";
    REQUIRE(a.test->accuracy > 0.5);
    // Same seed, same data: the same run, bit for bit (initial weights included).
    const auto b = runTrainingJob(demoJob("run-b"), {}, nullptr);
    REQUIRE(b.test->accuracy == a.test->accuracy && b.test->loss == a.test->loss && b.bestEpoch == a.bestEpoch);
    for (const char *f : {"split.json", "val/predictions.csv", "test/predictions.csv"})
        REQUIRE(readTextFile((kRoot / "run-a" / f).string()) == readTextFile((kRoot / "run-b" / f).string()));
}

// A real (tiny) run: the training job writes the model card, and the report's explanation examples
// come from its test predictions and best model, with maps of the model's patch grid.
#include "test_support.h"

#include "data/demo_data.h"
#include "engine/file_util.h"
#include "engine/vit_config.h"
#include "job/report_examples.h"
#include "job/training_job.h"

#include <filesystem>

using namespace vitscope;
namespace fs = std::filesystem;

TEST_CASE("examplesAndModelCardOfADemoRun")
{
    const fs::path root = fs::temp_directory_path() / "vitscope-test-report-examples";
    fs::remove_all(root);
    writeDemoDataset((root / "data").string(), 12, 3);
    ViTConfig c = vitTinyConfig(32);
    c.hiddenSize = 32;
    c.intermediateSize = 64;
    c.numHiddenLayers = 2;
    fs::create_directories(root / "model");
    writeTextAtomically((root / "model" / "config.json").string(), viTConfigToJson(c));
    TrainJob job;
    job.config.model = (root / "model").string();
    job.config.data.data = (root / "data").string();
    job.config.data.cacheDir = (root / "cache").string();
    job.config.train.epochs = 2; // a weak model: some test images are misclassified
    job.config.train.device = "cpu";
    job.config.train.threads = 1;
    job.config.train.evalTrainSet = false;
    job.out = (root / "run").string();
    const auto summary = runTrainingJob(job, {}, nullptr);
    REQUIRE(summary.status == RunStatus::Finished);
    REQUIRE(fs::exists(root / "run" / "checkpoints" / "best" / "README.md"));

    const ExampleSet set = computeReportExamples(job.out, {2, 2, "cpu"});
    INFO("problem: ", set.problem);
    REQUIRE(set.problem.empty());
    REQUIRE((set.examples.size() >= 2 && set.examples.size() <= 4));
    const int grid = c.imageSize / c.patchSize;
    bool wrong = false;
    for (const auto &e : set.examples) {
        REQUIRE((e.width == c.imageSize && e.height == c.imageSize));
        REQUIRE(e.rgb.size() == static_cast<std::size_t>(3 * e.width * e.height));
        REQUIRE((e.gridH == grid && e.gridW == grid));
        REQUIRE(e.rollout.size() == static_cast<std::size_t>(grid * grid));
        REQUIRE(e.gradCam.size() == (set.gradCam ? static_cast<std::size_t>(grid * grid) : 0));
        REQUIRE((e.probability > 0 && e.probability <= 1));
        wrong = wrong || e.trueLabel != e.predictedLabel;
    }
    REQUIRE(wrong == (summary.test->accuracy < 1.0));
    REQUIRE(computeReportExamples((root / "nothing").string()).problem.find("no test predictions") != std::string::npos);
}

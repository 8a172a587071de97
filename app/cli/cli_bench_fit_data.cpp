// bench fit --data: what a user waits for the first time, from JPEG files on disk to a tested
// model. Fresh (cold) image and feature caches, so decoding and feature extraction are timed.
#include "cli_commands.h"

#include "config/job_config.h"
#include "engine/run_files.h"
#include "engine/runtime.h"
#include "engine/trainer.h"
#include "engine/vit_config.h"
#include "job/training_job.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>

#include <unistd.h>

namespace vitscope::cli {

namespace fs = std::filesystem;

int runBenchFitOnFiles(const JobConfig &recipe, const std::string &config, bool json)
{
    const fs::path scratch = fs::temp_directory_path() / ("vitscope-bench-fit-data-" + std::to_string(::getpid()));
    fs::remove_all(scratch);
    fs::create_directories(scratch);
    JobConfig job = recipe;
    const bool cold = job.data.cacheDir.empty(); // a given --cache-dir times a warm start instead
    if (cold)
        job.data.cacheDir = (scratch / "cache").string();
    job.model = config;
    if (!fs::is_directory(config)) { // an architecture: random weights time the same as pretrained ones
        job.model = (scratch / "model").string();
        fs::create_directories(job.model);
        std::ofstream(fs::path(job.model) / "config.json") << viTConfigToJson(benchConfig(config));
    }
    const std::string out = (scratch / "run").string();
    JobCallbacks callbacks;
    callbacks.trainer.onEpoch = [json](const EpochInfo &e) {
        if (!json)
            std::cerr << "epoch " << e.epoch << ": val accuracy " << e.val.accuracy << "\n";
    };
    TrainSummary summary;
    try {
        summary = runTrainingJob({job, out, false}, callbacks, nullptr);
    } catch (...) {
        fs::remove_all(scratch);
        throw;
    }
    const RunInfo info = readRunInfo(out);
    fs::remove_all(scratch);
    const TrainConfig &t = job.train;
    const nlohmann::json j = {{"config", config}, {"data", job.data.data},
                              {"images", info.dataset.train}, {"val_images", info.dataset.val}, {"test_images", info.dataset.test},
                              {"epochs", summary.epochsRun}, {"batch", t.batchSize}, {"eval_batch", t.evalBatchSize},
                              {"precision", std::string(choiceName(t.precision))}, {"fine_tune", fineTuneText(t.fineTune)},
                              {"device", info.device}, {"caches", cold ? "cold" : job.data.cacheDir}, {"phase_seconds", phaseSeconds(summary)},
                              {"train_images_per_second", summary.imagesPerSecond},
                              {"test_accuracy", summary.test ? summary.test->accuracy : 0.0}};
    std::cout << (json ? j.dump() : j.dump(2)) << "\n";
    return kExitOk;
}

} // namespace vitscope::cli

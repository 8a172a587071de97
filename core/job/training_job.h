#pragma once
// One training job, start to finish: the device, data preparation (scan, split, cache), the model
// loaded with the data's labels, the run folder, training. Shared by vitscope-cli train and the
// GUI's training session; above the data layer and the engine, below the Qt session layer.
#include "config/job_config.h"
#include "engine/distributed.h"
#include "engine/trainer.h"

#include <atomic>
#include <functional>
#include <map>
#include <string>

namespace vitscope {

// The job that resumes the run in `runFolder`: its whole configuration, read from run.json.
// Throws RunFolderError when the folder holds no readable run.
TrainJob resumeJob(const std::string &runFolder);

struct JobCallbacks {
    TrainerCallbacks trainer;
    std::function<void(const std::string &stage, int64_t done, int64_t total)> progress; // from worker threads
    std::function<void(const std::string &)> warning;
};

struct ViTConfig;
// Why the frozen part's output cannot be cached and reused for this recipe and model, or "" when
// it can (no augmentation, no dropout, the cache on).
std::string featuresUnavailable(const TrainConfig &train, const ViTConfig &model);

// The device a rank of a distributed run trains on: "cuda" (and "auto" with a GPU) becomes
// cuda:LOCAL_RANK, one GPU per rank; one process keeps what it asked for.
std::string rankDevice(const std::string &requested, const DistEnvironment &env);

// Started by torchrun (RANK, WORLD_SIZE, ... set), the job is one rank of a distributed run
// (engine/distributed.h): rank 0 alone writes the run folder; local rank 0 builds the caches.
// Throws (std::runtime_error / TrainingError) with a user-facing message; marks the run failed.
// `versions` (Qt, OpenCV, ...) are recorded in run.json next to the engine's.
TrainSummary runTrainingJob(const TrainJob &job, const JobCallbacks &callbacks, const std::atomic<bool> *stop,
                            const std::map<std::string, std::string> &versions = {});

} // namespace vitscope

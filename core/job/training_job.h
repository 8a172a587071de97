#pragma once
// One training job, start to finish: the device, data preparation (scan, split, cache), the model
// loaded with the data's labels, the run folder, training. Shared by vitscope-cli train and the
// GUI's training session; above the data layer and the engine, below the Qt session layer.
#include "config/job_config.h"
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

// Throws (std::runtime_error / TrainingError) with a user-facing message; marks the run failed.
// `versions` (Qt, OpenCV, ...) are recorded in run.json next to the engine's.
TrainSummary runTrainingJob(const TrainJob &job, const JobCallbacks &callbacks, const std::atomic<bool> *stop,
                            const std::map<std::string, std::string> &versions = {});

} // namespace vitscope

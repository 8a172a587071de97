#pragma once
// One training job, start to finish: data preparation (scan, split, cache), model loading with
// the data's labels, run folder set-up, training. Shared by vitscope-cli train and the GUI session.
#include "data/pipeline.h"
#include "engine/trainer.h"

#include <atomic>
#include <string>

namespace vitscope {

struct TrainJob {
    DataOptions data;
    TrainConfig config;
    std::string model, out;
    bool resume = false; // `out` is an existing run: configuration and split are read from it
};

// Reads a run's configuration (run.json) into a job that resumes it.
TrainJob resumeJob(const std::string &runFolder);

struct JobCallbacks {
    TrainerCallbacks trainer;
    std::function<void(const std::string &stage, int64_t done, int64_t total)> progress;
    std::function<void(const std::string &)> warning;
};

// Throws (std::runtime_error / TrainingError) with a user-facing message; marks the run failed.
TrainSummary runTrainingJob(const TrainJob &job, const JobCallbacks &callbacks, const std::atomic<bool> *stop,
                            const std::string &extraVersionsJson = {});

} // namespace vitscope

#pragma once
// The run-folder format, declared once: the files, the records they hold, and how they are read.
// RunFolder (run_folder.h) writes through the same mappings; the CLI, the session layer and the
// views read through these functions. No torch here, so Qt code can include it.
//   run.json                 configuration (whole), labels, data set, versions, device, status
//   metrics.jsonl            one line per logged step and per epoch
//   split.json               the split (data layer)
//   confusion/epoch-N.json   validation confusion matrix per epoch
//   checkpoints/last/        everything needed to resume (weights, optimizer, trainer state)
//   checkpoints/best/        Hugging Face export of the best epoch
//   test/ and val/           predictions.csv and metrics.json of the best model
#include "config/job_config.h"
#include "engine/metrics.h"
#include "engine/model_calibration.h"

#include <nlohmann/json_fwd.hpp>

#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace vitscope {

class RunFolderError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct StepInfo {
    int64_t step = 0, totalSteps = 0;
    int epoch = 0; // 1-based
    double epochProgress = 0;
    double loss = 0, lr = 0, gradNorm = 0, imagesPerSecond = 0, etaSeconds = 0;
};

struct EpochInfo {
    int epoch = 0;
    int64_t step = 0;
    std::optional<Metrics> train; // without per-class rows in metrics.jsonl
    Metrics val;
    bool best = false;
    int bestEpoch = 0;
};

struct DatasetSummary {
    std::string root, valRoot, testRoot;
    int64_t train = 0, val = 0, test = 0, badFiles = 0, duplicates = 0;
    struct BadFileNote {
        std::string path, reason; // path relative to its root
    };
    std::vector<BadFileNote> badFileList;             // what the report lists
    std::vector<std::vector<std::string>> duplicateGroups; // relative paths of identical files
    // The label manifest the labels came from (data/label_manifest.h): its file and SHA-256 ("" when
    // the class folders had no changes), and what it changed.
    std::string labelsFile, labelsHash;
    int64_t relabelled = 0, added = 0, excluded = 0;
};

// How a run was spread over processes (engine/distributed.h); one process: world size 1. A resume
// on another world size keeps globalBatch (per-rank batch = globalBatch / world size).
struct DistributedRun {
    int worldSize = 1;
    std::string backend;            // "gloo" or "nccl"; empty for one process
    std::vector<std::string> hosts; // by rank
    int64_t globalBatch = 0;        // 0: batch_size (a run of one process)
};

struct RunInfo {
    JobConfig config;
    DistributedRun distributed;
    std::vector<std::string> labels;
    std::string device; // as described to the user: "CPU, 2 threads", "NVIDIA H200 (cuda:0)"
    DatasetSummary dataset;
    std::vector<std::string> splitWarnings;
    std::map<std::string, std::string> versions;
    RunStatus status = RunStatus::Running;
    std::string message, started, updated, ended;
};

struct TrainingHistory {
    std::vector<StepInfo> steps;   // increasing steps: lines a resumed run logged again replace the old ones
    std::vector<EpochInfo> epochs; // increasing epochs, likewise
};

struct PredictionRecord {
    std::string path; // relative to the part's data root (or absolute)
    int trueLabel = -1, predicted = -1;
    double confidence = 0; // probability of the predicted class
    std::vector<double> probabilities;
};

struct EvaluationRecord {
    std::string part; // "test", "val" or "epoch-N"
    std::vector<std::string> labels;
    Metrics metrics; // with the confusion matrix
    std::vector<PredictionRecord> predictions; // test and val only
    std::optional<PartTrust> trust;             // runs trained before calibration existed have none
};

namespace runfiles {
std::string runJson(const std::string &run);
std::string metricsLog(const std::string &run);
std::string splitFile(const std::string &run);
std::string confusionFile(const std::string &run, int epoch);
std::string partFolder(const std::string &run, const std::string &part); // test/ or val/
std::string lastCheckpoint(const std::string &run);
std::string bestCheckpoint(const std::string &run);
// A complete checkpoint (weights, optimizer, RNG, trainer state) as it was at the end of the best
// epoch, for a resume when checkpoints/last is damaged.
std::string bestResumeCheckpoint(const std::string &run);
} // namespace runfiles

// Readers. They throw RunFolderError naming the file and what is wrong.
RunInfo readRunInfo(const std::string &run);
TrainingHistory readHistory(const std::string &run); // empty when nothing was logged yet
bool hasCheckpoint(const std::string &run);
// A kill between the two renames that replace checkpoints/last leaves complete copies in last.tmp
// (the new one) or last.old (the previous one) and no last: this finishes the swap, or rolls it
// back, and removes what is left over. Call it holding the run's lock (engine/run_lock.h).
// Returns what it did, for the log ("" when there was nothing to do).
std::string recoverCheckpointSwap(const std::string &run);
std::vector<std::string> evaluationParts(const std::string &run); // "test", "val", then "epoch-1"...
EvaluationRecord readEvaluation(const std::string &run, const std::string &part);
std::string partRoot(const RunInfo &info, const std::string &part); // data root of a part's paths
std::vector<std::string> findRuns(const std::string &parent);       // folders holding run.json, newest first

// JSON mappings shared by the writer and the readers.
nlohmann::json toJson(const Metrics &metrics, const std::vector<std::string> &labels, bool perClass = true);
Metrics metricsFromJson(const nlohmann::json &json);
nlohmann::json toJson(const StepInfo &step);
nlohmann::json toJson(const EpochInfo &epoch);
nlohmann::json toJson(const RunInfo &info);
RunInfo runInfoFromJson(const nlohmann::json &json, const std::string &source);
std::string metricsToJson(const Metrics &metrics, const std::vector<std::string> &labels); // indented text

} // namespace vitscope

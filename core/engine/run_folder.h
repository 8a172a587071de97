#pragma once
// The run folder: the audit trail of one training run.
//   run.json                 configuration, data set, versions, device, times, status
//   metrics.jsonl            one line per logged step and per epoch
//   split.json               written by the data layer
//   confusion/epoch-N.json   validation confusion matrix per epoch
//   checkpoints/last/        everything needed to resume (weights, optimizer, trainer state)
//   checkpoints/best/        Hugging Face export of the best epoch
//   test/predictions.csv, test/metrics.json
#include "engine/checkpoint.h"
#include "engine/metrics.h"
#include "engine/optim.h"

#include <memory>
#include <string>
#include <vector>

namespace vitscope {

struct TrainConfig;
struct StepInfo;
struct EpochInfo;
struct EvalResult;

struct TrainerState {
    int epoch = 0;              // epochs completed
    int64_t batchInEpoch = 0;   // next batch index inside the current epoch
    int64_t globalStep = 0;     // optimizer steps done
    int bestEpoch = 0;
    double bestValue = 0;
    bool haveBest = false;
    int epochsWithoutImprovement = 0;
    double trainSeconds = 0;
    int64_t imagesSeen = 0;
    torch::Tensor rngState; // CPU generator (dropout)
};

class RunFolder {
public:
    explicit RunFolder(const std::string &path); // creates the folder tree; throws if not writable
    ~RunFolder();
    const std::string &path() const { return m_path; }

    // run.json. `extraJson` is a JSON object merged in (data set, split, versions from upper layers).
    void writeRunInfo(const TrainConfig &config, const std::vector<std::string> &labels, const std::string &modelPath,
                      const std::string &device, const std::string &extraJson);
    void setStatus(const std::string &status, const std::string &message = {});
    std::string readRunInfo() const;

    void appendStep(const StepInfo &step);
    void appendEpoch(const EpochInfo &epoch, const std::vector<std::string> &labels);
    void writeConfusion(int epoch, const Metrics &metrics, const std::vector<std::string> &labels);

    // Atomic: written to checkpoints/last.tmp, then swapped in; a failure leaves the old one.
    void saveLast(ViTForImageClassification &model, const PreprocessConfig &preprocess, const AdamW &optimizer,
                  const TrainerState &state);
    bool hasLast() const;
    TrainerState loadLast(ViTForImageClassification &model, AdamW &optimizer) const;
    void saveBest(ViTForImageClassification &model, const PreprocessConfig &preprocess);
    std::string bestFolder() const;
    std::string lastFolder() const;

    void writeEvaluation(const std::string &part, const EvalResult &result, const std::vector<std::string> &labels,
                         const std::vector<std::string> &itemNames);

private:
    std::string m_path;
    struct Json;
    std::unique_ptr<Json> m_run;
};

std::string metricsToJson(const Metrics &metrics, const std::vector<std::string> &labels);

} // namespace vitscope

#pragma once
// The notebook's fine-tune (Hugging Face Trainer recipe), exact, resumable, with a run folder.
#include "config/job_config.h"
#include "engine/batch_source.h"
#include "engine/calibration.h"
#include "engine/checkpoint.h"
#include "engine/host_copy.h"
#include "engine/metrics.h"
#include "engine/run_files.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace vitscope {

struct EvalResult {
    Metrics metrics;
    torch::Tensor probabilities;      // [N, C] float32 CPU
    torch::Tensor logits;             // [N, C] float32 CPU (for calibration)
    std::vector<int64_t> labels, predictions;
};

// [N, C] scores as float64 rows, for the calibration maths (engine/calibration.h).
ScoreMatrix scoreMatrix(const torch::Tensor &scores);

struct TrainSummary {
    RunStatus status = RunStatus::Finished; // finished, stopped or early-stopped
    int bestEpoch = 0, epochsRun = 0;
    int64_t steps = 0;
    double trainSeconds = 0, imagesPerSecond = 0;
    // The job's phases (set by runTrainingJob): scanning, decoding and caching the images;
    // computing the frozen part's features; all of it, start to finish.
    double prepareSeconds = 0, featureSeconds = 0, wallSeconds = 0;
    std::optional<Metrics> val, test;
};

struct TrainerCallbacks {
    std::function<void(const StepInfo &)> onStep;
    std::function<void(const EpochInfo &)> onEpoch;
    std::function<void(const std::string &)> onCheckpoint; // folder written
    std::function<void(const std::string &)> onLog;
    std::function<bool()> shouldStop; // polled every step
    std::function<void(int64_t, torch::Tensor &)> lossHook; // tests: inject faults into the loss
};

class RunFolder;
class AdamW;

// A step's results stay on the device until read back, so that the host can queue the next step
// while the GPU works (one read per step would leave the GPU idle while the host catches up).
struct StepResult {
    torch::Tensor loss;     // 0-dim float32: mean over the micro-batches
    torch::Tensor gradNorm; // 0-dim: before clipping (0 when clipping is off)
    int64_t images = 0;
    HostCopy values;        // {loss, gradNorm} on their way to the host
};

struct StepValues {
    double loss = 0, gradNorm = 0;
    bool finite() const;
};

// Reads the step's loss and gradient norm; on CUDA waits for that step only, not for later ones.
StepValues readBack(const StepResult &step);

// One optimizer step of the recipe over `microBatches` batches fetched by index: forward,
// cross-entropy, backward (scaled by 1/microBatches), clip, AdamW at `lr`. Shared by train() and
// the benchmark so both measure the same code. A non-finite loss is not caught here (that would
// wait for the device): train() reads each step back and stops the run, keeping the checkpoint.
StepResult trainStep(ViTForImageClassification &model, AdamW &optimizer, int64_t microBatches,
                     const std::function<Batch(int64_t)> &fetch, double lr, double maxGradNorm,
                     const torch::Device &device, bool bf16, const std::function<void(torch::Tensor &)> &lossHook = {});

// The parts of a step that trainStep() and GraphedTrainStep share, so that both compute the same
// values: forward and cross-entropy of one batch (the hook may alter the loss), backward of
// loss / microBatches, returning the loss (detached); the gradient norm, clipped at maxGradNorm
// (0 and no clipping when it is not positive); and the {loss, gradNorm} float64 pair read back.
// `share` scales the loss before backward: a rank's part of a distributed batch is its images'
// share of the global batch (engine/dist_train.h).
torch::Tensor backwardBatch(ViTForImageClassification &model, const Batch &batch, int64_t microBatches,
                            const torch::Device &device, bool bf16, const std::function<void(torch::Tensor &)> &lossHook = {},
                            double share = 1.0);
torch::Tensor clipGradients(ViTForImageClassification &model, double maxGradNorm, const torch::Device &device);
torch::Tensor stepValues(const torch::Tensor &loss, const torch::Tensor &gradNorm);

// Runs (or resumes) training: the step pipeline, the epoch loop, the end-of-epoch work (evaluate,
// select the best, checkpoint, early stopping) and the final test of the best model, each a stage
// of the loop in trainer.cpp. Throws TrainingError with a user-facing message on failure; the last
// good checkpoint stays intact. `test` may be null (no test split).
TrainSummary train(LoadedModel &model, const TrainConfig &config, BatchSource &trainSet, BatchSource &valSet,
                   BatchSource *testSet, RunFolder &run, const TrainerCallbacks &callbacks, bool resume);

class Distributed;
// train() as one rank of a distributed run (engine/dist_train.h): `run` is rank 0's run folder and
// null on the other ranks, which write nothing.
TrainSummary trainDistributed(LoadedModel &model, const TrainConfig &config, BatchSource &trainSet, BatchSource &valSet,
                              BatchSource *testSet, RunFolder *run, const TrainerCallbacks &callbacks, bool resume,
                              Distributed &dist);

EvalResult evaluate(ViTForImageClassification &model, BatchSource &data, int batchSize, const torch::Device &device,
                    bool bf16 = false, const std::function<bool()> &shouldStop = {});

class TrainingError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// A checkpoint whose files fail their checksums (#17 item 7). bestEpoch > 0: the run kept a
// complete checkpoint at the end of its best epoch, which a resume can continue from instead
// (ResumePoint::Best); 0: it has none.
class DamagedCheckpoint : public TrainingError {
public:
    DamagedCheckpoint(const std::string &message, int bestEpoch);
    int bestEpoch() const { return m_bestEpoch; }

private:
    int m_bestEpoch;
};

// A stop asked for during an evaluation: the run is stopped (resumable), not failed.
class EvaluationCancelled : public TrainingError {
public:
    EvaluationCancelled() : TrainingError("evaluation cancelled") {}
};

} // namespace vitscope

#pragma once
// Writes a run folder (layout and records in run_files.h, which also reads them back) and its
// checkpoints.
#include "engine/checkpoint.h"
#include "engine/model_calibration.h"
#include "engine/optim.h"
#include "engine/run_files.h"
#include "engine/trainer_state.h"

#include <string>
#include <vector>

namespace vitscope {

struct EvalResult;

class RunFolder {
public:
    explicit RunFolder(const std::string &path); // creates the folder tree; throws if not writable
    const std::string &path() const { return m_path; }

    // A new run: writes run.json (status running) with the versions of this build added.
    void start(RunInfo info);
    // The run already in the folder: reads run.json, takes the environment settings of `config`
    // (device, threads: those a resumed run may change) and marks it running.
    void resume(const JobConfig &config);
    const RunInfo &info() const { return m_info; }
    void setDistributed(const DistributedRun &distributed); // this attempt's ranks (a resume may change them)
    void setStatus(RunStatus status, const std::string &message = {});

    void appendStep(const StepInfo &step);
    void appendEpoch(const EpochInfo &epoch);
    // Keeps the step lines up to `step` and the epoch lines up to `epoch` of metrics.jsonl (and drops
    // a line torn by a kill); atomic. A resume calls it with its checkpoint's position.
    void truncateHistory(int64_t step, int epoch);
    void writeConfusion(int epoch, const Metrics &metrics, const std::vector<std::string> &labels);

    // Atomic: written to checkpoints/last.tmp, then swapped in; a failure leaves the old one.
    void saveLast(ViTForImageClassification &model, const PreprocessConfig &preprocess, const AdamW &optimizer,
                  const TrainerState &state);
    bool hasLast() const;
    TrainerState loadLast(ViTForImageClassification &model, AdamW &optimizer) const;
    void saveBest(ViTForImageClassification &model, const PreprocessConfig &preprocess);
    // Copies checkpoints/last, just saved at the end of the best epoch, to best-resume (atomic).
    void keepLastAsBestResume();
    std::string bestFolder() const;
    std::string lastFolder() const;

    // With `trust`, metrics.json also holds the part's calibration, set coverage and intervals.
    void writeEvaluation(const std::string &part, const EvalResult &result, const std::vector<std::string> &labels,
                         const std::vector<std::string> &itemNames, const PartTrust *trust = nullptr);

private:
    void writeInfo();
    std::string resumeAdvice() const;

    std::string m_path;
    RunInfo m_info;
};

// Throws DamagedCheckpoint naming the file of `run`'s checkpoints/last that is missing or fails its
// checksum. A checkpoint written before checksums existed has none and passes.
void verifyLastCheckpoint(const std::string &run);
// The epoch whose end checkpoints/best-resume holds, or 0 when the run has none.
int bestResumeEpoch(const std::string &run);
// Replaces checkpoints/last with a verified copy of best-resume (the swap recoverCheckpointSwap
// finishes after a kill) and returns its epoch. Throws DamagedCheckpoint when there is none or it
// is damaged too. Hold the run's lock.
int restoreBestCheckpoint(const std::string &run);

} // namespace vitscope

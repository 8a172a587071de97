#pragma once
// The distributed forms of the trainer's pieces (engine/trainer.cpp uses them when a run has more
// than one rank). A run of N ranks with per-rank batch b equals one process with batch N x b:
// - every rank draws the same permutation; global batch k is items [k*N*b, (k+1)*N*b) of it,
//   cut into N contiguous shares (rankShare), the last, partial batch too;
// - each rank's loss is the mean over its share, weighted by the share's part of the global
//   batch, so that the summed gradients are those of the global batch's mean loss;
// - gradients are summed over the ranks (GradientReducer) before clipping and AdamW;
// - evaluation is sharded the same way and the logits are gathered on every rank, so that every
//   rank selects the same best epoch and stops at the same point.
#include "engine/batch_source.h"
#include "engine/trainer.h"
#include "engine/trainer_state.h"

#include <functional>

namespace vitscope {

class Distributed;
class GradientReducer;
class AdamW;

struct Range {
    int64_t begin = 0, end = 0;
    int64_t size() const { return end - begin; }
};
// Rank `rank`'s contiguous share of `count` items: [floor(r*n/N), floor((r+1)*n/N)).
Range rankShare(int64_t count, int rank, int worldSize);

// Items [begin, end) of another source, as a source of their own.
class ShardSource : public BatchSource {
public:
    ShardSource(BatchSource &all, Range range);
    int64_t size() const override;
    Batch batch(const std::vector<int64_t> &indices, uint64_t augmentSeed) override;
    std::string itemName(int64_t index) const override;
    int64_t label(int64_t index) const override;
    ModelEntry entry() const override;

private:
    BatchSource &m_all;
    Range m_range;
};

// A rank's part of one micro-batch: its images (none when the global batch is smaller than the
// world) and the global batch's image count.
struct RankBatch {
    Batch batch;
    int64_t local = 0, global = 0;
};

// One optimizer step across the ranks. `stopWanted` is this rank's wish to stop; the result's
// `stop` is true on every rank when any rank asked (so all stop after the same step).
struct DistStepResult {
    StepResult step;
    bool stop = false;
};
DistStepResult distributedTrainStep(ViTForImageClassification &model, AdamW &optimizer, GradientReducer &reducer,
                                    Distributed &dist, int64_t microBatches, const std::function<RankBatch(int64_t)> &fetch,
                                    double lr, double maxGradNorm, const torch::Device &device, bool bf16, bool stopWanted,
                                    const std::function<void(torch::Tensor &)> &lossHook = {});

// Each rank evaluates its share; every rank returns the whole set's results.
EvalResult evaluateDistributed(ViTForImageClassification &model, BatchSource &data, int batchSize, const torch::Device &device,
                               bool bf16, Distributed &dist);

// Rank 0's weights and buffers to every rank (at the start, after a resume, and for the final test).
void broadcastModel(ViTForImageClassification &model, Distributed &dist);
// Rank 0's optimizer moments and trainer state to every rank (after rank 0 read the checkpoint).
void broadcastTrainingState(AdamW &optimizer, TrainerState &state, Distributed &dist);

} // namespace vitscope

#pragma once
// Where a run stands, saved with every checkpoint (checkpoints/last/trainer_state.json) so that a
// resumed run continues exactly.
#include <torch/types.h>

#include <cstdint>

namespace vitscope {

struct TrainerState {
    int epoch = 0;              // epochs completed
    int64_t batchInEpoch = 0;   // next batch index inside the current epoch
    int64_t globalStep = 0;     // optimizer steps done
    int bestEpoch = 0;
    double bestValue = 0;
    bool haveBest = false;
    int epochsWithoutImprovement = 0; // early-stopping patience used
    double trainSeconds = 0;
    int64_t imagesSeen = 0;
    torch::Tensor rngState; // CPU generator (dropout)
};

} // namespace vitscope

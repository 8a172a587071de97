#pragma once
// Head mode on frozen features, fitted to convergence: multinomial logistic regression on the
// final-LayerNorm CLS token (the classifier's input), full batch, L-BFGS in float64. It is what
// makes k-fold cross-validation cheap enough to score every labelled image out of sample.
#include "engine/calibration.h"

#include <torch/torch.h>

#include <atomic>
#include <functional>
#include <vector>

namespace vitscope {

struct ProbeOptions {
    // Weight of 0.5 ||W||^2 added to the mean cross-entropy; negative: 1 / N, which is
    // scikit-learn's LogisticRegression default (C = 1) written per image.
    double l2 = -1;
    int maxIterations = 200;
};

struct LinearProbe {
    torch::Tensor weight; // [C, D] float64
    torch::Tensor bias;   // [C]
};

// features: [N, D] (any floating type); labels in [0, classes).
LinearProbe fitLinearProbe(const torch::Tensor &features, const std::vector<int> &labels, int classes,
                           const ProbeOptions &options = {});
ScoreMatrix probeProbabilities(const LinearProbe &probe, const torch::Tensor &features);

// Out-of-sample probabilities of every row: for each fold, a probe fitted on the other folds
// predicts it. `fold[i]` as from stratifiedFolds. Throws std::runtime_error when cancelled.
ScoreMatrix crossValidatedProbabilities(const torch::Tensor &features, const std::vector<int> &labels, int classes,
                                        const std::vector<int> &fold, const ProbeOptions &options = {},
                                        const std::function<void(int done, int total)> &progress = {},
                                        const std::atomic<bool> *cancel = nullptr);

} // namespace vitscope

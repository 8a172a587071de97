#pragma once
// Finding labels that are probably wrong, from out-of-sample probabilities (Northcutt et al.,
// "Confident learning", 2021, as in Cleanlab): every labelled image is scored by how much the
// model, which never saw it, believes its given label. Plain std, like calibration.h.
#include "config/choices.h"
#include "engine/calibration.h"

#include <cstdint>
#include <vector>

namespace vitscope {

struct LabelIssue {
    int64_t index = 0;  // row of the probability matrix
    int given = -1;     // the label the image has now
    int suggested = -1; // the most probable class
    double score = 0;   // label quality in [0, 1]: low means probably wrong
    double givenProbability = 0, suggestedProbability = 0;
    // Confident learning's off-diagonal: the suggested class is not the given one and its
    // probability reaches that class's threshold (the mean probability of the class over the
    // images labelled with it).
    bool likelyError = false;
};

// Self-confidence p(given); normalised margin (p(given) - max over other classes + 1) / 2.
double labelQuality(const double *probabilities, int64_t classes, int given, LabelIssueScore score);
// Per class j: the mean of p(j) over the images labelled j (1.0 for a class with no image).
std::vector<double> classThresholds(const ScoreMatrix &probabilities, const std::vector<int> &given);
// Every row, most probably wrong first (ties: the larger suggested probability, then the index).
std::vector<LabelIssue> rankLabelIssues(const ScoreMatrix &probabilities, const std::vector<int> &given,
                                        LabelIssueScore score);

struct ConfusedPair {
    int given = -1, predicted = -1;
    int64_t count = 0;
};
// Off-diagonal (given, argmax) pairs, most frequent first.
std::vector<ConfusedPair> confusedPairs(const ScoreMatrix &probabilities, const std::vector<int> &given);
// Per class, the rows labelled with it of highest loss -log p(given), at most `perClass` each.
std::vector<std::vector<int64_t>> topLosses(const ScoreMatrix &probabilities, const std::vector<int> &given, int perClass);

// The fold (0 .. folds-1) of every item: each class's items are shuffled with the seed and dealt
// round-robin, so every fold holds each class in proportion. Throws std::invalid_argument when
// folds < 2.
std::vector<int> stratifiedFolds(const std::vector<int> &labels, int folds, uint64_t seed);

} // namespace vitscope

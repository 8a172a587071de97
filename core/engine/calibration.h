#pragma once
// How far a predicted percentage can be trusted: temperature scaling (Guo et al., 2017), top-label
// calibration error, split-conformal prediction sets (LAC: Sadinle et al., 2019; APS: Romano et
// al., 2020) and bootstrap intervals of the test metrics. Plain std (no torch), so that the
// session layer and the views can apply a model's calibration to stored probabilities.
#include "config/choices.h"

#include <cstdint>
#include <vector>

namespace vitscope {

// n rows of C scores (logits or probabilities), row-major.
struct ScoreMatrix {
    int64_t rows = 0, cols = 0;
    std::vector<double> values;
    const double *row(int64_t i) const { return values.data() + i * cols; }
};

// log p, with p = 0 (a probability stored as 0) taken as the smallest positive double: the
// logits of stored probabilities, up to a per-row constant that softmax ignores.
ScoreMatrix logitsFromProbabilities(const ScoreMatrix &probabilities);
ScoreMatrix softmax(const ScoreMatrix &logits, double temperature = 1.0);
std::vector<double> softmaxRow(const double *logits, int64_t classes, double temperature = 1.0);

// argmin over T > 0 of the mean cross-entropy of logits / T, in float64. The NLL is convex in
// 1/T, so Newton's method on 1/T, kept inside a shrinking bracket, converges to the optimum.
// When the NLL keeps falling towards a bound (every row already right and sure, or all
// uninformative), the bound is returned: T in [kMinTemperature, kMaxTemperature].
inline constexpr double kMinTemperature = 0.05, kMaxTemperature = 100.0;
double fitTemperature(const ScoreMatrix &logits, const std::vector<int64_t> &labels);

struct ReliabilityBin {
    double lo = 0, hi = 0; // (lo, hi]; the first bin also holds confidence 0
    int64_t count = 0;
    double confidence = 0, accuracy = 0; // means over the bin's rows (0 when empty)
};

struct CalibrationMetrics {
    int64_t count = 0;
    double nll = 0;   // mean cross-entropy
    double brier = 0; // mean over rows of sum_c (p_c - [c = label])^2, in [0, 2]
    double ece = 0;   // top-label: sum over bins of (n_b / N) |confidence - accuracy|
    double mce = 0;   // max over non-empty bins of |confidence - accuracy|
    std::vector<ReliabilityBin> bins;
};
inline constexpr int kCalibrationBins = 15;

// The metrics of softmax(logits / temperature) (argmax: the first of equal maxima).
CalibrationMetrics calibrationMetrics(const ScoreMatrix &logits, const std::vector<int64_t> &labels,
                                      double temperature = 1.0, int bins = kCalibrationBins);

// --- split-conformal prediction sets -------------------------------------------------------
// Non-conformity of the true class: LAC 1 - p(label); APS the total probability of the classes
// ranked at or above the label.
std::vector<double> conformalScores(const ScoreMatrix &probabilities, const std::vector<int64_t> &labels,
                                    ConformalScore score);
// The ceil((n + 1)(1 - alpha))-th smallest of n calibration scores; +infinity (every class in
// every set) when that rank exceeds n, i.e. when there are fewer than 1/alpha - 1 scores.
double conformalThreshold(std::vector<double> scores, double alpha);
// Classes in descending probability. LAC: {c : 1 - p(c) <= qhat} (may be empty: no class is
// plausible); APS: the classes whose higher-ranked mass is below qhat (at least the top class).
std::vector<int> predictionSet(const std::vector<double> &probabilities, double qhat, ConformalScore score);

struct SetClassSummary {
    int64_t count = 0;
    double coverage = 0, meanSetSize = 0;
};
struct SetSummary {
    double qhat = 0, coverage = 0, meanSetSize = 0;
    std::vector<SetClassSummary> perClass; // by true class
};
SetSummary evaluateSets(const ScoreMatrix &probabilities, const std::vector<int64_t> &labels, double qhat,
                        ConformalScore score);

// --- bootstrap intervals of the test metrics ------------------------------------------------
struct Interval {
    double lo = 0, hi = 0;
};
struct MetricIntervals {
    double level = 0.95;
    int resamples = 0;
    uint64_t seed = 0;
    Interval accuracy, macroF1, weightedF1, mcc;
};
// Percentile intervals from `resamples` resamples of the rows with replacement, drawn from a
// 64-bit Mersenne Twister with rejection sampling, so a seed gives the same intervals everywhere.
// Quantiles interpolate linearly between order statistics (numpy's default).
MetricIntervals bootstrapIntervals(const std::vector<int64_t> &labels, const std::vector<int64_t> &predictions,
                                   int numClasses, int resamples = 1000, uint64_t seed = 0, double level = 0.95);

} // namespace vitscope

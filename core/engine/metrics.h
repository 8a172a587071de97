#pragma once
// Classification metrics with scikit-learn's conventions (zero_division = 0; weighted averages by
// true support; macro averages over the labels present in y_true or y_pred).
#include "config/choices.h"

#include <cstdint>
#include <string>
#include <vector>

namespace vitscope {

struct ClassMetrics {
    double precision = 0, recall = 0, f1 = 0;
    int64_t support = 0;   // true count
    int64_t predicted = 0; // predicted count
};

struct Metrics {
    int64_t count = 0;
    double accuracy = 0;
    double loss = 0; // mean cross-entropy (NaN when no probabilities were given)
    double weightedPrecision = 0, weightedRecall = 0, weightedF1 = 0;
    double macroPrecision = 0, macroRecall = 0, macroF1 = 0;
    double mcc = 0;
    std::vector<ClassMetrics> perClass;
    std::vector<std::vector<int64_t>> confusion; // [true][predicted]

    double value(Metric metric) const;
};

// labels/predictions are class ids in [0, numClasses); lossSum is the summed cross-entropy.
Metrics computeMetrics(const std::vector<int64_t> &labels, const std::vector<int64_t> &predictions, int numClasses,
                       double lossSum = 0.0);

} // namespace vitscope

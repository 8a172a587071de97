#include "engine/metrics.h"

#include <cmath>
#include <limits>
#include <stdexcept>

namespace vitscope {

double Metrics::value(Metric metric) const
{
    switch (metric) {
    case Metric::Accuracy:
        return accuracy;
    case Metric::WeightedF1:
        return weightedF1;
    case Metric::MacroF1:
        return macroF1;
    case Metric::Loss:
        return loss;
    case Metric::Mcc:
        return mcc;
    }
    return accuracy;
}

Metrics computeMetrics(const std::vector<int64_t> &labels, const std::vector<int64_t> &predictions, int numClasses,
                       double lossSum)
{
    if (labels.size() != predictions.size())
        throw std::runtime_error("metrics: labels and predictions differ in length");
    Metrics m;
    m.count = static_cast<int64_t>(labels.size());
    m.confusion.assign(numClasses, std::vector<int64_t>(numClasses, 0));
    m.perClass.assign(numClasses, {});
    int64_t correct = 0;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        const auto t = labels[i], p = predictions[i];
        if (t < 0 || t >= numClasses || p < 0 || p >= numClasses)
            throw std::runtime_error("metrics: class id out of range");
        ++m.confusion[t][p];
        correct += t == p;
    }
    m.loss = m.count ? lossSum / static_cast<double>(m.count) : std::numeric_limits<double>::quiet_NaN();
    if (m.count == 0)
        return m;
    m.accuracy = static_cast<double>(correct) / static_cast<double>(m.count);

    int present = 0;
    for (int c = 0; c < numClasses; ++c) {
        auto &pc = m.perClass[c];
        const int64_t tp = m.confusion[c][c];
        for (int k = 0; k < numClasses; ++k) {
            pc.support += m.confusion[c][k];
            pc.predicted += m.confusion[k][c];
        }
        pc.precision = pc.predicted ? static_cast<double>(tp) / static_cast<double>(pc.predicted) : 0.0;
        pc.recall = pc.support ? static_cast<double>(tp) / static_cast<double>(pc.support) : 0.0;
        pc.f1 = (pc.precision + pc.recall) > 0 ? 2 * pc.precision * pc.recall / (pc.precision + pc.recall) : 0.0;
        const double w = static_cast<double>(pc.support) / static_cast<double>(m.count);
        m.weightedPrecision += w * pc.precision;
        m.weightedRecall += w * pc.recall;
        m.weightedF1 += w * pc.f1;
        if (pc.support || pc.predicted) {
            ++present;
            m.macroPrecision += pc.precision;
            m.macroRecall += pc.recall;
            m.macroF1 += pc.f1;
        }
    }
    m.macroPrecision /= present;
    m.macroRecall /= present;
    m.macroF1 /= present;

    // Multiclass Matthews correlation (Gorodkin's R_K), as sklearn's matthews_corrcoef.
    const double s = static_cast<double>(m.count), c = static_cast<double>(correct);
    double pk = 0, pp = 0, tt = 0;
    for (int k = 0; k < numClasses; ++k) {
        const double p = static_cast<double>(m.perClass[k].predicted), t = static_cast<double>(m.perClass[k].support);
        pk += p * t;
        pp += p * p;
        tt += t * t;
    }
    const double denom = std::sqrt((s * s - pp) * (s * s - tt));
    m.mcc = denom > 0 ? (c * s - pk) / denom : 0.0;
    return m;
}

} // namespace vitscope

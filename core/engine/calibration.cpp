#include "engine/calibration.h"

#include "engine/metrics.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>
#include <stdexcept>

namespace vitscope {
namespace {

void checkShape(const ScoreMatrix &m, const std::vector<int64_t> &labels)
{
    if (m.rows != static_cast<int64_t>(labels.size()) || static_cast<int64_t>(m.values.size()) != m.rows * m.cols)
        throw std::invalid_argument("calibration: scores and labels do not match");
    for (const auto l : labels)
        if (l < 0 || l >= m.cols)
            throw std::invalid_argument("calibration: a label outside the classes");
}

int64_t argmax(const double *p, int64_t n)
{
    return std::max_element(p, p + n) - p;
}

// Mean NLL of logits * beta and its first two derivatives in beta (beta = 1 / T):
// f = mean(lse(beta z) - beta z_y), f' = mean(E_p[z] - z_y), f'' = mean(Var_p[z]).
struct NllAt {
    double f = 0, d1 = 0, d2 = 0;
};
NllAt nllAt(const ScoreMatrix &z, const std::vector<int64_t> &labels, double beta)
{
    NllAt r;
    for (int64_t i = 0; i < z.rows; ++i) {
        const double *row = z.row(i);
        const double m = *std::max_element(row, row + z.cols);
        double s = 0, s1 = 0, s2 = 0;
        for (int64_t c = 0; c < z.cols; ++c) {
            const double e = std::exp(beta * (row[c] - m));
            s += e;
            s1 += e * row[c];
            s2 += e * row[c] * row[c];
        }
        const double mean = s1 / s, var = std::max(0.0, s2 / s - mean * mean);
        r.f += beta * m + std::log(s) - beta * row[labels[static_cast<std::size_t>(i)]];
        r.d1 += mean - row[labels[static_cast<std::size_t>(i)]];
        r.d2 += var;
    }
    const double n = static_cast<double>(std::max<int64_t>(1, z.rows));
    return {r.f / n, r.d1 / n, r.d2 / n};
}

double quantile(std::vector<double> v, double q)
{
    std::sort(v.begin(), v.end());
    const double h = (static_cast<double>(v.size()) - 1) * q;
    const auto lo = static_cast<std::size_t>(std::floor(h));
    const auto hi = std::min(v.size() - 1, lo + 1);
    return v[lo] + (h - static_cast<double>(lo)) * (v[hi] - v[lo]);
}

} // namespace

ScoreMatrix logitsFromProbabilities(const ScoreMatrix &p)
{
    ScoreMatrix out = p;
    for (auto &v : out.values)
        v = std::log(std::max(v, std::numeric_limits<double>::min()));
    return out;
}

std::vector<double> softmaxRow(const double *z, int64_t classes, double temperature)
{
    std::vector<double> p(static_cast<std::size_t>(classes));
    const double m = *std::max_element(z, z + classes);
    double s = 0;
    for (int64_t c = 0; c < classes; ++c)
        s += p[static_cast<std::size_t>(c)] = std::exp((z[c] - m) / temperature);
    for (auto &v : p)
        v /= s;
    return p;
}

ScoreMatrix softmax(const ScoreMatrix &logits, double temperature)
{
    ScoreMatrix out{logits.rows, logits.cols, {}};
    out.values.reserve(logits.values.size());
    for (int64_t i = 0; i < logits.rows; ++i) {
        const auto p = softmaxRow(logits.row(i), logits.cols, temperature);
        out.values.insert(out.values.end(), p.begin(), p.end());
    }
    return out;
}

double fitTemperature(const ScoreMatrix &logits, const std::vector<int64_t> &labels)
{
    checkShape(logits, labels);
    if (logits.rows == 0)
        return 1.0;
    // f'(beta) rises with beta (convexity): keep a bracket [lo, hi] around its root.
    double lo = 1.0 / kMaxTemperature, hi = 1.0 / kMinTemperature;
    if (nllAt(logits, labels, lo).d1 >= 0)
        return kMaxTemperature;
    if (nllAt(logits, labels, hi).d1 <= 0)
        return kMinTemperature;
    double beta = 1.0;
    for (int it = 0; it < 200; ++it) {
        const NllAt at = nllAt(logits, labels, beta);
        if (at.d1 > 0)
            hi = beta;
        else
            lo = beta;
        double next = at.d2 > 0 ? beta - at.d1 / at.d2 : 0.5 * (lo + hi);
        if (!(next > lo && next < hi)) // Newton left the bracket: bisect instead
            next = 0.5 * (lo + hi);
        if (std::abs(next - beta) <= 1e-15 * beta || hi - lo <= 1e-15 * hi)
            return 1.0 / next;
        beta = next;
    }
    return 1.0 / beta;
}

CalibrationMetrics calibrationMetrics(const ScoreMatrix &logits, const std::vector<int64_t> &labels,
                                      double temperature, int bins)
{
    checkShape(logits, labels);
    CalibrationMetrics m;
    m.count = logits.rows;
    m.bins.resize(static_cast<std::size_t>(bins));
    for (int b = 0; b < bins; ++b) {
        m.bins[static_cast<std::size_t>(b)].lo = static_cast<double>(b) / bins;
        m.bins[static_cast<std::size_t>(b)].hi = static_cast<double>(b + 1) / bins;
    }
    for (int64_t i = 0; i < logits.rows; ++i) {
        const auto y = labels[static_cast<std::size_t>(i)];
        const double *z = logits.row(i);
        const double mz = *std::max_element(z, z + logits.cols);
        double s = 0;
        for (int64_t c = 0; c < logits.cols; ++c)
            s += std::exp((z[c] - mz) / temperature);
        m.nll += (mz / temperature + std::log(s)) - z[y] / temperature;
        const auto p = softmaxRow(z, logits.cols, temperature);
        for (int64_t c = 0; c < logits.cols; ++c) {
            const double d = p[static_cast<std::size_t>(c)] - (c == y ? 1.0 : 0.0);
            m.brier += d * d;
        }
        const auto top = argmax(p.data(), logits.cols);
        const double conf = p[static_cast<std::size_t>(top)];
        // (lo, hi] bins: the bin whose upper edge is the first at or above the confidence
        const int b = std::clamp(static_cast<int>(std::ceil(conf * bins)) - 1, 0, bins - 1);
        auto &bin = m.bins[static_cast<std::size_t>(b)];
        ++bin.count;
        bin.confidence += conf;
        bin.accuracy += top == y ? 1.0 : 0.0;
    }
    const double n = static_cast<double>(std::max<int64_t>(1, m.count));
    m.nll /= n;
    m.brier /= n;
    for (auto &bin : m.bins) {
        if (bin.count == 0)
            continue;
        bin.confidence /= static_cast<double>(bin.count);
        bin.accuracy /= static_cast<double>(bin.count);
        const double gap = std::abs(bin.confidence - bin.accuracy);
        m.ece += static_cast<double>(bin.count) / n * gap;
        m.mce = std::max(m.mce, gap);
    }
    return m;
}

std::vector<double> conformalScores(const ScoreMatrix &p, const std::vector<int64_t> &labels, ConformalScore score)
{
    checkShape(p, labels);
    std::vector<double> out;
    out.reserve(labels.size());
    for (int64_t i = 0; i < p.rows; ++i) {
        const double *row = p.row(i);
        const double py = row[labels[static_cast<std::size_t>(i)]];
        if (score == ConformalScore::Lac) {
            out.push_back(1.0 - py);
            continue;
        }
        // APS: the label and every class ranked above it (ties ranked by index, as a stable sort does)
        double mass = 0;
        for (int64_t c = 0; c < p.cols; ++c)
            if (row[c] > py || (row[c] == py && c <= labels[static_cast<std::size_t>(i)]))
                mass += row[c];
        out.push_back(mass);
    }
    return out;
}

double conformalThreshold(std::vector<double> scores, double alpha)
{
    if (!(alpha > 0 && alpha < 1))
        throw std::invalid_argument("conformal: alpha must lie in (0, 1)");
    const auto n = static_cast<double>(scores.size());
    // the small margin keeps (n + 1)(1 - alpha) that is an integer in exact arithmetic from
    // rounding up to the next rank
    const auto rank = static_cast<std::size_t>(std::ceil((n + 1) * (1 - alpha) - 1e-9));
    if (rank == 0)
        return -std::numeric_limits<double>::infinity();
    if (rank > scores.size())
        return std::numeric_limits<double>::infinity();
    std::nth_element(scores.begin(), scores.begin() + static_cast<std::ptrdiff_t>(rank - 1), scores.end());
    return scores[rank - 1];
}

std::vector<int> predictionSet(const std::vector<double> &p, double qhat, ConformalScore score)
{
    std::vector<int> order(p.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return p[static_cast<std::size_t>(a)] > p[static_cast<std::size_t>(b)]; });
    std::vector<int> set;
    double above = 0;
    for (const int c : order) {
        const double pc = p[static_cast<std::size_t>(c)];
        if (score == ConformalScore::Lac ? 1.0 - pc <= qhat : above < qhat)
            set.push_back(c);
        else if (score == ConformalScore::Aps)
            break;
        above += pc;
    }
    return set;
}

SetSummary evaluateSets(const ScoreMatrix &p, const std::vector<int64_t> &labels, double qhat, ConformalScore score)
{
    checkShape(p, labels);
    SetSummary s;
    s.qhat = qhat;
    s.perClass.resize(static_cast<std::size_t>(p.cols));
    for (int64_t i = 0; i < p.rows; ++i) {
        const auto set = predictionSet(std::vector<double>(p.row(i), p.row(i) + p.cols), qhat, score);
        const auto y = labels[static_cast<std::size_t>(i)];
        const bool covered = std::find(set.begin(), set.end(), static_cast<int>(y)) != set.end();
        auto &k = s.perClass[static_cast<std::size_t>(y)];
        ++k.count;
        k.coverage += covered ? 1 : 0;
        k.meanSetSize += static_cast<double>(set.size());
        s.coverage += covered ? 1 : 0;
        s.meanSetSize += static_cast<double>(set.size());
    }
    const double n = static_cast<double>(std::max<int64_t>(1, p.rows));
    s.coverage /= n;
    s.meanSetSize /= n;
    for (auto &k : s.perClass)
        if (k.count > 0) {
            k.coverage /= static_cast<double>(k.count);
            k.meanSetSize /= static_cast<double>(k.count);
        }
    return s;
}

MetricIntervals bootstrapIntervals(const std::vector<int64_t> &labels, const std::vector<int64_t> &predictions,
                                   int numClasses, int resamples, uint64_t seed, double level)
{
    if (labels.size() != predictions.size())
        throw std::invalid_argument("bootstrap: labels and predictions differ in length");
    MetricIntervals out;
    out.level = level;
    out.resamples = resamples;
    out.seed = seed;
    const uint64_t n = labels.size();
    if (n == 0 || resamples <= 0)
        return out;
    std::mt19937_64 rng(seed);
    // uniform in [0, n) by rejection: std::uniform_int_distribution differs between libraries
    const uint64_t limit = std::numeric_limits<uint64_t>::max() - std::numeric_limits<uint64_t>::max() % n;
    auto draw = [&] {
        uint64_t v;
        do
            v = rng();
        while (v >= limit);
        return v % n;
    };
    std::vector<double> acc, macro, weighted, mcc;
    std::vector<int64_t> y(n), yhat(n);
    for (int r = 0; r < resamples; ++r) {
        for (uint64_t i = 0; i < n; ++i) {
            const auto j = draw();
            y[i] = labels[j];
            yhat[i] = predictions[j];
        }
        const Metrics m = computeMetrics(y, yhat, numClasses);
        acc.push_back(m.accuracy);
        macro.push_back(m.macroF1);
        weighted.push_back(m.weightedF1);
        mcc.push_back(m.mcc);
    }
    const double a = (1 - level) / 2;
    auto interval = [&](const std::vector<double> &v) { return Interval{quantile(v, a), quantile(v, 1 - a)}; };
    out.accuracy = interval(acc);
    out.macroF1 = interval(macro);
    out.weightedF1 = interval(weighted);
    out.mcc = interval(mcc);
    return out;
}

} // namespace vitscope

// Calibration, prediction sets and bootstrap intervals: against the shared fixture (independent
// float64 reference, tests/data/calibration) and hand-made cases.
#include "test_support.h"

#include "engine/calibration.h"
#include "engine/safetensors.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <fstream>

using namespace vitscope;
using nlohmann::json;

namespace {

struct Fixture {
    ScoreMatrix cal, test;
    std::vector<int64_t> calLabels, testLabels;
    json expected;
};

Fixture loadFixture()
{
    const auto dir = testsupport::dataDir() + "/calibration/";
    const auto file = loadSafetensors(dir + "logits.safetensors");
    const auto logits = file.tensors.at("logits").to(torch::kFloat64).contiguous();
    const auto labels = file.tensors.at("labels").to(torch::kInt64).contiguous();
    Fixture f;
    std::ifstream(dir + "expected.json") >> f.expected;
    const int64_t C = logits.size(1);
    auto take = [&](int64_t from, int64_t to, ScoreMatrix &m, std::vector<int64_t> &l) {
        m = {to - from, C, std::vector<double>(logits.data_ptr<double>() + from * C, logits.data_ptr<double>() + to * C)};
        l.assign(labels.data_ptr<int64_t>() + from, labels.data_ptr<int64_t>() + to);
    };
    take(f.expected["calibration_rows"][0], f.expected["calibration_rows"][1], f.cal, f.calLabels);
    take(f.expected["test_rows"][0], f.expected["test_rows"][1], f.test, f.testLabels);
    return f;
}

ScoreMatrix rows(std::vector<std::vector<double>> r)
{
    ScoreMatrix m{static_cast<int64_t>(r.size()), static_cast<int64_t>(r.at(0).size()), {}};
    for (const auto &row : r)
        m.values.insert(m.values.end(), row.begin(), row.end());
    return m;
}

} // namespace

TEST_CASE("temperatureAndMetricsMatchTheReference")
{
    const auto f = loadFixture();
    const double T = fitTemperature(f.cal, f.calLabels);
    const double Tref = f.expected["temperature"];
    REQUIRE_NEAR(T / Tref, 1.0, 1e-4);
    const auto &c = f.expected["calibration_part"];
    const auto raw = calibrationMetrics(f.cal, f.calLabels, 1.0);
    const auto scaled = calibrationMetrics(f.cal, f.calLabels, T);
    REQUIRE_NEAR(raw.nll, c["nll_raw"].get<double>(), 1e-6);
    REQUIRE_NEAR(scaled.nll, c["nll_scaled"].get<double>(), 1e-6);
    REQUIRE_NEAR(raw.ece, c["ece_raw"].get<double>(), 1e-6);
    REQUIRE_NEAR(scaled.ece, c["ece_scaled"].get<double>(), 1e-6);
    const auto &t = f.expected["test_part"];
    REQUIRE_NEAR(calibrationMetrics(f.test, f.testLabels, 1.0).ece, t["ece_raw"].get<double>(), 1e-6);
    REQUIRE_NEAR(calibrationMetrics(f.test, f.testLabels, T).ece, t["ece_scaled"].get<double>(), 1e-6);
    REQUIRE(scaled.bins.size() == 15);
    int64_t counted = 0;
    for (const auto &b : scaled.bins)
        counted += b.count;
    REQUIRE(counted == 600);
}

TEST_CASE("conformalSetsMatchTheReference")
{
    const auto f = loadFixture();
    const double T = fitTemperature(f.cal, f.calLabels);
    const double alpha = f.expected["alpha"];
    for (const auto score : {ConformalScore::Lac, ConformalScore::Aps}) {
        const auto &ref = f.expected["test_part"][std::string(choiceName(score))];
        INFO(choiceName(score));
        const double qhat = conformalThreshold(conformalScores(softmax(f.cal, T), f.calLabels, score), alpha);
        REQUIRE_NEAR(qhat, ref["qhat"].get<double>(), 1e-9);
        const auto s = evaluateSets(softmax(f.test, T), f.testLabels, qhat, score);
        REQUIRE(s.coverage == doctest::Approx(ref["coverage"].get<double>()).epsilon(1e-12));
        REQUIRE(s.meanSetSize == doctest::Approx(ref["mean_set_size"].get<double>()).epsilon(1e-12));
    }
}

TEST_CASE("calibrationErrorOnHandMadeCases")
{
    SUBCASE("all correct and sure")
    {
        const auto m = calibrationMetrics(rows({{50, 0, 0}, {0, 50, 0}}), {0, 1});
        REQUIRE_NEAR(m.ece, 0, 1e-12);
        REQUIRE_NEAR(m.mce, 0, 1e-12);
        REQUIRE_NEAR(m.brier, 0, 1e-12);
        REQUIRE(m.bins.back().count == 2);
    }
    SUBCASE("all wrong and sure")
    {
        const auto m = calibrationMetrics(rows({{50, 0, 0}, {0, 50, 0}}), {1, 2});
        REQUIRE_NEAR(m.ece, 1, 1e-12);
        REQUIRE_NEAR(m.mce, 1, 1e-12);
        REQUIRE_NEAR(m.brier, 2, 1e-12);
    }
    SUBCASE("one bin, half right")
    {
        // p = (0.6, 0.4) for every row: all in the bin (0.6, 0.6667], confidence 0.6, accuracy 0.5
        const double z = std::log(0.6 / 0.4);
        const auto m = calibrationMetrics(rows({{z, 0}, {z, 0}, {z, 0}, {z, 0}}), {0, 1, 0, 1});
        REQUIRE_NEAR(m.ece, 0.1, 1e-12);
        REQUIRE_NEAR(m.mce, 0.1, 1e-12);
        REQUIRE(m.bins[8].count == 4);
        REQUIRE_NEAR(m.bins[8].confidence, 0.6, 1e-12);
        REQUIRE_NEAR(m.brier, (2 * (0.16 + 0.16) + 2 * (0.36 + 0.36)) / 4, 1e-12);
        REQUIRE_NEAR(m.nll, -0.5 * (std::log(0.6) + std::log(0.4)), 1e-12);
    }
}

TEST_CASE("temperatureAtItsBoundsAndThresholdEdges")
{
    // always right with margin: the NLL keeps falling as T shrinks
    REQUIRE(fitTemperature(rows({{5, 0}, {0, 5}}), {0, 1}) == kMinTemperature);
    // too few scores for the rank: every class in every set
    REQUIRE(std::isinf(conformalThreshold({0.1, 0.2, 0.3}, 0.1)));
    // (n + 1)(1 - alpha) = 9 exactly: the 9th smallest
    REQUIRE(conformalThreshold({9, 8, 7, 6, 5, 4, 3, 2, 1}, 0.1) == 9);
    REQUIRE(predictionSet({0.7, 0.2, 0.1}, 0.85, ConformalScore::Lac) == std::vector<int>{0, 1});
    REQUIRE(predictionSet({0.7, 0.2, 0.1}, 0.25, ConformalScore::Lac).empty());
    REQUIRE(predictionSet({0.2, 0.7, 0.1}, 0.75, ConformalScore::Aps) == std::vector<int>{1, 0});
    REQUIRE(predictionSet({0.2, 0.7, 0.1}, 0.0, ConformalScore::Aps).empty());
}

TEST_CASE("bootstrapIsReproducibleForASeed")
{
    std::vector<int64_t> y, yhat;
    for (int i = 0; i < 300; ++i) {
        y.push_back(i % 3);
        yhat.push_back(i % 7 == 0 ? (i + 1) % 3 : i % 3);
    }
    const auto a = bootstrapIntervals(y, yhat, 3, 1000, 7), b = bootstrapIntervals(y, yhat, 3, 1000, 7);
    const auto c = bootstrapIntervals(y, yhat, 3, 1000, 8);
    REQUIRE(a.accuracy.lo == b.accuracy.lo);
    REQUIRE(a.mcc.hi == b.mcc.hi);
    // another seed, other resamples: accuracy's quantiles are multiples of 1/300, so compare them all
    REQUIRE((a.accuracy.lo != c.accuracy.lo || a.accuracy.hi != c.accuracy.hi || a.macroF1.lo != c.macroF1.lo ||
             a.macroF1.hi != c.macroF1.hi || a.mcc.lo != c.mcc.lo || a.mcc.hi != c.mcc.hi));
    const double acc = 1 - 43.0 / 300; // 43 multiples of 7 in [0, 300)
    REQUIRE(a.accuracy.lo < acc);
    REQUIRE(a.accuracy.hi > acc);
    // the binomial standard error is 0.020: the 95 % interval spans about 4 of them
    REQUIRE_NEAR(a.accuracy.hi - a.accuracy.lo, 4 * std::sqrt(acc * (1 - acc) / 300), 0.015);
    REQUIRE(a.macroF1.lo <= a.macroF1.hi);
}

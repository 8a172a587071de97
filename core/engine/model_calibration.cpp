#include "engine/model_calibration.h"

#include "engine/file_util.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <limits>
#include <stdexcept>

namespace vitscope {

using nlohmann::json;

namespace {

// JSON has no infinity: a threshold too high to rank (too few calibration rows) is written as null.
json number(double v)
{
    return std::isfinite(v) ? json(v) : json(nullptr);
}
double numberOr(const json &j, double fallback)
{
    return j.is_number() ? j.get<double>() : fallback;
}

CalibrationMetrics calibrationMetricsFromJson(const json &j)
{
    CalibrationMetrics m;
    m.count = j.value("count", int64_t{0});
    m.nll = j.at("nll").get<double>();
    m.brier = j.at("brier").get<double>();
    m.ece = j.at("ece").get<double>();
    m.mce = j.at("mce").get<double>();
    for (const auto &b : j.value("reliability", json::array()))
        m.bins.push_back({b.at("lo").get<double>(), b.at("hi").get<double>(), b.at("count").get<int64_t>(),
                          b.at("confidence").get<double>(), b.at("accuracy").get<double>()});
    return m;
}

json intervalJson(const Interval &i)
{
    return json::array({i.lo, i.hi});
}
Interval intervalFromJson(const json &j)
{
    return {j.at(0).get<double>(), j.at(1).get<double>()};
}

} // namespace

double ModelCalibration::threshold(double a) const
{
    return conformalThreshold(scores, a);
}

std::vector<double> ModelCalibration::calibrated(const std::vector<double> &p) const
{
    std::vector<double> logits(p.size());
    for (std::size_t c = 0; c < p.size(); ++c)
        logits[c] = std::log(std::max(p[c], std::numeric_limits<double>::min()));
    return softmaxRow(logits.data(), static_cast<int64_t>(logits.size()), temperature);
}

ModelCalibration fitCalibration(const ScoreMatrix &logits, const std::vector<int64_t> &labels, const std::string &fittedOn,
                                ConformalScore score, double alpha)
{
    ModelCalibration c;
    c.fittedOn = fittedOn;
    c.count = logits.rows;
    c.score = score;
    c.alpha = alpha;
    c.temperature = fitTemperature(logits, labels);
    c.scores = conformalScores(softmax(logits, c.temperature), labels, score);
    std::sort(c.scores.begin(), c.scores.end());
    c.raw = calibrationMetrics(logits, labels, 1.0);
    c.scaled = calibrationMetrics(logits, labels, c.temperature);
    return c;
}

std::string calibrationFile(const std::string &folder)
{
    return (std::filesystem::path(folder) / "calibration.json").string();
}

json toJson(const CalibrationMetrics &m)
{
    json bins = json::array();
    for (const auto &b : m.bins)
        bins.push_back({{"lo", b.lo}, {"hi", b.hi}, {"count", b.count}, {"confidence", b.confidence}, {"accuracy", b.accuracy}});
    return {{"count", m.count}, {"nll", m.nll}, {"brier", m.brier}, {"ece", m.ece}, {"mce", m.mce}, {"reliability", bins}};
}

void writeCalibration(const std::string &folder, const ModelCalibration &c)
{
    const json j = {{"format", "vitscope-calibration"},
                    {"version", 1},
                    {"temperature", c.temperature},
                    {"fitted_on", c.fittedOn},
                    {"count", c.count},
                    {"conformal", {{"score", choiceName(c.score)}, {"alpha", c.alpha}, {"qhat", number(c.threshold(c.alpha))}, {"scores", c.scores}}},
                    {"fit_part", {{"raw", toJson(c.raw)}, {"scaled", toJson(c.scaled)}}}};
    writeTextAtomically(calibrationFile(folder), j.dump(1) + "\n");
}

std::optional<ModelCalibration> readCalibration(const std::string &folder)
{
    const auto path = calibrationFile(folder);
    if (!std::filesystem::exists(path))
        return std::nullopt;
    try {
        const json j = json::parse(readTextFile(path));
        ModelCalibration c;
        c.temperature = j.at("temperature").get<double>();
        if (!(c.temperature > 0) || !std::isfinite(c.temperature))
            throw std::runtime_error("the temperature must be a positive number");
        c.fittedOn = j.value("fitted_on", std::string());
        c.count = j.value("count", int64_t{0});
        const auto &conformal = j.at("conformal");
        c.score = parseChoice<ConformalScore>(conformal.at("score").get<std::string>(), "conformal.score");
        c.alpha = conformal.value("alpha", kDefaultAlpha);
        c.scores = conformal.at("scores").get<std::vector<double>>();
        std::sort(c.scores.begin(), c.scores.end());
        if (j.contains("fit_part")) {
            c.raw = calibrationMetricsFromJson(j["fit_part"].at("raw"));
            c.scaled = calibrationMetricsFromJson(j["fit_part"].at("scaled"));
        }
        return c;
    } catch (const std::exception &e) {
        throw std::runtime_error(path + ": not a usable calibration file (" + plainJsonError(e) + ")");
    }
}

TrustedPrediction trustPrediction(const ModelCalibration &c, const std::vector<double> &raw, double alpha, double reviewBelow)
{
    TrustedPrediction t;
    t.probabilities = c.calibrated(raw);
    t.set = predictionSet(t.probabilities, c.threshold(alpha), c.score);
    const double top = t.probabilities.empty() ? 0 : *std::max_element(t.probabilities.begin(), t.probabilities.end());
    t.review = t.set.size() != 1 || top < reviewBelow;
    return t;
}

PartTrust partTrust(const ModelCalibration &c, const ScoreMatrix &logits, const std::vector<int64_t> &labels,
                    const std::vector<int64_t> &predictions, uint64_t seed)
{
    PartTrust t;
    t.temperature = c.temperature;
    t.raw = calibrationMetrics(logits, labels, 1.0);
    t.scaled = calibrationMetrics(logits, labels, c.temperature);
    t.score = c.score;
    t.alpha = c.alpha;
    t.sets = evaluateSets(softmax(logits, c.temperature), labels, c.threshold(c.alpha), c.score);
    t.intervals = bootstrapIntervals(labels, predictions, static_cast<int>(logits.cols), 1000, seed);
    return t;
}

void addTrustJson(json &j, const PartTrust &t, const std::vector<std::string> &labels)
{
    j["calibration"] = {{"temperature", t.temperature}, {"bins", t.raw.bins.size()}, {"raw", toJson(t.raw)}, {"scaled", toJson(t.scaled)}};
    json perClass = json::array();
    for (std::size_t c = 0; c < t.sets.perClass.size(); ++c) {
        const auto &k = t.sets.perClass[c];
        perClass.push_back({{"label", c < labels.size() ? labels[c] : std::to_string(c)},
                            {"count", k.count},
                            {"coverage", k.coverage},
                            {"mean_set_size", k.meanSetSize}});
    }
    j["conformal"] = {{"score", choiceName(t.score)}, {"alpha", t.alpha},          {"qhat", number(t.sets.qhat)},
                      {"coverage", t.sets.coverage},   {"mean_set_size", t.sets.meanSetSize}, {"per_class", perClass}};
    const auto &i = t.intervals;
    j["intervals"] = {{"level", i.level},
                      {"resamples", i.resamples},
                      {"seed", i.seed},
                      {"method", "percentile"},
                      {"accuracy", intervalJson(i.accuracy)},
                      {"macro_f1", intervalJson(i.macroF1)},
                      {"weighted_f1", intervalJson(i.weightedF1)},
                      {"mcc", intervalJson(i.mcc)}};
}

std::optional<PartTrust> trustFromJson(const json &j)
{
    if (!j.contains("calibration") || !j.contains("conformal"))
        return std::nullopt;
    PartTrust t;
    const auto &cal = j["calibration"];
    t.temperature = cal.at("temperature").get<double>();
    t.raw = calibrationMetricsFromJson(cal.at("raw"));
    t.scaled = calibrationMetricsFromJson(cal.at("scaled"));
    const auto &conf = j["conformal"];
    t.score = parseChoice<ConformalScore>(conf.at("score").get<std::string>(), "conformal.score");
    t.alpha = conf.at("alpha").get<double>();
    t.sets.qhat = numberOr(conf.at("qhat"), std::numeric_limits<double>::infinity());
    t.sets.coverage = conf.at("coverage").get<double>();
    t.sets.meanSetSize = conf.at("mean_set_size").get<double>();
    for (const auto &k : conf.value("per_class", json::array()))
        t.sets.perClass.push_back({k.at("count").get<int64_t>(), k.at("coverage").get<double>(), k.at("mean_set_size").get<double>()});
    if (j.contains("intervals")) {
        const auto &i = j["intervals"];
        t.intervals.level = i.at("level").get<double>();
        t.intervals.resamples = i.at("resamples").get<int>();
        t.intervals.seed = i.at("seed").get<uint64_t>();
        t.intervals.accuracy = intervalFromJson(i.at("accuracy"));
        t.intervals.macroF1 = intervalFromJson(i.at("macro_f1"));
        t.intervals.weightedF1 = intervalFromJson(i.at("weighted_f1"));
        t.intervals.mcc = intervalFromJson(i.at("mcc"));
    }
    return t;
}

} // namespace vitscope

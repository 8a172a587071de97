#pragma once
// A model's calibration, fitted on held-out images (a run's validation part) and kept beside the
// exported model as calibration.json, so model.safetensors and config.json stay exactly what
// transformers reads (its raw probabilities are unchanged). And the trust figures of an evaluated
// part, written into its metrics.json. The file formats are declared here, once.
//   calibration.json  {"format": "vitscope-calibration", "version": 1, "temperature", "fitted_on",
//                      "count", "conformal": {"score", "alpha", "qhat", "scores": [sorted]},
//                      "fit_part": {"raw": {...}, "scaled": {...}}}
#include "engine/calibration.h"

#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <string>
#include <vector>

namespace vitscope {

inline constexpr double kDefaultAlpha = 0.10;
// An image is flagged for review when its set holds more than one class (or none), or its top
// calibrated probability is below this (the user may choose another).
inline constexpr double kDefaultReviewBelow = 0.50;
// LAC: of the two scores it gives the smallest sets on average (Sadinle et al., 2019), which is
// what a reader of "90 % set: polyps, dyed-lifted-polyps" needs; the guarantee (marginal coverage)
// is the same for both.
inline constexpr ConformalScore kDefaultScore = ConformalScore::Lac;

struct ModelCalibration {
    double temperature = 1.0;
    std::string fittedOn; // "val" for a run's validation part, or the folder a user named
    int64_t count = 0;
    ConformalScore score = kDefaultScore;
    double alpha = kDefaultAlpha;
    std::vector<double> scores; // the calibration rows' scores on softmax(logits / T), sorted
    CalibrationMetrics raw, scaled; // on the fitting part

    double threshold(double alpha) const; // qhat for another alpha
    std::vector<double> calibrated(const std::vector<double> &probabilities) const; // softmax(log p / T)
};

// Fits the temperature and the conformal scores on held-out logits [N, C].
ModelCalibration fitCalibration(const ScoreMatrix &logits, const std::vector<int64_t> &labels, const std::string &fittedOn,
                                ConformalScore score = kDefaultScore, double alpha = kDefaultAlpha);

std::string calibrationFile(const std::string &modelFolder); // FOLDER/calibration.json
void writeCalibration(const std::string &modelFolder, const ModelCalibration &calibration); // atomic
// nullopt when the folder has no calibration.json; throws std::runtime_error naming the file when
// it is malformed.
std::optional<ModelCalibration> readCalibration(const std::string &modelFolder);

// What one image's calibrated prediction says: its set at `alpha` and whether it needs review.
struct TrustedPrediction {
    std::vector<double> probabilities; // calibrated
    std::vector<int> set;              // classes, most probable first
    bool review = false;
};
TrustedPrediction trustPrediction(const ModelCalibration &calibration, const std::vector<double> &rawProbabilities,
                                  double alpha = kDefaultAlpha, double reviewBelow = kDefaultReviewBelow);

// The trust figures of an evaluated part (val/ or test/ metrics.json): calibration before and
// after scaling, the sets' coverage, and bootstrap intervals of the metrics.
struct PartTrust {
    double temperature = 1.0;
    CalibrationMetrics raw, scaled;
    ConformalScore score = kDefaultScore;
    double alpha = kDefaultAlpha;
    SetSummary sets;
    MetricIntervals intervals;
};
PartTrust partTrust(const ModelCalibration &calibration, const ScoreMatrix &logits, const std::vector<int64_t> &labels,
                    const std::vector<int64_t> &predictions, uint64_t seed);

// metrics.json's "calibration", "conformal" and "intervals" keys, added to / read from `json`.
void addTrustJson(nlohmann::json &json, const PartTrust &trust, const std::vector<std::string> &labels);
std::optional<PartTrust> trustFromJson(const nlohmann::json &json); // nullopt for older files
nlohmann::json toJson(const CalibrationMetrics &metrics);

} // namespace vitscope

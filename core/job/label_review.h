#pragma once
// The annotator's review: out-of-sample probabilities for every labelled image, and the images
// ranked by how probably their label is wrong (engine/label_issues.h). Two sources:
//   - k-fold cross-validation of head mode on a model's frozen features (cached, so another
//     review of the same data with the same backbone computes no feature again);
//   - a run's own validation and test predictions (out of sample, but only for those parts).
// Labels are the current ones: class folders plus the label manifest (data/label_manifest.h).
#include "config/choices.h"
#include "engine/label_issues.h"

#include <nlohmann/json_fwd.hpp>

#include <atomic>
#include <functional>
#include <string>
#include <vector>

namespace vitscope {

struct ReviewRequest {
    std::string data;  // the data set root (with --run: the run's own when empty)
    std::string model; // cross-validation on this model's frozen features
    std::string run;   // or: this run's held-out predictions, of these parts
    std::vector<std::string> runParts = {"val", "test"};
    int folds = 5;
    uint64_t seed = 42;
    LabelIssueScore score = LabelIssueScore::SelfConfidence;
    int threads = 0;
    std::string cacheDir; // empty: the image cache's default
    std::string device = "cpu";
    Precision precision = Precision::Fp32;
    int evalBatchSize = 32;
};

struct ReviewCandidate {
    std::string path;   // relative to the data set root
    std::string sha256; // the file's content when reviewed
    std::string folder; // its class folder ("" when labelled through the manifest from outside)
    int given = -1, suggested = -1;
    double score = 0, givenProbability = 0, suggestedProbability = 0;
    bool likelyError = false;
    std::vector<double> probabilities;
};

struct ReviewResult {
    ReviewSource source = ReviewSource::CrossValidation;
    std::string root, model, run, labelsFile, labelsHash;
    int folds = 0;
    uint64_t seed = 0;
    LabelIssueScore score = LabelIssueScore::SelfConfidence;
    std::vector<std::string> classes;
    int64_t labelled = 0;                    // labelled images in the data set now
    std::vector<ReviewCandidate> candidates; // every scored image, most probably wrong first
    std::vector<ConfusedPair> pairs;         // most-confused (given, suggested) pairs
    std::vector<std::vector<std::string>> topLosses; // per class: paths of highest loss
    double featureSeconds = 0, foldSeconds = 0, seconds = 0;
    std::vector<std::string> notes; // what was used, and what is not covered

    std::string sourceText() const; // one sentence: which probabilities were used
};

ReviewResult runLabelReview(const ReviewRequest &request,
                            const std::function<void(const std::string &stage, int64_t done, int64_t total)> &progress = {},
                            const std::atomic<bool> *cancel = nullptr);

nlohmann::json reviewToJson(const ReviewResult &result);
ReviewResult reviewFromJson(const nlohmann::json &j);

} // namespace vitscope

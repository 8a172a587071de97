#include "job/label_review.h"

#include "data/cache.h"
#include "data/dataset_scan.h"
#include "data/feature_cache.h"
#include "data/label_manifest.h"
#include "data/loader.h"
#include "engine/checkpoint.h"
#include "engine/linear_probe.h"
#include "engine/model_calibration.h"
#include "engine/run_files.h"
#include "engine/file_util.h"
#include "engine/runtime.h"
#include "engine/vit_config.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <stdexcept>

namespace fs = std::filesystem;
using nlohmann::json;

namespace vitscope {
namespace {

using Clock = std::chrono::steady_clock;
double since(Clock::time_point t0)
{
    return std::chrono::duration<double>(Clock::now() - t0).count();
}

using Progress = std::function<void(const std::string &, int64_t, int64_t)>;

ScanReport scanWithLabels(const std::string &root, ImageCache *cache, const Preprocessor *preprocessor, int threads,
                          const Progress &progress, const std::atomic<bool> *cancel)
{
    ScanOptions so;
    so.threads = threads;
    so.cache = cache;
    so.preprocessor = preprocessor;
    so.cancel = cancel;
    if (progress)
        so.progress = [&](int64_t d, int64_t t) { progress("scanning " + root, d, t); };
    ScanReport scan = scanDataset(root, so);
    if (!scan.usable())
        throw std::runtime_error(scan.error);
    return scan;
}

ReviewCandidate candidateOf(const ScanItem &item, const ScanReport &scan)
{
    ReviewCandidate c;
    c.path = item.relPath;
    c.sha256 = item.sha256;
    c.folder = item.folderLabel >= 0 ? scan.classes[item.folderLabel].name : std::string();
    c.given = item.label;
    return c;
}

// Ranks the scored candidates and fills the summaries.
void rank(ReviewResult &r, std::vector<ReviewCandidate> scored)
{
    ScoreMatrix p;
    p.rows = static_cast<int64_t>(scored.size());
    p.cols = static_cast<int64_t>(r.classes.size());
    std::vector<int> given;
    for (const auto &c : scored) {
        p.values.insert(p.values.end(), c.probabilities.begin(), c.probabilities.end());
        given.push_back(c.given);
    }
    for (const LabelIssue &li : rankLabelIssues(p, given, r.score)) {
        ReviewCandidate c = scored[li.index];
        c.suggested = li.suggested;
        c.score = li.score;
        c.givenProbability = li.givenProbability;
        c.suggestedProbability = li.suggestedProbability;
        c.likelyError = li.likelyError;
        r.candidates.push_back(std::move(c));
    }
    r.pairs = confusedPairs(p, given);
    for (const auto &rows : topLosses(p, given, 10)) {
        std::vector<std::string> paths;
        for (int64_t i : rows)
            paths.push_back(scored[i].path);
        r.topLosses.push_back(std::move(paths));
    }
}

void crossValidate(const ReviewRequest &q, ReviewResult &r, const Progress &progress, const std::atomic<bool> *cancel)
{
    const torch::Device device = selectDevice(q.device);
    LoadedModel model = loadModel(q.model, {{}, device});
    const bool bf16 = useBf16(q.precision, device);
    const Preprocessor preprocessor(model.preprocess);
    ImageCache cache(q.cacheDir.empty() ? ImageCache::defaultDirectory() : q.cacheDir, model.preprocess);
    const ScanReport scan = scanWithLabels(q.data, &cache, &preprocessor, q.threads, progress, cancel);
    r.root = scan.root;
    r.labelsFile = scan.labelsFile;
    r.labelsHash = scan.labelsHash;
    for (const auto &c : scan.classes)
        r.classes.push_back(c.name);
    r.labelled = static_cast<int64_t>(scan.items.size());

    std::vector<SplitEntry> entries;
    std::vector<int> labels;
    for (const auto &item : scan.items) {
        entries.push_back({item.relPath, item.label, item.sha256});
        labels.push_back(item.label);
    }
    const auto t0 = Clock::now();
    LoaderOptions lo;
    lo.threads = q.threads;
    lo.cancel = cancel;
    CachedDataset images(entries, scan.root, preprocessor, cache, lo);
    const FineTune head{FineTune::Mode::Head, 0};
    model.model->to(device);
    FeatureOptions fo;
    fo.cacheDirectory = q.cacheDir.empty() ? ImageCache::defaultDirectory() : q.cacheDir;
    fo.device = device;
    fo.bf16 = bf16;
    fo.batchSize = q.evalBatchSize;
    fo.cancel = cancel;
    if (progress)
        fo.progress = [&](int64_t d, int64_t t) { progress("computing frozen features", d, t); };
    FeatureDataset features(images, model.model, head, frozenPartKey(model.model, head, model.preprocess, bf16), fo);
    std::vector<int64_t> all(entries.size());
    for (std::size_t i = 0; i < all.size(); ++i)
        all[i] = static_cast<int64_t>(i);
    const torch::Tensor x = features.batch(all, 0).pixels;
    r.featureSeconds = since(t0);

    const auto t1 = Clock::now();
    const auto fold = stratifiedFolds(labels, q.folds, q.seed);
    const ScoreMatrix p = crossValidatedProbabilities(
        x, labels, static_cast<int>(r.classes.size()), fold, {},
        [&](int d, int t) {
            if (progress)
                progress("cross-validating", d, t);
        },
        cancel);
    r.foldSeconds = since(t1);
    std::vector<ReviewCandidate> scored;
    for (std::size_t i = 0; i < scan.items.size(); ++i) {
        ReviewCandidate c = candidateOf(scan.items[i], scan);
        c.probabilities.assign(p.row(static_cast<int64_t>(i)), p.row(static_cast<int64_t>(i)) + p.cols);
        scored.push_back(std::move(c));
    }
    rank(r, std::move(scored));
    r.notes.push_back(std::to_string(q.folds) + "-fold cross-validation of head mode (logistic regression, L-BFGS) on the frozen features of " +
                      q.model + ": every labelled image scored by a probe that never saw it (" + std::to_string(features.computed()) +
                      " features computed, the rest from the cache)");
}

void fromRun(const ReviewRequest &q, ReviewResult &r, const Progress &progress, const std::atomic<bool> *cancel)
{
    const RunInfo info = readRunInfo(q.run);
    const std::string root = q.data.empty() ? info.dataset.root : q.data;
    // Through the run's image cache: its entries spare decoding every image again to read the labels.
    const fs::path best = runfiles::bestCheckpoint(q.run);
    std::unique_ptr<Preprocessor> preprocessor;
    std::unique_ptr<ImageCache> cache;
    if (fs::exists(best / "config.json") && fs::exists(best / "preprocessor_config.json")) {
        const PreprocessConfig pre = loadPreprocessConfig(best.string(), loadViTConfig((best / "config.json").string()).imageSize);
        preprocessor = std::make_unique<Preprocessor>(pre);
        const std::string dir = !q.cacheDir.empty() ? q.cacheDir : !info.config.data.cacheDir.empty() ? info.config.data.cacheDir
                                                                                                       : ImageCache::defaultDirectory();
        cache = std::make_unique<ImageCache>(dir, pre);
    }
    const ScanReport scan = scanWithLabels(root, cache.get(), preprocessor.get(), q.threads, progress, cancel);
    r.root = scan.root;
    r.labelsFile = scan.labelsFile;
    r.labelsHash = scan.labelsHash;
    for (const auto &c : scan.classes)
        r.classes.push_back(c.name);
    if (r.classes != info.labels)
        throw std::runtime_error("the run's classes differ from the data set's class folders now: review it with --model");
    r.labelled = static_cast<int64_t>(scan.items.size());
    std::map<std::string, const ScanItem *> byPath;
    for (const auto &item : scan.items)
        byPath[item.relPath] = &item;
    std::vector<ReviewCandidate> scored;
    int64_t elsewhere = 0;
    // Calibrated where the run's model has a calibration: the percentages Evaluate shows.
    const auto calibration = readCalibration(runfiles::bestCheckpoint(q.run));
    for (const std::string &part : q.runParts) {
        if (part != "val" && part != "test")
            throw std::invalid_argument("a run's review reads its val or test part, not '" + part + "'");
        const bool ownRoot = part == "val" ? info.dataset.valRoot.empty() : info.dataset.testRoot.empty();
        for (const PredictionRecord &pr : readEvaluation(q.run, part).predictions) {
            const auto it = byPath.find(pr.path);
            if (!ownRoot || it == byPath.end() || pr.probabilities.size() != r.classes.size()) {
                ++elsewhere; // in a separate folder, excluded, or gone since the run
                continue;
            }
            ReviewCandidate c = candidateOf(*it->second, scan);
            c.probabilities = calibration ? calibration->calibrated(pr.probabilities) : pr.probabilities;
            scored.push_back(std::move(c));
        }
    }
    const auto covered = static_cast<int64_t>(scored.size());
    rank(r, std::move(scored));
    std::string parts;
    for (const auto &p : q.runParts)
        parts += (parts.empty() ? "" : " and ") + std::string(p == "val" ? "validation" : "test");
    r.notes.push_back("the " + parts + " predictions of run " + q.run + " (out of sample" +
                      (calibration ? ", calibrated" : "") + "): " + std::to_string(covered) +
                      " of " + std::to_string(r.labelled) + " labelled images; the training part is not scored (use --model "
                      "for k-fold cross-validation of every image)");
    if (elsewhere)
        r.notes.push_back(std::to_string(elsewhere) + " predictions left out: in a separate folder, excluded, or no longer in the data set");
}

} // namespace

std::string ReviewResult::sourceText() const
{
    return notes.empty() ? std::string() : notes.front();
}

ReviewResult runLabelReview(const ReviewRequest &q, const Progress &progress, const std::atomic<bool> *cancel)
{
    const auto start = Clock::now();
    if (q.model.empty() == q.run.empty())
        throw std::invalid_argument("review needs a model folder or a run folder (one of them)");
    if (!q.model.empty() && q.data.empty())
        throw std::invalid_argument("review with a model needs the data set folder");
    configureThreads(q.threads);
    ReviewResult r;
    r.source = q.model.empty() ? ReviewSource::RunPredictions : ReviewSource::CrossValidation;
    r.model = q.model;
    r.run = q.run;
    r.folds = r.source == ReviewSource::CrossValidation ? q.folds : 0;
    r.seed = q.seed;
    r.score = q.score;
    if (r.source == ReviewSource::CrossValidation)
        crossValidate(q, r, progress, cancel);
    else
        fromRun(q, r, progress, cancel);
    r.seconds = since(start);
    return r;
}

json reviewToJson(const ReviewResult &r)
{
    json candidates = json::array();
    for (const auto &c : r.candidates)
        candidates.push_back({{"path", c.path},
                              {"sha256", c.sha256},
                              {"folder", c.folder},
                              {"given", r.classes[c.given]},
                              {"suggested", r.classes[c.suggested]},
                              {"score", c.score},
                              {"given_probability", c.givenProbability},
                              {"suggested_probability", c.suggestedProbability},
                              {"likely_error", c.likelyError},
                              {"probabilities", c.probabilities}});
    json pairs = json::array();
    for (const auto &p : r.pairs)
        pairs.push_back({{"given", r.classes[p.given]}, {"suggested", r.classes[p.predicted]}, {"count", p.count}});
    json losses = json::object();
    for (std::size_t c = 0; c < r.topLosses.size(); ++c)
        losses[r.classes[c]] = r.topLosses[c];
    return {{"source", choiceName(r.source)},
            {"root", r.root},
            {"model", r.model},
            {"run", r.run},
            {"folds", r.folds},
            {"seed", r.seed},
            {"score", choiceName(r.score)},
            {"classes", r.classes},
            {"labels_file", r.labelsFile},
            {"labels_hash", r.labelsHash},
            {"labelled", r.labelled},
            {"scored", r.candidates.size()},
            {"notes", r.notes},
            {"seconds", {{"features", r.featureSeconds}, {"folds", r.foldSeconds}, {"total", r.seconds}}},
            {"candidates", candidates},
            {"confused_pairs", pairs},
            {"top_losses", losses}};
}

ReviewResult reviewFromJson(const json &j)
{
    ReviewResult r;
    r.source = parseChoice<ReviewSource>(j.at("source").get<std::string>(), "review.source");
    r.root = j.value("root", "");
    r.model = j.value("model", "");
    r.run = j.value("run", "");
    r.folds = j.value("folds", 0);
    r.seed = j.value("seed", uint64_t{0});
    r.score = parseChoice<LabelIssueScore>(j.at("score").get<std::string>(), "review.score");
    r.classes = j.at("classes").get<std::vector<std::string>>();
    r.labelsFile = j.value("labels_file", "");
    r.labelsHash = j.value("labels_hash", "");
    r.labelled = j.value("labelled", int64_t{0});
    r.notes = j.value("notes", std::vector<std::string>{});
    auto index = [&](const std::string &name) {
        for (std::size_t c = 0; c < r.classes.size(); ++c)
            if (r.classes[c] == name)
                return static_cast<int>(c);
        throw std::runtime_error("review: unknown class '" + name + "'");
    };
    for (const auto &c : j.at("candidates")) {
        ReviewCandidate rc;
        rc.path = c.at("path");
        rc.sha256 = c.value("sha256", "");
        rc.folder = c.value("folder", "");
        rc.given = index(c.at("given"));
        rc.suggested = index(c.at("suggested"));
        rc.score = c.at("score");
        rc.givenProbability = c.value("given_probability", 0.0);
        rc.suggestedProbability = c.value("suggested_probability", 0.0);
        rc.likelyError = c.value("likely_error", false);
        rc.probabilities = c.at("probabilities").get<std::vector<double>>();
        r.candidates.push_back(std::move(rc));
    }
    for (const auto &p : j.value("confused_pairs", json::array()))
        r.pairs.push_back({index(p.at("given")), index(p.at("suggested")), p.at("count").get<int64_t>()});
    for (const auto &name : r.classes)
        r.topLosses.push_back(j.value("top_losses", json::object()).value(name, std::vector<std::string>{}));
    return r;
}

} // namespace vitscope

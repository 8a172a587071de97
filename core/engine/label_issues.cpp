#include "engine/label_issues.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <random>
#include <stdexcept>

namespace vitscope {

double labelQuality(const double *p, int64_t classes, int given, LabelIssueScore score)
{
    const double self = p[given];
    if (score == LabelIssueScore::SelfConfidence)
        return self;
    double other = 0;
    for (int64_t c = 0; c < classes; ++c)
        if (c != given)
            other = std::max(other, p[c]);
    return (self - other + 1.0) / 2.0;
}

std::vector<double> classThresholds(const ScoreMatrix &p, const std::vector<int> &given)
{
    std::vector<double> sum(static_cast<std::size_t>(p.cols), 0.0);
    std::vector<int64_t> count(sum.size(), 0);
    for (int64_t i = 0; i < p.rows; ++i) {
        sum[given[i]] += p.row(i)[given[i]];
        ++count[given[i]];
    }
    for (std::size_t c = 0; c < sum.size(); ++c)
        sum[c] = count[c] ? sum[c] / static_cast<double>(count[c]) : 1.0;
    return sum;
}

namespace {
int argmax(const double *p, int64_t classes)
{
    return static_cast<int>(std::max_element(p, p + classes) - p);
}
} // namespace

std::vector<LabelIssue> rankLabelIssues(const ScoreMatrix &p, const std::vector<int> &given, LabelIssueScore score)
{
    const auto thresholds = classThresholds(p, given);
    std::vector<LabelIssue> issues(static_cast<std::size_t>(p.rows));
    for (int64_t i = 0; i < p.rows; ++i) {
        const double *row = p.row(i);
        LabelIssue &li = issues[i];
        li.index = i;
        li.given = given[i];
        li.suggested = argmax(row, p.cols);
        li.score = labelQuality(row, p.cols, li.given, score);
        li.givenProbability = row[li.given];
        li.suggestedProbability = row[li.suggested];
        li.likelyError = li.suggested != li.given && li.suggestedProbability >= thresholds[li.suggested];
    }
    std::stable_sort(issues.begin(), issues.end(), [](const LabelIssue &a, const LabelIssue &b) {
        if (a.score != b.score)
            return a.score < b.score;
        if (a.suggestedProbability != b.suggestedProbability)
            return a.suggestedProbability > b.suggestedProbability;
        return a.index < b.index;
    });
    return issues;
}

std::vector<ConfusedPair> confusedPairs(const ScoreMatrix &p, const std::vector<int> &given)
{
    std::map<std::pair<int, int>, int64_t> counts;
    for (int64_t i = 0; i < p.rows; ++i)
        if (const int pred = argmax(p.row(i), p.cols); pred != given[i])
            ++counts[{given[i], pred}];
    std::vector<ConfusedPair> pairs;
    for (const auto &[key, n] : counts)
        pairs.push_back({key.first, key.second, n});
    std::stable_sort(pairs.begin(), pairs.end(), [](const auto &a, const auto &b) { return a.count > b.count; });
    return pairs;
}

std::vector<std::vector<int64_t>> topLosses(const ScoreMatrix &p, const std::vector<int> &given, int perClass)
{
    std::vector<std::vector<int64_t>> byClass(static_cast<std::size_t>(p.cols));
    for (int64_t i = 0; i < p.rows; ++i)
        byClass[given[i]].push_back(i);
    for (auto &rows : byClass) {
        // Highest loss = lowest p(given); the index breaks ties, so the order is reproducible.
        std::stable_sort(rows.begin(), rows.end(), [&](int64_t a, int64_t b) { return p.row(a)[given[a]] < p.row(b)[given[b]]; });
        if (static_cast<int>(rows.size()) > perClass)
            rows.resize(static_cast<std::size_t>(std::max(perClass, 0)));
    }
    return byClass;
}

std::vector<int> stratifiedFolds(const std::vector<int> &labels, int folds, uint64_t seed)
{
    if (folds < 2)
        throw std::invalid_argument("cross-validation needs at least 2 folds");
    std::map<int, std::vector<std::size_t>> byClass;
    for (std::size_t i = 0; i < labels.size(); ++i)
        byClass[labels[i]].push_back(i);
    std::vector<int> fold(labels.size(), 0);
    std::mt19937_64 rng(seed);
    int next = 0; // continue the deal across classes, so small classes do not all land in fold 0
    for (auto &[label, items] : byClass) {
        // Fisher-Yates over a fully specified generator, as the split does: the same folds everywhere.
        for (std::size_t i = items.size(); i-- > 1;)
            std::swap(items[i], items[rng() % static_cast<uint64_t>(i + 1)]);
        for (std::size_t i : items) {
            fold[i] = next;
            next = (next + 1) % folds;
        }
    }
    return fold;
}

} // namespace vitscope

// Finding likely label errors: label-quality scores, confident learning's thresholds, folds, and the
// k-fold linear probe, on hand-made probabilities and on synthetic features with flipped labels.
#include "test_support.h"

#include "engine/label_issues.h"
#include "engine/linear_probe.h"

#include <torch/torch.h>

#include <algorithm>
#include <map>
#include <random>
#include <set>

using namespace vitscope;

TEST_CASE("label quality: self-confidence and normalised margin")
{
    const double p[] = {0.2, 0.7, 0.1};
    REQUIRE_NEAR(labelQuality(p, 3, 0, LabelIssueScore::SelfConfidence), 0.2, 1e-15);
    REQUIRE_NEAR(labelQuality(p, 3, 0, LabelIssueScore::NormalizedMargin), (0.2 - 0.7 + 1) / 2, 1e-15);
    REQUIRE_NEAR(labelQuality(p, 3, 1, LabelIssueScore::NormalizedMargin), (0.7 - 0.2 + 1) / 2, 1e-15);
}

TEST_CASE("ranking: most probably wrong first, thresholds decide likely errors")
{
    // Four images of class 0, two of class 1.
    const ScoreMatrix p{6, 2, {0.9, 0.1, 0.8, 0.2, 0.3, 0.7, 0.55, 0.45, 0.2, 0.8, 0.6, 0.4}};
    const std::vector<int> given = {0, 0, 0, 0, 1, 1};
    const auto t = classThresholds(p, given);
    REQUIRE_NEAR(t[0], (0.9 + 0.8 + 0.3 + 0.55) / 4, 1e-15);
    REQUIRE_NEAR(t[1], (0.8 + 0.4) / 2, 1e-15);
    const auto ranked = rankLabelIssues(p, given, LabelIssueScore::SelfConfidence);
    std::vector<int64_t> order;
    for (const auto &r : ranked)
        order.push_back(r.index);
    REQUIRE(order == std::vector<int64_t>{2, 5, 3, 1, 4, 0});
    REQUIRE(ranked[0].suggested == 1);
    REQUIRE(ranked[0].likelyError);   // 0.7 >= t1 = 0.6
    REQUIRE(ranked[1].suggested == 0);
    REQUIRE_FALSE(ranked[1].likelyError); // 0.6 < t0 = 0.6375
    const auto pairs = confusedPairs(p, given);
    REQUIRE(pairs.size() == 2);
    REQUIRE(pairs[0].count == 1);
    const auto losses = topLosses(p, given, 2);
    REQUIRE(losses[0] == std::vector<int64_t>{2, 3});
    REQUIRE(losses[1] == std::vector<int64_t>{5, 4});
}

TEST_CASE("folds are stratified, seeded and reproducible")
{
    std::vector<int> labels;
    for (int c = 0; c < 3; ++c)
        for (int i = 0; i < 10 * (c + 1); ++i)
            labels.push_back(c);
    const auto a = stratifiedFolds(labels, 5, 7), b = stratifiedFolds(labels, 5, 7), other = stratifiedFolds(labels, 5, 8);
    REQUIRE(a == b);
    REQUIRE(a != other);
    std::map<std::pair<int, int>, int> perFoldClass;
    for (std::size_t i = 0; i < labels.size(); ++i)
        ++perFoldClass[{a[i], labels[i]}];
    for (int f = 0; f < 5; ++f)
        for (int c = 0; c < 3; ++c) {
            const int n = perFoldClass[{f, c}];
            INFO("fold ", f, " class ", c);
            REQUIRE(std::abs(n - 2 * (c + 1)) <= 1); // 10, 20, 30 images over 5 folds
        }
    REQUIRE_THROWS_CONTAINING(stratifiedFolds(labels, 1, 0), "at least 2 folds");
}

TEST_CASE("the linear probe fits separable classes and is deterministic")
{
    torch::manual_seed(0);
    const auto x = torch::cat({torch::randn({40, 4}) + 3, torch::randn({40, 4}) - 3});
    std::vector<int> y(80, 0);
    std::fill(y.begin() + 40, y.end(), 1);
    const LinearProbe a = fitLinearProbe(x, y, 2), b = fitLinearProbe(x, y, 2);
    REQUIRE(torch::equal(a.weight, b.weight));
    const ScoreMatrix p = probeProbabilities(a, x);
    for (int64_t i = 0; i < p.rows; ++i)
        REQUIRE(p.row(i)[y[i]] > 0.9);
}

TEST_CASE("k-fold: deliberately flipped labels rank near the top")
{
    // Eight Gaussian clusters in 32 dimensions (like frozen features of eight classes), 60 images
    // each; 5 % of the labels flipped to another class, seeded.
    const int classes = 8, perClass = 60, dims = 32;
    torch::manual_seed(1);
    const auto centres = torch::randn({classes, dims}) * 1.5;
    std::vector<int> truth, given;
    std::vector<torch::Tensor> rows;
    for (int c = 0; c < classes; ++c)
        for (int i = 0; i < perClass; ++i) {
            rows.push_back(centres[c] + torch::randn({dims}));
            truth.push_back(c);
        }
    const auto x = torch::stack(rows);
    given = truth;
    std::mt19937_64 rng(5);
    std::set<int64_t> flipped;
    const int n = classes * perClass, flips = n / 20;
    while (static_cast<int>(flipped.size()) < flips) {
        const auto i = static_cast<int64_t>(rng() % n);
        if (flipped.insert(i).second)
            given[i] = (truth[i] + 1 + static_cast<int>(rng() % (classes - 1))) % classes;
    }
    const auto fold = stratifiedFolds(given, 5, 42);
    int reported = 0;
    const ScoreMatrix p = crossValidatedProbabilities(x, given, classes, fold, {}, [&](int done, int total) {
        REQUIRE(total == 5);
        reported = done;
    });
    REQUIRE(reported == 5);
    const auto ranked = rankLabelIssues(p, given, LabelIssueScore::SelfConfidence);
    int topN = 0, top2N = 0;
    for (int r = 0; r < 2 * flips; ++r) {
        const bool hit = flipped.count(ranked[r].index) > 0;
        top2N += hit;
        topN += hit && r < flips;
        if (hit)
            REQUIRE(ranked[r].suggested == truth[ranked[r].index]); // and the suggestion is the true class
    }
    INFO("precision at N: ", topN, "/", flips, ", recall at 2N: ", top2N, "/", flips);
    REQUIRE(topN >= flips * 8 / 10);
    REQUIRE(top2N >= flips * 9 / 10);
    // The cancel flag is honoured between folds.
    std::atomic<bool> cancel{true};
    REQUIRE_THROWS_CONTAINING(crossValidatedProbabilities(x, given, classes, fold, {}, {}, &cancel), "cancelled");
}

// Metrics against hand-computed values (scikit-learn conventions).
#include "test_support.h"

#include "engine/metrics.h"

#include <cmath>

using namespace vitscope;

TEST_CASE("handComputedCases")
{
    struct Row {
        const char *name;
        std::vector<int64_t> labels, predictions;
        int classes;
        double accuracy, wP, wR, wF1, macroF1, mcc;
    };
    const std::vector<Row> rows = {
        {"three classes", {0, 0, 1, 1, 2, 2}, {0, 1, 1, 1, 0, 2}, 3, 4.0 / 6, (0.5 + 2.0 / 3 + 1) / 3, 2.0 / 3,
         (0.5 + 0.8 + 2.0 / 3) / 3, (0.5 + 0.8 + 2.0 / 3) / 3, 12.0 / std::sqrt(528.0)},
        {"class never predicted", {0, 1, 2, 2}, {0, 1, 1, 1}, 3, 0.5, 1.0 / 3, 0.5, 0.375, 0.5,
         (2.0 * 4 - (1 * 1 + 3 * 1 + 0 * 2)) / std::sqrt((16.0 - 10) * (16.0 - 6))},
        {"class absent everywhere", {0, 1, 2, 2}, {0, 1, 1, 1}, 4, 0.5, 1.0 / 3, 0.5, 0.375, 0.5,
         (2.0 * 4 - 4) / std::sqrt((16.0 - 10) * (16.0 - 6))},
        {"class absent from labels", {0, 0, 1, 1}, {0, 2, 1, 1}, 3, 0.75, 1.0, 0.75, (2 * 2.0 / 3 + 2 * 1.0) / 4,
         (2.0 / 3 + 1 + 0) / 3, (3.0 * 4 - (1 * 2 + 2 * 2 + 0)) / std::sqrt((16.0 - 6) * (16.0 - 8))},
        {"perfect", {0, 1, 2, 1}, {0, 1, 2, 1}, 3, 1, 1, 1, 1, 1, 1},
        {"single class", {1, 1, 1}, {1, 1, 1}, 2, 1, 1, 1, 1, 1, 0},
    };
    for (const auto &r : rows) {
        const auto m = computeMetrics(r.labels, r.predictions, r.classes, 1.5 * r.labels.size());
        REQUIRE_NEAR(m.accuracy, r.accuracy, 1e-12);
        REQUIRE_NEAR(m.weightedPrecision, r.wP, 1e-12);
        REQUIRE_NEAR(m.weightedRecall, r.wR, 1e-12);
        REQUIRE_NEAR(m.weightedF1, r.wF1, 1e-12);
        REQUIRE_NEAR(m.macroF1, r.macroF1, 1e-12);
        REQUIRE_NEAR(m.mcc, r.mcc, 1e-12);
        REQUIRE_NEAR(m.loss, 1.5, 1e-12);
    }
}

TEST_CASE("confusionAndPerClass")
{
    const auto m = computeMetrics({0, 0, 1, 2, 2, 2}, {0, 2, 1, 2, 2, 0}, 3);
    REQUIRE(m.confusion == std::vector<std::vector<int64_t>>({{1, 0, 1}, {0, 1, 0}, {1, 0, 2}}));
    REQUIRE((m.perClass[2].support == 3 && m.perClass[2].predicted == 3));
    REQUIRE_NEAR(m.perClass[0].precision, 0.5, 1e-12);
    REQUIRE_NEAR(m.perClass[2].recall, 2.0 / 3, 1e-12);
    REQUIRE_NEAR(m.value(parseChoice<Metric>("accuracy", "metric")), 4.0 / 6, 1e-12);
    REQUIRE_THROWS_CONTAINING(parseChoice<Metric>("auc", "metric"), "unknown value 'auc'");
    REQUIRE_THROWS_CONTAINING(computeMetrics({0, 5}, {0, 1}, 3), "out of range");
    REQUIRE(std::isnan(computeMetrics({}, {}, 3).loss));
    REQUIRE((!higherIsBetter(Metric::Loss) && higherIsBetter(Metric::MacroF1)));
}

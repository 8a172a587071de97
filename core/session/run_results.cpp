#include "session/run_results.h"

#include "engine/run_files.h"
#include "engine/run_lock.h"

#include <QDir>

#include <algorithm>
#include <filesystem>

namespace vitscope {
namespace {

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

QMap<QString, double> metricMap(const Metrics &m)
{
    return {{QStringLiteral("count"), static_cast<double>(m.count)},
            {QStringLiteral("accuracy"), m.accuracy},
            {QStringLiteral("loss"), m.loss},
            {QStringLiteral("weighted_precision"), m.weightedPrecision},
            {QStringLiteral("weighted_recall"), m.weightedRecall},
            {QStringLiteral("weighted_f1"), m.weightedF1},
            {QStringLiteral("macro_precision"), m.macroPrecision},
            {QStringLiteral("macro_recall"), m.macroRecall},
            {QStringLiteral("macro_f1"), m.macroF1},
            {QStringLiteral("mcc"), m.mcc}};
}

} // namespace

StepPoint toStepPoint(const StepInfo &s)
{
    return StepPoint{s.step, s.totalSteps, s.epoch, s.loss, s.lr, s.gradNorm, s.imagesPerSecond, s.etaSeconds};
}

EpochPoint toEpochPoint(const EpochInfo &e)
{
    EpochPoint p;
    p.epoch = e.epoch;
    p.hasTrain = e.train.has_value();
    if (e.train) {
        p.trainLoss = e.train->loss;
        p.trainAccuracy = e.train->accuracy;
    }
    p.valLoss = e.val.loss;
    p.valAccuracy = e.val.accuracy;
    p.valWeightedF1 = e.val.weightedF1;
    p.valMacroF1 = e.val.macroF1;
    p.best = e.best;
    p.bestEpoch = e.bestEpoch;
    return p;
}

QVector<ImagePrediction> RunResults::cell(int trueLabel, int predicted) const
{
    QVector<ImagePrediction> out;
    for (const auto &img : images)
        if (img.trueLabel == trueLabel && img.predicted == predicted)
            out << img;
    std::stable_sort(out.begin(), out.end(), [](const auto &a, const auto &b) { return a.shownConfidence() > b.shownConfidence(); });
    return out;
}

RunHistory loadRunHistory(const QString &runFolder)
{
    RunHistory h;
    h.runFolder = runFolder;
    const std::string run = runFolder.toStdString();
    try {
        const RunInfo info = readRunInfo(run);
        h.status = info.status;
        h.message = q(info.message);
        h.config = info.config;
        h.trainedBy = q(RunLock::holder(run));
        h.resumable = isResumable(info.status) && h.trainedBy.isEmpty(); // one writer per run
        const auto history = readHistory(run);
        for (const auto &s : history.steps)
            h.steps << toStepPoint(s);
        for (const auto &e : history.epochs) {
            h.epochs << toEpochPoint(e);
            if (e.best) {
                h.bestEpoch = e.epoch;
                h.bestValue = e.val.value(h.config.train.metric);
            }
        }
    } catch (const std::exception &e) {
        h.readable = false;
        h.message = q(e.what());
    }
    return h;
}

QStringList findRuns(const QString &parent)
{
    QStringList runs;
    for (const auto &r : vitscope::findRuns(parent.toStdString()))
        runs << q(r);
    return runs;
}

QStringList availableParts(const QString &runFolder)
{
    QStringList parts;
    for (const auto &p : evaluationParts(runFolder.toStdString()))
        parts << q(p);
    return parts;
}

RunResults loadRunResults(const QString &runFolder, const QString &part)
{
    RunResults r;
    r.runFolder = runFolder;
    r.part = part;
    const std::string run = runFolder.toStdString();
    try {
        const EvaluationRecord e = readEvaluation(run, part.toStdString());
        for (const auto &l : e.labels)
            r.labels << q(l);
        for (const auto &row : e.metrics.confusion) {
            QVector<int> counts;
            for (auto v : row)
                counts << static_cast<int>(v);
            r.confusion << counts;
        }
        r.metrics = metricMap(e.metrics);
        r.trust = e.trust;
        for (std::size_t c = 0; c < e.metrics.perClass.size(); ++c) {
            const auto &pc = e.metrics.perClass[c];
            r.perClass.push_back({c < e.labels.size() ? q(e.labels[c]) : QString::number(c), pc.precision, pc.recall, pc.f1,
                                  static_cast<int>(pc.support)});
        }
        if (e.predictions.empty())
            return r;
        // Image paths in predictions.csv are relative to the part's data root recorded in run.json.
        QString root;
        try {
            root = q(partRoot(readRunInfo(run), part.toStdString()));
        } catch (const std::exception &) {
        }
        try {
            r.calibration = readCalibration(runfiles::bestCheckpoint(run));
        } catch (const std::exception &ex) {
            r.calibrationError = q(ex.what());
        }
        for (const auto &p : e.predictions) {
            ImagePrediction img;
            img.relative = q(p.path);
            img.path = root.isEmpty() || QDir::isAbsolutePath(img.relative) ? img.relative : QDir(root).filePath(img.relative);
            img.trueLabel = p.trueLabel;
            img.predicted = p.predicted;
            img.confidence = p.confidence;
            for (double v : p.probabilities)
                img.probabilities << v;
            r.images << img;
        }
    } catch (const std::exception &e) {
        r.error = q(e.what());
    }
    return r;
}

void applyTrust(RunResults &results, double alpha, double reviewBelow)
{
    for (auto &img : results.images) {
        img.calibrated.clear();
        img.set.clear();
        img.review = false;
        if (!results.calibration || img.probabilities.isEmpty())
            continue;
        const auto t = trustPrediction(*results.calibration, std::vector<double>(img.probabilities.begin(), img.probabilities.end()),
                                       alpha, reviewBelow);
        img.calibrated = QVector<double>(t.probabilities.begin(), t.probabilities.end());
        img.set = QVector<int>(t.set.begin(), t.set.end());
        img.review = t.review;
    }
}

} // namespace vitscope

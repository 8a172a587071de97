#pragma once
// A run folder as the views show it (Qt value types), read through the run-folder module
// (engine/run_files.h): its state and training history, and one evaluated part with per-image
// predictions whose paths are resolved to files on disk.
#include "config/choices.h"
#include "engine/model_calibration.h"
#include "session/session_types.h"

#include <QMap>
#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

namespace vitscope {

struct StepInfo;
struct EpochInfo;

struct ImagePrediction {
    QString path;     // absolute when the data set root is known
    QString relative; // as written in predictions.csv
    int trueLabel = -1, predicted = -1;
    double confidence = 0;      // probability of the predicted class
    QVector<double> probabilities;
    // With the run's calibration (applyTrust): calibrated probabilities, the prediction set
    // (classes, most probable first) and whether the image needs review.
    QVector<double> calibrated;
    QVector<int> set;
    bool review = false;
    double shownConfidence() const { return calibrated.isEmpty() ? confidence : calibrated.value(predicted); }
};

struct ClassRow {
    QString label;
    double precision = 0, recall = 0, f1 = 0;
    int support = 0;
};

struct RunResults {
    QString runFolder, part; // part: "test", "val" or "epoch-N" (validation matrix of that epoch)
    QStringList labels;
    QVector<QVector<int>> confusion; // [true][predicted]
    QMap<QString, double> metrics;   // accuracy, weighted_f1, macro_f1, mcc, loss, ...
    QVector<ClassRow> perClass;
    QVector<ImagePrediction> images; // empty for per-epoch matrices (only the best model's are kept)
    QString error;                   // non-empty: could not be read
    std::optional<PartTrust> trust;              // the part's calibration figures (test and val parts)
    std::optional<ModelCalibration> calibration; // the best model's calibration.json
    QString calibrationError;                    // non-empty: calibration.json exists but cannot be used

    // Images of one cell, most confident first.
    QVector<ImagePrediction> cell(int trueLabel, int predicted) const;
};

// A run's state (run.json) and training history (metrics.jsonl), to list runs and replay charts.
struct RunHistory {
    QString runFolder, message;
    bool readable = true; // false: run.json could not be read (message says why)
    RunStatus status = RunStatus::Running;
    JobConfig config; // the run's whole recipe, as run.json records it (the defaults when unreadable)
    QVector<StepPoint> steps;
    QVector<EpochPoint> epochs;
    int bestEpoch = 0;
    double bestValue = 0;   // the selection metric's value at the best epoch
    bool resumable = false; // decided by the run-folder module from the status and the checkpoint
    // Who trains the run now ("process P on host H (since T)", from its lock), or empty: a run whose
    // run.json says "running" while nobody holds it was killed, and is resumable (#17 item 5).
    QString trainedBy;
};
RunHistory loadRunHistory(const QString &runFolder);
QStringList findRuns(const QString &parent); // run folders directly inside `parent`, newest first

QStringList availableParts(const QString &runFolder); // "test", "val", then "epoch-1".. in order
RunResults loadRunResults(const QString &runFolder, const QString &part); // then applyTrust with the user's settings
// Fills each image's calibrated probabilities, set at level 1 - alpha and review flag (nothing
// without a calibration).
void applyTrust(RunResults &results, double alpha, double reviewBelow);

// The one conversion from the trainer's records to the values that cross to the GUI thread.
StepPoint toStepPoint(const StepInfo &step);
EpochPoint toEpochPoint(const EpochInfo &epoch);

} // namespace vitscope

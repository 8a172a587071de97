#pragma once
// What a run folder says about one evaluated part (Qt Core only, for the views): labels,
// confusion matrix, metrics, and per-image predictions with paths resolved to files on disk.
#include "session/session_types.h"

#include <QMap>
#include <QString>
#include <QStringList>
#include <QVector>

namespace vitscope {

struct ImagePrediction {
    QString path;     // absolute when the data set root is known
    QString relative; // as written in predictions.csv
    int trueLabel = -1, predicted = -1;
    double confidence = 0;      // probability of the predicted class
    QVector<double> probabilities;
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

    // Images of one cell, most confident first.
    QVector<ImagePrediction> cell(int trueLabel, int predicted) const;
};

// A run's training history (metrics.jsonl) and state (run.json), to list runs and replay charts.
struct RunHistory {
    QString runFolder, status, message, metric;
    QVector<StepPoint> steps;
    QVector<EpochPoint> epochs;
    int bestEpoch = 0;
    double bestValue = 0; // the selection metric's value at the best epoch
    bool resumable = false; // checkpoints/last exists and the run did not finish
};
RunHistory loadRunHistory(const QString &runFolder);
// Run folders directly inside `parent` (those holding a run.json), newest first.
QStringList findRuns(const QString &parent);

// The parts a run offers: "test", "val", then "epoch-1".. in order.
QStringList availableParts(const QString &runFolder);
RunResults loadRunResults(const QString &runFolder, const QString &part);

// One CSV record (RFC 4180 quoting) split into fields.
QStringList parseCsvLine(const QString &line);

} // namespace vitscope

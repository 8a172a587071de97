#pragma once
// The Predict view's CSV export: one row per image with the raw probabilities (what transformers
// computes) and, for a calibrated model, the calibrated confidence, the set and the review flag.
#include "session/session_types.h"

#include <QString>
#include <QVector>

namespace vitscope {

struct ExportRow {
    Prediction prediction;
    QVector<double> calibrated; // empty: no calibration
    QVector<int> set;
    bool review = false;
};

bool writePredictionsCsv(const QString &path, const QVector<ExportRow> &rows, bool calibrated, double alpha);

} // namespace vitscope

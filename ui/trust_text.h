#pragma once
// What the views say about how far a percentage can be trusted: the user's set level and review
// threshold (one QSettings entry each, shared by Predict and Evaluate), and the wording of sets,
// review flags and the guarantee, declared once.
#include "engine/model_calibration.h"

#include <QString>
#include <QStringList>
#include <QVector>

namespace vitscope {

struct TrustSettings {
    double alpha = kDefaultAlpha;             // sets hold the true class with probability 1 - alpha
    double reviewBelow = kDefaultReviewBelow; // flag an image whose top calibrated probability is lower
    bool raw = false;          // show the model's own softmax instead of the calibrated one
};
TrustSettings loadTrustSettings();
void saveTrustSettings(const TrustSettings &settings);

// "90 % set: polyps, dyed-lifted-polyps"; an empty set says that no class is plausible.
QString setText(const QVector<int> &set, const QStringList &labels, double alpha);
QString reviewText();    // "Uncertain — review"
QString reviewReason(const QVector<int> &set, double topProbability, double reviewBelow); // why it is flagged
QString guaranteeText(double alpha); // the honest scope of the set's coverage
// A temperature and a set threshold from fewer held-out images than this move a lot from one split
// to another: the views say so.
constexpr qint64 kFirmCalibrationImages = 200;
QString calibrationNote(double temperature, qint64 count); // "Calibrated probabilities (temperature 2.97, fitted on 600 validation images)."
QString uncalibratedNote(); // the model has no calibration.json
QString explanationCaption(); // maps are approximate, not a diagnosis

} // namespace vitscope

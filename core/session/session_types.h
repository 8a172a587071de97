#pragma once
// Plain value types that cross between worker threads and the GUI (no torch, no pointers); a
// training job crosses as vitscope::TrainJob (config/job_config.h).
#include "config/job_config.h"

#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QVector>

namespace vitscope {

struct StepPoint {
    qint64 step = 0, totalSteps = 0;
    int epoch = 0;
    double loss = 0, lr = 0, gradNorm = 0, imagesPerSecond = 0, etaSeconds = 0;
};

struct EpochPoint {
    int epoch = 0;
    bool hasTrain = false;
    double trainLoss = 0, trainAccuracy = 0;
    double valLoss = 0, valAccuracy = 0, valWeightedF1 = 0, valMacroF1 = 0;
    bool best = false;
    int bestEpoch = 0;
};

struct Prediction {
    QString path;
    QStringList labels;
    QVector<double> probabilities; // same order as labels
    QString error;                 // non-empty: the image could not be used
    bool noModel = false;          // with error: no model was loaded, which is not the file's fault
    bool bf16 = false;             // computed under bf16 autocast (else fp32, exact)
};

// A map of where the model looked, on the patch grid: attention rollout, or Grad-CAM for one class.
struct AttentionMap {
    enum class Kind { Rollout, GradCam };
    Kind kind = Kind::Rollout;
    int target = -1; // Grad-CAM: the class explained
    QString path;
    int rows = 0, columns = 0;
    QVector<float> values; // rows * columns, row-major, in [0, 1]
    QString error;
};

} // namespace vitscope

Q_DECLARE_METATYPE(vitscope::AttentionMap)
Q_DECLARE_METATYPE(vitscope::StepPoint)
Q_DECLARE_METATYPE(vitscope::EpochPoint)
Q_DECLARE_METATYPE(vitscope::TrainJob)
Q_DECLARE_METATYPE(vitscope::RunStatus)
Q_DECLARE_METATYPE(vitscope::Prediction)

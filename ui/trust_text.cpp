#include "ui/trust_text.h"

#include "ui/theme.h"

#include "engine/model_calibration.h"

#include <QCoreApplication>
#include <QLocale>
#include <QSettings>

#include <algorithm>

namespace vitscope {
TrustSettings loadTrustSettings()
{
    QSettings s;
    TrustSettings t;
    t.alpha = std::clamp(s.value(QStringLiteral("trust/alpha"), kDefaultAlpha).toDouble(), 0.01, 0.5);
    t.reviewBelow = std::clamp(s.value(QStringLiteral("trust/reviewBelow"), kDefaultReviewBelow).toDouble(), 0.0, 1.0);
    t.raw = s.value(QStringLiteral("trust/raw"), false).toBool();
    return t;
}

void saveTrustSettings(const TrustSettings &t)
{
    QSettings s;
    s.setValue(QStringLiteral("trust/alpha"), t.alpha);
    s.setValue(QStringLiteral("trust/reviewBelow"), t.reviewBelow);
    s.setValue(QStringLiteral("trust/raw"), t.raw);
}

QString setText(const QVector<int> &set, const QStringList &labels, double alpha)
{
    const QString level = percentText(1 - alpha, 0);
    if (set.isEmpty())
        return QCoreApplication::translate("Trust", "%1 set: empty (no class reaches this level; the image may be unlike the calibration images)").arg(level);
    QStringList names;
    for (const int c : set)
        names << labels.value(c);
    return QCoreApplication::translate("Trust", "%1 set: %2").arg(level, names.join(QStringLiteral(", ")));
}

QString reviewText()
{
    return QCoreApplication::translate("Trust", "Uncertain — review");
}

QString reviewReason(const QVector<int> &set, double top, double reviewBelow)
{
    if (set.isEmpty())
        return QCoreApplication::translate("Trust", "no class is plausible at the chosen level");
    if (set.size() > 1) {
        const int n = static_cast<int>(set.size());
        return QCoreApplication::translate("Trust", "%n classes are plausible at the chosen level", nullptr, n);
    }
    if (top < reviewBelow)
        return QCoreApplication::translate("Trust", "the top probability %1 is below the review threshold %2").arg(percentText(top), percentText(reviewBelow, 0));
    return {};
}

QString guaranteeText(double alpha)
{
    return QCoreApplication::translate("Trust", "A %1 set holds the true class for about %1 of images like the validation images it was calibrated on, on average; "
              "it is no promise for a single image, nor for images from another hospital, scope or population.")
        .arg(percentText(1 - alpha, 0));
}

QString calibrationNote(double temperature, qint64 count)
{
    const int n = static_cast<int>(count);
    if (count < kFirmCalibrationImages)
        return QCoreApplication::translate("Trust", "Calibrated probabilities (temperature %1, fitted on only %n held-out image(s): rough; more held-out "
                                                    "images make it firmer).", nullptr, n)
            .arg(QLocale().toString(temperature, 'f', 2));
    return QCoreApplication::translate("Trust", "Calibrated probabilities (temperature %1, fitted on %n held-out image(s)).", nullptr, n)
        .arg(QLocale().toString(temperature, 'f', 2));
}

QString uncalibratedNote()
{
    return QCoreApplication::translate("Trust", "Uncalibrated: this model has no calibration, so its percentages may be over-confident.");
}

QString explanationCaption()
{
    return QCoreApplication::translate("Trust", "Maps are approximate aids to judge a prediction: not a segmentation and not a diagnosis.");
}

} // namespace vitscope

// The Predict view's reading of a prediction: calibrated or raw probabilities, the set and the
// review flag, and the maps of where the model looked (predict_view.cpp builds the view and
// handles the list, drops, pastes and exports).
#include "ui/predict_view.h"

#include "ui/image_reasons.h"

#include "session/predictor.h"
#include "ui/image_preview.h"
#include "ui/probability_chart.h"
#include "ui/theme.h"
#include "ui/trust_text.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>

#include <algorithm>

namespace vitscope {

void PredictView::setModel(const QString &folder, const QStringList &labels)
{
    m_calibration.reset();
    m_calibrationProblem.clear();
    try {
        m_calibration = readCalibration(folder.toStdString());
    } catch (const std::exception &e) {
        m_calibrationProblem = QString::fromStdString(e.what());
    }
    const QSignalBlocker block(m_camClass);
    m_camClass->clear();
    m_camClass->addItem(tr("predicted class"), -1);
    for (int c = 0; c < labels.size(); ++c)
        m_camClass->addItem(labels[c], c);
    refreshResults();
}

int PredictView::camTarget() const
{
    return m_camClass->count() > 0 ? m_camClass->currentData().toInt() : -1;
}

bool PredictView::calibratedShown() const
{
    return m_calibration && !m_raw->isChecked();
}

PredictView::Shown PredictView::shown(const Prediction &p) const
{
    Shown out;
    out.probabilities = p.probabilities;
    if (!m_calibration || p.probabilities.isEmpty())
        return out;
    const auto t = trustPrediction(*m_calibration, std::vector<double>(p.probabilities.begin(), p.probabilities.end()),
                                   1 - m_level->value() / 100, m_reviewBelow->value() / 100);
    if (calibratedShown())
        out.probabilities = QVector<double>(t.probabilities.begin(), t.probabilities.end());
    out.calibrated = QVector<double>(t.probabilities.begin(), t.probabilities.end());
    out.set = QVector<int>(t.set.begin(), t.set.end());
    out.review = t.review;
    out.trusted = true;
    return out;
}

void PredictView::updateItem(int row)
{
    if (row < 0 || row >= m_results.size() || !m_list->item(row))
        return;
    const Prediction &p = m_results.at(row);
    auto *item = m_list->item(row);
    const QString name = QFileInfo(p.path).fileName();
    if (p.noModel) { // the file is not at fault, and a loaded model predicts it
        item->setText(tr("%1 — waiting for a model").arg(name));
        item->setForeground(palette().text());
        return;
    }
    if (!p.error.isEmpty()) {
        item->setText(tr("%1 — cannot be used").arg(name));
        item->setForeground(Qt::red);
        return;
    }
    const Shown s = shown(p);
    const auto best = static_cast<int>(std::max_element(s.probabilities.begin(), s.probabilities.end()) - s.probabilities.begin());
    item->setText(tr("%1 — %2 %3").arg(name, p.labels.value(best), ProbabilityChart::percent(s.probabilities.value(best))) +
                  (s.review ? QStringLiteral("  ⚠ ") + reviewText() : QString()));
}

// The calibration, the set level or the review threshold changed: every row says it anew.
void PredictView::refreshResults()
{
    for (int row = 0; row < m_results.size(); ++row)
        updateItem(row);
    if (!m_calibrationProblem.isEmpty())
        m_calibrationNote->setText(tr("The calibration cannot be used: %1").arg(m_calibrationProblem));
    else if (!m_calibration)
        m_calibrationNote->setText(uncalibratedNote());
    else if (m_raw->isChecked())
        m_calibrationNote->setText(tr("Raw probabilities: the model's own softmax, as transformers computes it (uncalibrated)."));
    else
        m_calibrationNote->setText(calibrationNote(m_calibration->temperature, m_calibration->count));
    m_level->setEnabled(m_calibration.has_value());
    m_reviewBelow->setEnabled(m_calibration.has_value());
    m_raw->setEnabled(m_calibration.has_value());
    showRow(m_list->currentRow());
}

void PredictView::showRow(int row)
{
    m_set->clear();
    m_review->clear();
    if (row < 0 || row >= m_results.size()) {
        m_currentPath.clear();
        m_top->clear();
        m_chart->clear();
        m_preview->setImage({}, dropHint());
        updateMessage();
        return;
    }
    const Prediction &p = m_results.at(row);
    if (p.path != m_currentPath) {
        m_currentPath = p.path;
        const QImage image(p.path);
        m_preview->setImage(image, image.isNull() ? tr("(no preview)") : QString());
    }
    updateMessage();
    if (p.noModel) {
        m_top->setText(tr("No model to predict with"));
        m_chart->showNothing(noModelHint());
        return;
    }
    if (!p.error.isEmpty()) {
        m_top->setText(tr("This file cannot be used: %1").arg(imageReasonText(p.error)));
        m_chart->showNothing(tr("No probabilities: %1 cannot be used.").arg(QFileInfo(p.path).fileName()));
        return;
    }
    const Shown s = shown(p);
    m_chart->showProbabilities(p.labels, s.probabilities);
    const auto best = static_cast<int>(std::max_element(s.probabilities.begin(), s.probabilities.end()) - s.probabilities.begin());
    m_top->setText(tr("Most likely: %1 (%2)").arg(p.labels[best], percentText(s.probabilities[best])));
    m_preview->setGradCamTitle(tr("Grad-CAM: %1").arg(p.labels.value(camTarget() < 0 ? best : camTarget())));
    if (s.trusted) {
        const double alpha = 1 - m_level->value() / 100;
        m_set->setText(setText(s.set, p.labels, alpha));
        m_set->setToolTip(guaranteeText(alpha));
        if (s.review) {
            m_review->setText(QStringLiteral("⚠ %1: %2").arg(reviewText(), reviewReason(s.set, s.calibrated.value(best), m_reviewBelow->value() / 100)));
            m_review->setStyleSheet(QStringLiteral("color: %1; font-weight: bold;").arg(errorColour(this)));
        }
    }
    updateMaps();
    Q_EMIT predictionShown(p.path);
}

void PredictView::setAttentionVisible(bool on)
{
    m_overlay->setCurrentIndex(on ? 1 : 0); // comes back through currentIndexChanged
}

bool PredictView::attentionShown() const
{
    return m_preview->mapShown(AttentionMap::Kind::Rollout);
}

bool PredictView::gradCamShown() const
{
    return m_preview->mapShown(AttentionMap::Kind::GradCam);
}

void PredictView::setGradCamVisible(bool on, int target)
{
    m_camClass->setCurrentIndex(std::max(0, m_camClass->findData(target)));
    m_overlay->setCurrentIndex(on ? 2 : 0);
}

// Asks for the maps the chosen overlay needs and does not have yet (each is its own pass).
void PredictView::updateMaps()
{
    const auto overlay = static_cast<ImagePreview::Overlay>(m_overlay->currentIndex());
    m_camClass->setEnabled(overlay == ImagePreview::Overlay::GradCam || overlay == ImagePreview::Overlay::Both);
    m_preview->setOverlay(overlay);
    const int row = m_list->currentRow();
    if (m_currentPath.isEmpty() || row < 0 || row >= m_results.size() || !m_results.at(row).error.isEmpty())
        return;
    if ((overlay == ImagePreview::Overlay::Rollout || overlay == ImagePreview::Overlay::Both) && !m_preview->hasMap(AttentionMap::Kind::Rollout))
        m_predictor->attention(m_currentPath);
    if ((overlay == ImagePreview::Overlay::GradCam || overlay == ImagePreview::Overlay::Both) && !m_preview->hasMap(AttentionMap::Kind::GradCam)) {
        // "the predicted class" is the one the bars show on top, so no pass is needed to find it
        const auto &p = m_results.at(row).probabilities;
        const int predicted = static_cast<int>(std::max_element(p.begin(), p.end()) - p.begin());
        m_predictor->gradCam(m_currentPath, camTarget() >= 0 ? camTarget() : predicted);
    }
}

void PredictView::onAttention(const AttentionMap &map)
{
    if (map.path != m_currentPath)
        return; // the user has moved on
    if (map.kind == AttentionMap::Kind::GradCam && map.target >= 0 && camTarget() >= 0 &&
        map.target != camTarget())
        return; // another class was chosen meanwhile
    if (!map.error.isEmpty()) {
        setMessage(tr("No map: %1").arg(map.error), true);
        return;
    }
    m_preview->setMap(map);
}

} // namespace vitscope

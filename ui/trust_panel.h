#pragma once
// The calibration tab of the Evaluate view: the part's calibration error before and after
// temperature scaling, the reliability diagram of both, and the prediction sets' coverage.
#include "engine/model_calibration.h"

#include <QWidget>

#include <optional>

class QCustomPlot;
class QLabel;
class QStandardItemModel;
class QTableView;

namespace vitscope {

class TrustPanel : public QWidget {
    Q_OBJECT
public:
    explicit TrustPanel(QWidget *parent = nullptr);

    // part: "test" or "val" (the part the calibration was fitted on); error: why the run's
    // calibration cannot be used, if it exists but is broken.
    void showTrust(const std::optional<PartTrust> &trust, const QString &part, const QString &error = {});
    QString summaryText() const; // (tests)
    int plottedBins() const;     // non-empty bins drawn, raw and calibrated together (tests)

private:
    QLabel *m_summary;
    QTableView *m_table;
    QStandardItemModel *m_model;
    QCustomPlot *m_plot;
};

} // namespace vitscope

#pragma once
// "How long will this take?": for the form's model, data and device, the time per epoch and in
// total of each fine-tune mode and precision the device offers, from a short timed probe run off
// the GUI thread (job/estimate.h), taking into account what is already cached.
#include "config/job_config.h"

#include <QWidget>

#include <functional>

class QLabel;
class QPushButton;
class QTableWidget;

namespace vitscope {

struct JobEstimate;

// Shared with the pretrained-model catalogue.
QString estimateDuration(double seconds);
QString fineTuneModeText(const FineTune &f);
// Runs estimateJob off the GUI thread; `done` is called on `context`'s thread with the estimate,
// or with null and the reason there is none.
void estimateInBackground(QObject *context, const JobConfig &config,
                          std::function<void(const JobEstimate *estimate, const QString &error)> done);

class EstimatePanel : public QWidget {
    Q_OBJECT
public:
    explicit EstimatePanel(std::function<JobConfig()> config, QWidget *parent = nullptr);
    int rowCount() const; // tests

public Q_SLOTS:
    void estimate();

Q_SIGNALS:
    void estimated();

private:
    void show(const JobEstimate &estimate);

    std::function<JobConfig()> m_config;
    QPushButton *m_button;
    QLabel *m_status;
    QTableWidget *m_table;
};

} // namespace vitscope

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

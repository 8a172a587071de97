#pragma once
// File -> Get pretrained model: the short catalogue of Hub ViTs (size, whether it is already on
// this computer, and on request the time estimate for the open data set from a probe of that
// architecture), or any repository id the user types. The choice is returned; downloading is the
// main window's (with the Hub code's progress, resume and checksum).
#include "config/job_config.h"

#include <QDialog>

#include <functional>
#include <memory>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;
class QTemporaryDir;

namespace vitscope {

class PretrainedDialog : public QDialog {
    Q_OBJECT
public:
    // `config` gives the Train view's job (data, batch, device) the estimate is for.
    explicit PretrainedDialog(std::function<JobConfig()> config, QWidget *parent = nullptr);
    ~PretrainedDialog() override;

    QString chosenRepo() const; // the typed id when there is one, else the selected row's
    void selectRow(int row);    // tests
    void estimateSelected();
    QString estimateText(int row) const; // tests

Q_SIGNALS:
    void estimated(int row);

private:
    void updateState();

    std::function<JobConfig()> m_config;
    QTableWidget *m_table;
    QLineEdit *m_other;
    QLabel *m_status;
    QPushButton *m_estimate, *m_get;
    std::unique_ptr<QTemporaryDir> m_scratch; // config-only folders: the architecture before download
};

} // namespace vitscope

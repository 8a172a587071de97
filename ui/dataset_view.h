#pragma once
// Dataset view: the scanned data set at a glance: classes with counts (and split counts), a bar
// chart, a lazily filled thumbnail grid, a preview with path, size and mode, and every bad file,
// conversion and duplicate with its reason. Scanning runs off the GUI thread and can be cancelled.
#include "data/dataset_scan.h"

#include <QWidget>

#include <atomic>
#include <memory>

class QCustomPlot;
class QLabel;
class QListView;
class QListWidget;
class QProgressBar;
class QPushButton;

namespace vitscope {

class ClassCountModel;
class ThumbnailModel;

class DatasetView : public QWidget {
    Q_OBJECT
public:
    explicit DatasetView(QWidget *parent = nullptr);
    ~DatasetView() override; // cancels a running scan

    // Scans `folder`; with `modelFolder`, the model's preprocessing cache is filled in the same pass.
    void scan(const QString &folder, const QString &modelFolder);
    void showSplit(double train, double val, double test, quint64 seed);
    const ScanReport &report() const { return m_report; }
    ClassCountModel *classes() const { return m_classes; }
    ThumbnailModel *thumbnails() const { return m_thumbnails; }

Q_SIGNALS:
    void scanned(const QString &folder, bool usable);
    void openRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void showReport(const ScanReport &report);
    void showClass(int label);
    void preview(int row);

    ScanReport m_report;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    ClassCountModel *m_classes;
    ThumbnailModel *m_thumbnails;
    QVector<int> m_shownItems; // indices into m_report.items behind the thumbnail rows
    QListView *m_classList, *m_grid;
    QListWidget *m_problems;
    QCustomPlot *m_chart;
    QLabel *m_summary, *m_preview, *m_details;
    QProgressBar *m_progress;
    QPushButton *m_cancelButton;
};

} // namespace vitscope

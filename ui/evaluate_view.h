#pragma once
// Evaluate view: a run's confusion matrix (test or validation with the best model, or the
// validation matrix of any epoch), per-class metrics, and the images behind a clicked cell.
#include "session/run_results.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class QStandardItemModel;
class QTabWidget;
class QTableView;

namespace vitscope {

class ConfusionMatrixModel;
class TrustPanel;

class EvaluateView : public QWidget {
    Q_OBJECT
public:
    explicit EvaluateView(QWidget *parent = nullptr);

    void openRun(const QString &runFolder);
    QString runFolder() const;
    // Which model the Predict view uses, so the view can say whether it is this run's best.
    void setPredictModel(const QString &modelFolder);
    void showPart(const QString &part);
    void selectCell(int trueLabel, int predicted);
    QStringList cellImages() const; // paths listed for the selected cell, in order (tests)
    ConfusionMatrixModel *matrixModel() const { return m_matrix; }
    TrustPanel *trustPanel() const { return m_trust; }
    const RunResults &results() const { return m_results; }
    bool exportMatrixPng(const QString &path) const;
    bool exportTableCsv(const QString &path) const;

Q_SIGNALS:
    void openInPredict(const QString &imagePath, const QString &runFolder); // with that run's best model
    // The cell's images in the Review view: `part` is "val" or "test", as the matrix shows it.
    void reviewCell(const QString &runFolder, const QString &part, int trueLabel, int predicted);
    void exported(const QString &path);
    void reportWritten(const QString &html, const QString &pdf);

private:
    void exportPng();
    void exportCsv();
    void writeReport();
    void updateModelNote();

    RunResults m_results;
    QComboBox *m_part;
    QCheckBox *m_normalize;
    QLabel *m_summary, *m_cellTitle, *m_modelNote;
    QString m_predictModel;
    QTableView *m_matrixView, *m_classView;
    QWidget *m_matrixFigure; // the matrix with its axis titles
    ConfusionMatrixModel *m_matrix;
    QStandardItemModel *m_classes;
    QTabWidget *m_lowerTabs;
    TrustPanel *m_trust;
    QPushButton *m_report;
    bool m_reportRunning = false;
    QListWidget *m_gallery;
    QPushButton *m_reviewCell = nullptr;
    QStringList m_cellPaths;
    int m_thumbnailGeneration = 0;
};

} // namespace vitscope

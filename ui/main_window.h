#pragma once
// The main window: Dataset, Train, Evaluate and Predict views (Ctrl+1..4), device and model in
// the status bar, the research-use notice in the About box.
#include <QMainWindow>

class QCustomPlot;
class QLabel;
class QListView;
class QListWidget;
class QTabWidget;
class QTableWidget;

namespace vitscope {

class ClassCountModel;
class Predictor;
class PredictView;
class TrainingSession;
class TrainView;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    void openDataset(const QString &folder);
    void openModel(const QString &folder);
    void openRun(const QString &runFolder);
    void showView(int index);
    QWidget *view(int index) const;
    PredictView *predictView() const { return m_predictView; }
    TrainView *trainView() const { return m_trainView; }
    Predictor *predictor() const { return m_predictor; }

Q_SIGNALS:
    void datasetScanned(const QString &folder);
    void modelReady(const QString &folder);

private:
    QWidget *buildDatasetView();
    QWidget *buildEvaluateView();
    void about();

    Predictor *m_predictor;
    TrainingSession *m_session;
    QTabWidget *m_tabs;
    PredictView *m_predictView;
    TrainView *m_trainView;
    ClassCountModel *m_classes;
    QCustomPlot *m_classChart = nullptr;
    QListWidget *m_problems = nullptr;
    QLabel *m_datasetSummary = nullptr, *m_evalSummary = nullptr, *m_modelLabel, *m_deviceLabel;
    QTableWidget *m_confusion = nullptr;
    QListWidget *m_cellImages = nullptr;
    QString m_runFolder;
};

} // namespace vitscope

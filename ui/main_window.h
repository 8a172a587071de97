#pragma once
// The main window: Dataset, Train, Evaluate, Predict and Review views (Ctrl+1..5), the start page
// in their place on a first run, device and model in the status bar, the research-use notice always
// in sight. Menus in main_window_menus.cpp.
#include <QMainWindow>

class QAction;
class QLabel;
class QStackedWidget;
class QTabWidget;

namespace vitscope {

class DatasetView;
class EvaluateView;
class Predictor;
class PredictView;
class ReviewView;
class StartPage;
class TrainingSession;
class TrainView;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    void openDataset(const QString &folder);
    void openModel(const QString &folder);
    // Evaluate shows the run; Predict takes its best model when it has none that can predict (then true).
    bool openRun(const QString &runFolder);
    void showView(int index); // leaves the start page
    void openPaths(const QStringList &paths); // images to Predict, a folder as the data set
    void setDemo(const QString &data, const QString &model); // what the start page's demo opens
    void showStartPage();
    bool startPageShown() const;
    StartPage *startPage() const { return m_startPage; }
    void setRunsDirectory(const QString &folder);
    QWidget *view(int index) const;
    int currentView() const; // the index showView() takes; -1 on the start page
    PredictView *predictView() const { return m_predictView; }
    TrainView *trainView() const { return m_trainView; }
    DatasetView *datasetView() const { return m_datasetView; }
    EvaluateView *evaluateView() const { return m_evaluateView; }
    ReviewView *reviewView() const { return m_reviewView; }
    Predictor *predictor() const { return m_predictor; }

Q_SIGNALS:
    void datasetScanned(const QString &folder);
    void modelReady(const QString &folder);

private:
    void showExported(const QString &path); // the status bar says where an export went
    void buildMenus();
    void about();
    void chooseDataset();
    void choosePretrainedModel();
    void getPretrainedModel(const QString &repo); // from this computer, or downloaded from the Hub
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void remember(const QString &key, const QString &path); // recent files
    void rebuildRecentMenu();
    void updateDeviceLabel();
    void offerRunModel(const QString &run); // after a run finishes: use its best model in Predict?
    bool givePredictRunModel(const QString &runFolder); // Predict takes the run's best model; false if it has none

    Predictor *m_predictor;
    TrainingSession *m_session;
    QStackedWidget *m_pages;
    StartPage *m_startPage;
    QTabWidget *m_tabs;
    PredictView *m_predictView;
    TrainView *m_trainView;
    DatasetView *m_datasetView;
    QLabel *m_modelLabel, *m_deviceLabel;
    QString m_modelFolder, m_device;
    QString m_openRun; // the run the Evaluate view shows
    bool m_predictUsable = false; // the model asked for last loads or has loaded; false: none, or it cannot predict
    QString m_demoData, m_demoModel;
    QAction *m_bf16Predict = nullptr;
    EvaluateView *m_evaluateView;
    ReviewView *m_reviewView;
    bool m_labelsChanged = false; // since the Dataset view last scanned: rescan when it is shown
    QMenu *m_recent = nullptr;
};

} // namespace vitscope

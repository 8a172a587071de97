#pragma once
// Train view: the notebook's recipe as a form, Start/Stop/Resume, live charts (step loss raw and
// smoothed with the learning rate, per-epoch loss and accuracy, best epoch marked) redrawn at a
// bounded rate however fast steps arrive, progress with images/s and ETA, a log, and the list of
// runs, any of which restores its charts from metrics.jsonl.
#include "session/session_types.h"

#include <functional>

#include <QWidget>

class QCheckBox;
class QComboBox;
class QCPItemStraightLine;
class QCustomPlot;
class QDoubleSpinBox;
class QLineEdit;
class QListView;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTimer;

namespace vitscope {

struct RunHistory;
class EstimatePanel;
class RunListModel;
class TrainingSession;

class TrainView : public QWidget {
    Q_OBJECT
public:
    explicit TrainView(TrainingSession *session, QWidget *parent = nullptr);
    ~TrainView() override; // saves the form

    void setDataset(const QString &folder);
    void setModel(const QString &folder);
    void setRunFolder(const QString &folder);
    void setRunsDirectory(const QString &folder); // where new runs go and the runs list looks
    // The form as a job configuration, and back: one table binds each widget to its field
    // (config/config_fields.h); fields without a widget keep the value last set.
    JobConfig formConfig() const;
    void setFormConfig(const JobConfig &config);
    void applyRecipe(const TrainConfig &recipe); // epochs, batch, learning rate and warm-up of `recipe`
    TrainJob job() const; // a new run from the form, in the run folder or a new one under the runs folder
    void showHistory(const RunHistory &history); // replaces the charts with a finished run's
    // A run picked in the list: its charts, and its recipe in the form (Start trains a new run
    // with it; Resume continues this one).
    void selectRun(const RunHistory &run);
    RunListModel *runs() const { return m_runs; }
    EstimatePanel *estimatePanel() const { return m_estimate; }

    // Plotted points (tests): step losses and per-epoch validation accuracy.
    QVector<double> plottedStepLosses() const;
    QVector<double> plottedValAccuracy() const;
    int markedBestEpoch() const { return m_bestEpoch; }

public Q_SLOTS:
    void start();
    void resume();
    void refreshRuns();
    void onStep(const vitscope::StepPoint &p);
    void onEpoch(const vitscope::EpochPoint &p);

Q_SIGNALS:
    void runFinished(const QString &runFolder);
    void runSelected(const QString &runFolder);

private:
    struct Binding {
        std::function<void(JobConfig &)> read;        // widget -> configuration
        std::function<void(const JobConfig &)> write; // configuration -> widget
    };
    QWidget *buildForm();
    void bindForm();
    void clearCharts();
    void setRunning(bool running);
    void replot();
    void loadSettings();
    void saveSettings() const;
    void addEpoch(const EpochPoint &p); // to the charts, without a log line
    // Before Start: the recipe's problems for this data and model, and the user's answer (false:
    // do not start). May change the form to the suggested recipe.
    bool confirmRecipe(const JobConfig &config);
    void resumeRun(ResumePoint from);
    // The resume of `run` was refused because its last checkpoint is damaged: asks whether to
    // continue from the checkpoint of its best epoch, and does when the user agrees.
    void offerBestCheckpoint(const QString &run, const QString &message, int bestEpoch);

    TrainingSession *m_session;
    QLineEdit *m_data, *m_model, *m_out;
    QSpinBox *m_epochs, *m_batch, *m_warmup, *m_seed, *m_gradAccum;
    QDoubleSpinBox *m_lr, *m_weightDecay, *m_train, *m_val, *m_test;
    QComboBox *m_device, *m_precision, *m_metric, *m_fineTune;
    QVector<QCheckBox *> m_augment; // in the order of Augmentation
    QVector<Binding> m_bindings;
    JobConfig m_formBase; // fields the form does not show
    QPushButton *m_start, *m_stop, *m_resume;
    EstimatePanel *m_estimate;
    QProgressBar *m_progress;
    QPlainTextEdit *m_log;
    QCustomPlot *m_stepPlot, *m_lossPlot, *m_accPlot;
    QCPItemStraightLine *m_bestLoss = nullptr, *m_bestAcc = nullptr;
    QListView *m_runList;
    RunListModel *m_runs;
    QString m_runsDirectory;
    QTimer *m_replot;
    bool m_dirty = false;
    int m_bestEpoch = 0;
    QVector<double> m_steps, m_losses, m_smoothed, m_lrs;
    QVector<double> m_epochNumbers, m_trainLoss, m_valLoss, m_trainAcc, m_valAcc;
};

} // namespace vitscope

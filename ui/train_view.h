#pragma once
// Train view: the notebook's recipe as a form, Start/Stop, live loss/accuracy charts (redrawn at a
// bounded rate however fast steps arrive), progress with images/s and ETA, and a log.
#include "session/session_types.h"

#include <QWidget>

class QCustomPlot;
class QDoubleSpinBox;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTimer;

namespace vitscope {

class TrainingSession;

class TrainView : public QWidget {
    Q_OBJECT
public:
    explicit TrainView(TrainingSession *session, QWidget *parent = nullptr);

    void setDataset(const QString &folder);
    void setModel(const QString &folder);
    void setRunFolder(const QString &folder);
    void applyDemoRecipe(); // settings that train the tiny demo ViT from scratch in about a minute
    TrainRequest request() const;
    // Plotted points (tests): step losses and per-epoch validation accuracy.
    QVector<double> plottedStepLosses() const;
    QVector<double> plottedValAccuracy() const;

public Q_SLOTS:
    void start();
    void onStep(const vitscope::StepPoint &p);
    void onEpoch(const vitscope::EpochPoint &p);

Q_SIGNALS:
    void runFinished(const QString &runFolder);

private:
    void replot();

    TrainingSession *m_session;
    QLineEdit *m_data, *m_model, *m_out;
    QSpinBox *m_epochs, *m_batch, *m_warmup, *m_seed;
    QDoubleSpinBox *m_lr, *m_weightDecay;
    QPushButton *m_start, *m_stop;
    QProgressBar *m_progress;
    QPlainTextEdit *m_log;
    QCustomPlot *m_lossPlot, *m_accPlot;
    QTimer *m_replot;
    bool m_dirty = false;
    QVector<double> m_steps, m_losses, m_smoothed, m_epochNumbers, m_trainLoss, m_valLoss, m_trainAcc, m_valAcc;
};

} // namespace vitscope

#include "ui/train_view.h"

#include "session/training_session.h"

#include <qcustomplot.h>

#include <QDateTime>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTimer>
#include <QVBoxLayout>

namespace vitscope {

TrainView::TrainView(TrainingSession *session, QWidget *parent) : QWidget(parent), m_session(session)
{
    m_data = new QLineEdit;
    m_data->setToolTip(tr("A folder with one sub-folder of images per class."));
    m_model = new QLineEdit;
    m_model->setToolTip(tr("A Hugging Face model folder: pretrained (e.g. google/vit-base-patch16-224-in21k), fine-tuned, or config-only to train from scratch."));
    m_out = new QLineEdit;
    m_out->setToolTip(tr("Where the run's checkpoints, metrics and predictions are written."));
    m_epochs = new QSpinBox;
    m_epochs->setRange(1, 1000);
    m_epochs->setValue(5);
    m_epochs->setToolTip(tr("How many passes over the training images."));
    m_batch = new QSpinBox;
    m_batch->setRange(1, 4096);
    m_batch->setValue(16);
    m_batch->setToolTip(tr("Images per optimisation step. Smaller uses less memory."));
    m_lr = new QDoubleSpinBox;
    m_lr->setDecimals(7);
    m_lr->setRange(1e-7, 1.0);
    m_lr->setSingleStep(1e-5);
    m_lr->setValue(2e-5);
    m_lr->setToolTip(tr("Peak learning rate (AdamW). The notebook used 0.00002."));
    m_warmup = new QSpinBox;
    m_warmup->setRange(0, 1000000);
    m_warmup->setValue(500);
    m_warmup->setToolTip(tr("Steps over which the learning rate rises from 0; it then falls linearly to 0."));
    m_weightDecay = new QDoubleSpinBox;
    m_weightDecay->setDecimals(4);
    m_weightDecay->setValue(0.01);
    m_weightDecay->setToolTip(tr("Shrinks weights a little each step; not applied to biases and LayerNorm weights."));
    m_seed = new QSpinBox;
    m_seed->setRange(0, 1 << 30);
    m_seed->setValue(42);
    m_seed->setToolTip(tr("Fixes the split, the data order and the initial head: the same seed gives the same run."));

    auto *form = new QFormLayout;
    form->addRow(tr("&Data set:"), m_data);
    form->addRow(tr("&Model:"), m_model);
    form->addRow(tr("&Run folder:"), m_out);
    form->addRow(tr("&Epochs:"), m_epochs);
    form->addRow(tr("&Batch size:"), m_batch);
    form->addRow(tr("&Learning rate:"), m_lr);
    form->addRow(tr("&Warmup steps:"), m_warmup);
    form->addRow(tr("Weight &decay:"), m_weightDecay);
    form->addRow(tr("&Seed:"), m_seed);
    m_start = new QPushButton(tr("&Start training"));
    m_stop = new QPushButton(tr("S&top"));
    m_stop->setEnabled(false);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_start);
    buttons->addWidget(m_stop);
    form->addRow(buttons);
    auto *formBox = new QGroupBox(tr("Recipe"));
    formBox->setLayout(form);
    formBox->setMaximumWidth(420);

    auto makePlot = [](const QString &y, const QString &x) {
        auto *p = new QCustomPlot;
        p->setMinimumHeight(200);
        p->xAxis->setLabel(x);
        p->yAxis->setLabel(y);
        p->legend->setVisible(true);
        p->legend->setFont(QFont(p->font().family(), 8));
        return p;
    };
    m_lossPlot = makePlot(tr("Loss"), tr("Step"));
    m_lossPlot->addGraph()->setName(tr("training loss (per step)"));
    m_lossPlot->graph(0)->setPen(QPen(QColor(160, 190, 230)));
    m_lossPlot->addGraph()->setName(tr("smoothed"));
    m_lossPlot->graph(1)->setPen(QPen(QColor(30, 90, 200), 2));
    m_accPlot = makePlot(tr("Accuracy"), tr("Epoch"));
    m_accPlot->addGraph()->setName(tr("training"));
    m_accPlot->graph(0)->setPen(QPen(QColor(30, 90, 200), 2));
    m_accPlot->addGraph()->setName(tr("validation"));
    m_accPlot->graph(1)->setPen(QPen(QColor(220, 100, 20), 2));
    for (int g = 0; g < 2; ++g)
        m_accPlot->graph(g)->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 6));
    m_accPlot->yAxis->setRange(0, 1.02);
    m_progress = new QProgressBar;
    m_progress->setFormat(tr("idle"));
    m_progress->setTextVisible(true);
    m_log = new QPlainTextEdit;
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(2000);
    m_log->setMaximumHeight(110);

    auto *charts = new QVBoxLayout;
    charts->addWidget(m_lossPlot, 1);
    charts->addWidget(m_accPlot, 1);
    charts->addWidget(m_progress);
    charts->addWidget(m_log);
    auto *layout = new QHBoxLayout(this);
    layout->addWidget(formBox);
    layout->addLayout(charts, 1);

    // Steps can arrive thousands of times a second on a GPU: redraw at most 10 times a second.
    m_replot = new QTimer(this);
    m_replot->setInterval(100);
    connect(m_replot, &QTimer::timeout, this, &TrainView::replot);
    m_replot->start();

    connect(m_start, &QPushButton::clicked, this, &TrainView::start);
    connect(m_stop, &QPushButton::clicked, m_session, &TrainingSession::stop);
    connect(m_session, &TrainingSession::step, this, &TrainView::onStep);
    connect(m_session, &TrainingSession::epoch, this, &TrainView::onEpoch);
    connect(m_session, &TrainingSession::progress, this, [this](const QString &stage, qint64 done, qint64 total) {
        m_progress->setMaximum(static_cast<int>(total));
        m_progress->setValue(static_cast<int>(done));
        m_progress->setFormat(tr("%1: %2 of %3").arg(stage).arg(done).arg(total));
    });
    connect(m_session, &TrainingSession::log, this, [this](const QString &s) { m_log->appendPlainText(s); });
    connect(m_session, &TrainingSession::finished, this, [this](const QString &run, const QString &status) {
        m_start->setEnabled(true);
        m_stop->setEnabled(false);
        m_log->appendPlainText(tr("Run %1: %2").arg(run, status));
        m_progress->setFormat(tr("finished (%1)").arg(status));
        Q_EMIT runFinished(run);
    });
    connect(m_session, &TrainingSession::failed, this, [this](const QString &message) {
        m_start->setEnabled(true);
        m_stop->setEnabled(false);
        m_log->appendPlainText(tr("Training failed: %1").arg(message));
        m_progress->setFormat(tr("failed"));
    });
}

void TrainView::setDataset(const QString &folder) { m_data->setText(folder); }
void TrainView::setModel(const QString &folder) { m_model->setText(folder); }
void TrainView::setRunFolder(const QString &folder) { m_out->setText(folder); }

void TrainView::applyDemoRecipe()
{
    m_epochs->setValue(4);
    m_lr->setValue(1e-3);
    m_warmup->setValue(20);
    m_batch->setValue(16);
}

TrainRequest TrainView::request() const
{
    TrainRequest r;
    r.data = m_data->text();
    r.model = m_model->text();
    r.out = m_out->text();
    if (r.out.isEmpty())
        r.out = QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
                    .filePath(QStringLiteral("runs/") + QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")));
    r.epochs = m_epochs->value();
    r.batchSize = m_batch->value();
    r.lr = m_lr->value();
    r.warmupSteps = m_warmup->value();
    r.weightDecay = m_weightDecay->value();
    r.seed = static_cast<qulonglong>(m_seed->value());
    return r;
}

void TrainView::start()
{
    m_steps.clear();
    m_losses.clear();
    m_smoothed.clear();
    m_epochNumbers.clear();
    m_trainAcc.clear();
    m_valAcc.clear();
    m_trainLoss.clear();
    m_valLoss.clear();
    m_dirty = true;
    m_start->setEnabled(false);
    m_stop->setEnabled(true);
    const TrainRequest r = request();
    m_log->appendPlainText(tr("Starting run in %1").arg(r.out));
    m_session->start(r);
}

void TrainView::onStep(const StepPoint &p)
{
    m_steps << static_cast<double>(p.step);
    m_losses << p.loss;
    m_smoothed << (m_smoothed.isEmpty() ? p.loss : 0.9 * m_smoothed.last() + 0.1 * p.loss); // EMA, as TensorBoard
    m_progress->setMaximum(static_cast<int>(p.totalSteps));
    m_progress->setValue(static_cast<int>(p.step));
    const int eta = static_cast<int>(p.etaSeconds);
    m_progress->setFormat(tr("epoch %1 · step %2/%3 · %4 images/s · ETA %5:%6")
                              .arg(p.epoch)
                              .arg(p.step)
                              .arg(p.totalSteps)
                              .arg(p.imagesPerSecond, 0, 'f', 1)
                              .arg(eta / 60)
                              .arg(eta % 60, 2, 10, QLatin1Char('0')));
    m_dirty = true;
}

void TrainView::onEpoch(const EpochPoint &p)
{
    m_epochNumbers << p.epoch;
    m_trainAcc << (p.hasTrain ? p.trainAccuracy : qQNaN());
    m_valAcc << p.valAccuracy;
    m_trainLoss << (p.hasTrain ? p.trainLoss : qQNaN());
    m_valLoss << p.valLoss;
    m_log->appendPlainText(tr("Epoch %1: validation accuracy %2, loss %3%4")
                               .arg(p.epoch)
                               .arg(p.valAccuracy, 0, 'f', 4)
                               .arg(p.valLoss, 0, 'f', 4)
                               .arg(p.best ? tr(" — best so far") : QString()));
    m_dirty = true;
}

void TrainView::replot()
{
    if (!m_dirty)
        return;
    m_dirty = false;
    m_lossPlot->graph(0)->setData(m_steps, m_losses, true);
    m_lossPlot->graph(1)->setData(m_steps, m_smoothed, true);
    m_lossPlot->rescaleAxes();
    m_accPlot->graph(0)->setData(m_epochNumbers, m_trainAcc, true);
    m_accPlot->graph(1)->setData(m_epochNumbers, m_valAcc, true);
    m_accPlot->xAxis->setRange(0.5, std::max<double>(m_epochNumbers.size(), 1) + 0.5);
    m_lossPlot->replot(QCustomPlot::rpQueuedReplot);
    m_accPlot->replot(QCustomPlot::rpQueuedReplot);
}

QVector<double> TrainView::plottedStepLosses() const
{
    QVector<double> out;
    for (auto it = m_lossPlot->graph(0)->data()->constBegin(); it != m_lossPlot->graph(0)->data()->constEnd(); ++it)
        out << it->value;
    return out;
}

QVector<double> TrainView::plottedValAccuracy() const
{
    QVector<double> out;
    for (auto it = m_accPlot->graph(1)->data()->constBegin(); it != m_accPlot->graph(1)->data()->constEnd(); ++it)
        out << it->value;
    return out;
}

} // namespace vitscope

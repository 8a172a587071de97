#include "ui/train_view.h"

#include "config/config_fields.h"
#include "session/run_results.h"
#include "session/training_session.h"
#include "ui/core_messages.h"
#include "ui/theme.h"
#include "ui/run_list_model.h"

#include "ui/plot.h"

#include <QLocale>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QListView>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <cmath>

namespace vitscope {
namespace {

QCustomPlot *makePlot(const QString &y, const QString &x)
{
    auto *p = newPlot(y, x);
    p->setMinimumHeight(150);
    // The legend in a row of its own below the axes, so it never hides a point.
    p->legend->setVisible(true);
    p->axisRect()->insetLayout()->take(p->legend);
    p->axisRect()->insetLayout()->simplify();
    p->plotLayout()->addElement(1, 0, p->legend);
    p->plotLayout()->setRowStretchFactor(1, 0.001);
    p->legend->setFillOrder(QCPLegend::foColumnsFirst);
    p->legend->setBorderPen(Qt::NoPen);
    p->legend->setBrush(Qt::NoBrush);
    p->legend->setMargins(QMargins(4, 0, 4, 2));
    return p;
}

QCPGraph *addGraph(QCustomPlot *plot, const QString &name, QColor color, double width, bool markers, QCPAxis *valueAxis = nullptr)
{
    auto *g = valueAxis ? plot->addGraph(plot->xAxis, valueAxis) : plot->addGraph();
    g->setName(name);
    g->setPen(QPen(color, width));
    if (markers)
        g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 6));
    return g;
}

QCPItemStraightLine *bestMarker(QCustomPlot *plot)
{
    auto *line = new QCPItemStraightLine(plot);
    line->setPen(QPen(QColor(40, 160, 60), 1.5, Qt::DashLine));
    line->setVisible(false);
    return line;
}

// Epochs are whole numbers: ticks at 1, 2, 3, ... (or multiples of them on long runs), never 2.5.
void wholeEpochTicks(QCustomPlot *plot)
{
    QSharedPointer<QCPAxisTickerFixed> ticker(new QCPAxisTickerFixed);
    ticker->setTickStep(1);
    ticker->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    plot->xAxis->setTicker(ticker);
}

QVector<double> graphValues(const QCPGraph *graph)
{
    QVector<double> out;
    for (auto it = graph->data()->constBegin(); it != graph->data()->constEnd(); ++it)
        out << it->value;
    return out;
}

} // namespace

TrainView::TrainView(TrainingSession *session, QWidget *parent)
    : QWidget(parent), m_session(session), m_runs(new RunListModel(this))
{
    m_stepPlot = makePlot(tr("Loss"), tr("Step"));
    m_stepPlot->yAxis2->setVisible(true);
    m_stepPlot->yAxis2->setLabel(tr("Learning rate"));
    applyPalette(m_stepPlot); // the right axis too
    addGraph(m_stepPlot, tr("training loss (per step)"), QColor(160, 190, 230), 1, false);
    addGraph(m_stepPlot, tr("smoothed"), QColor(30, 90, 200), 2, false);
    addGraph(m_stepPlot, tr("learning rate"), QColor(150, 150, 150), 1, false, m_stepPlot->yAxis2);
    m_lossPlot = makePlot(tr("Loss"), tr("Epoch"));
    addGraph(m_lossPlot, tr("training"), QColor(30, 90, 200), 2, true);
    addGraph(m_lossPlot, tr("validation"), QColor(220, 100, 20), 2, true);
    m_accPlot = makePlot(tr("Accuracy"), tr("Epoch"));
    addGraph(m_accPlot, tr("training"), QColor(30, 90, 200), 2, true);
    addGraph(m_accPlot, tr("validation"), QColor(220, 100, 20), 2, true);
    m_accPlot->yAxis->setRange(0, 1.02);
    wholeEpochTicks(m_lossPlot);
    wholeEpochTicks(m_accPlot);
    m_bestLoss = bestMarker(m_lossPlot);
    m_bestAcc = bestMarker(m_accPlot);

    m_progress = new QProgressBar;
    m_progress->setFormat(tr("idle"));
    m_progress->setTextVisible(true);
    m_progress->setValue(0); // below its minimum (as constructed) a bar draws no text at all
    m_log = new QPlainTextEdit;
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(2000);
    m_log->setMaximumHeight(100);

    auto *epochPlots = new QHBoxLayout;
    epochPlots->addWidget(m_lossPlot);
    epochPlots->addWidget(m_accPlot);
    auto *charts = new QVBoxLayout;
    charts->addWidget(m_stepPlot, 1);
    charts->addLayout(epochPlots, 1);
    charts->addWidget(m_progress);
    charts->addWidget(m_log);
    auto *layout = new QHBoxLayout(this);
    layout->addWidget(buildForm());
    bindForm();
    setFormConfig(JobConfig{}); // the defaults, from their one declaration
    layout->addLayout(charts, 1);

    // Steps can arrive thousands of times a second on a GPU: redraw at most 10 times a second.
    m_replot = new QTimer(this);
    m_replot->setInterval(100);
    connect(m_replot, &QTimer::timeout, this, &TrainView::replot);
    m_replot->start();

    connect(m_session, &TrainingSession::step, this, &TrainView::onStep);
    connect(m_session, &TrainingSession::epoch, this, &TrainView::onEpoch);
    connect(m_session, &TrainingSession::progress, this, [this](const QString &stage, qint64 done, qint64 total) {
        m_progress->setMaximum(static_cast<int>(total));
        m_progress->setValue(static_cast<int>(done));
        m_progress->setFormat(tr("%1: %2 of %3").arg(coreMessageText(stage)).arg(done).arg(total));
    });
    connect(m_session, &TrainingSession::log, this, [this](const QString &s) { m_log->appendPlainText(coreMessageText(s)); });
    connect(m_session, &TrainingSession::finished, this, [this](const QString &run, RunStatus status) {
        setRunning(false);
        m_resume->setEnabled(status == RunStatus::Stopped); // the run in the form is the stopped one
        m_log->appendPlainText(tr("Run %1: %2").arg(run, RunListModel::statusText(status)));
        m_progress->setFormat(status == RunStatus::Stopped ? tr("Stopped: resumable") : tr("Finished"));
        refreshRuns();
        Q_EMIT runFinished(run);
    });
    connect(m_session, &TrainingSession::checkpointDamaged, this, [this](const QString &run, const QString &message, int bestEpoch) {
        setRunning(false);
        m_log->appendPlainText(tr("Training failed: %1").arg(message));
        refreshRuns();
        offerBestCheckpoint(run, message, bestEpoch);
    });
    connect(m_session, &TrainingSession::failed, this, [this](const QString &message) {
        setRunning(false);
        m_log->appendPlainText(tr("Training failed: %1").arg(coreMessageText(message)));
        m_progress->setFormat(tr("Failed: see the log"));
        refreshRuns();
    });
    loadSettings();
}

TrainView::~TrainView()
{
    saveSettings();
}

void TrainView::setDataset(const QString &folder) { m_data->setText(folder); }
void TrainView::setModel(const QString &folder) { m_model->setText(folder); }
void TrainView::setRunFolder(const QString &folder) { m_out->setText(folder); }

void TrainView::setRunsDirectory(const QString &folder)
{
    m_runsDirectory = folder;
    refreshRuns();
}

void TrainView::setRunning(bool running)
{
    m_start->setEnabled(!running);
    m_stop->setEnabled(running);
    m_resume->setEnabled(false);
}

void TrainView::clearCharts()
{
    for (auto *v : {&m_steps, &m_losses, &m_smoothed, &m_lrs, &m_epochNumbers, &m_trainLoss, &m_valLoss, &m_trainAcc, &m_valAcc})
        v->clear();
    m_bestEpoch = 0;
    m_dirty = true;
}

void TrainView::start()
{
    const TrainJob j = job();
    const auto &split = j.config.data.split;
    if (std::abs(split.train + split.val + split.test - 1.0) > 1e-6) {
        m_log->appendPlainText(tr("The split shares add up to %1; they must add up to 1.").arg(split.train + split.val + split.test));
        return;
    }
    if (!confirmRecipe(j.config))
        return;
    const TrainJob confirmed = job(); // the suggested recipe, when the user took it
    saveSettings();
    clearCharts();
    setRunning(true);
    const QString out = QString::fromStdString(confirmed.out);
    m_out->setText(out);
    m_log->appendPlainText(tr("Starting run in %1").arg(out));
    m_session->start(confirmed);
}

void TrainView::resume()
{
    resumeRun(ResumePoint::Last);
}

void TrainView::resumeRun(ResumePoint from)
{
    TrainJob j; // the worker reads the run's own configuration
    j.resume = true;
    j.resumeFrom = from;
    j.out = m_out->text().toStdString();
    const RunHistory history = loadRunHistory(m_out->text());
    showHistory(history); // the resumed run continues these charts
    setRunning(true);
    m_runs->markRunning(m_out->text());
    m_log->appendPlainText(tr("Resuming run %1").arg(m_out->text()));
    m_session->start(j);
}

void TrainView::refreshRuns()
{
    if (m_runsDirectory.isEmpty())
        return;
    // Reading every run's metrics.jsonl can take a while: off the GUI thread.
    auto *watcher = new QFutureWatcher<QVector<RunHistory>>(this);
    connect(watcher, &QFutureWatcher<QVector<RunHistory>>::finished, this, [this, watcher] {
        m_runs->setRuns(watcher->result());
        watcher->deleteLater();
    });
    watcher->setFuture(QtConcurrent::run([dir = m_runsDirectory] {
        QVector<RunHistory> runs;
        for (const auto &r : findRuns(dir))
            runs << loadRunHistory(r);
        return runs;
    }));
}

void TrainView::selectRun(const RunHistory &run)
{
    if (m_session->isRunning()) {
        // The charts follow the training in progress (its steps would land on another run's lines),
        // and the form and run folder stay the running job's, for Stop and a later Resume.
        m_log->appendPlainText(tr("Run %1 opens in the Evaluate view; the charts here follow the training in progress.")
                                   .arg(QFileInfo(run.runFolder).fileName()));
        Q_EMIT runSelected(run.runFolder);
        return;
    }
    m_resume->setEnabled(run.resumable);
    showHistory(run);
    if (!run.readable) {
        m_log->appendPlainText(tr("Run %1 cannot be read: %2").arg(QFileInfo(run.runFolder).fileName(), run.message));
    } else if (jobConfigToText(run.config) != jobConfigToText(formConfig())) {
        // The form and the charts describe the same run, so what a user sees is what it trained with.
        setFormConfig(run.config);
        m_log->appendPlainText(tr("The form shows the recipe of run %1; Start trains a new run with it.").arg(QFileInfo(run.runFolder).fileName()));
    }
    m_out->setText(run.runFolder); // Resume continues it; Start makes a new folder beside it
    Q_EMIT runSelected(run.runFolder);
}

void TrainView::showHistory(const RunHistory &history)
{
    clearCharts();
    for (const auto &s : history.steps)
        onStep(s);
    for (const auto &e : history.epochs)
        addEpoch(e); // plotted; the log already told them when they happened
    m_progress->setFormat(tr("Run %1: %2").arg(QFileInfo(history.runFolder).fileName(), RunListModel::statusText(history)));
    m_progress->setRange(0, 1);
    m_progress->setValue(isResumable(history.status) ? 0 : 1); // full only for a run that has ended for good
}

void TrainView::onStep(const StepPoint &p)
{
    // A resume goes back to its checkpoint: the steps plotted after it (from the run's history) are
    // trained again, and their new points replace the old ones instead of doubling the line.
    while (!m_steps.isEmpty() && m_steps.last() >= static_cast<double>(p.step))
        for (auto *v : {&m_steps, &m_losses, &m_smoothed, &m_lrs})
            v->removeLast();
    m_steps << static_cast<double>(p.step);
    m_losses << p.loss;
    m_smoothed << (m_smoothed.isEmpty() ? p.loss : 0.9 * m_smoothed.last() + 0.1 * p.loss); // EMA, as TensorBoard
    m_lrs << p.lr;
    if (p.totalSteps > 0) {
        m_progress->setMaximum(static_cast<int>(p.totalSteps));
        m_progress->setValue(static_cast<int>(p.step));
        const int eta = static_cast<int>(p.etaSeconds);
        m_progress->setFormat(tr("epoch %1 · step %2/%3 · %4 images/s · ETA %5:%6")
                                  .arg(p.epoch)
                                  .arg(p.step)
                                  .arg(p.totalSteps)
                                  .arg(QLocale().toString(p.imagesPerSecond, 'f', 1))
                                  .arg(eta / 60)
                                  .arg(eta % 60, 2, 10, QLatin1Char('0')));
    }
    m_dirty = true;
}

void TrainView::onEpoch(const EpochPoint &p)
{
    addEpoch(p);
    m_log->appendPlainText(tr("Epoch %1: validation accuracy %2, loss %3%4")
                               .arg(p.epoch)
                               .arg(QLocale().toString(p.valAccuracy, 'f', 4))
                               .arg(QLocale().toString(p.valLoss, 'f', 4))
                               .arg(p.best ? tr(" — best so far") : QString()));
}

void TrainView::addEpoch(const EpochPoint &p)
{
    while (!m_epochNumbers.isEmpty() && m_epochNumbers.last() >= p.epoch) // as for steps: a resume repeats them
        for (auto *v : {&m_epochNumbers, &m_trainAcc, &m_valAcc, &m_trainLoss, &m_valLoss})
            v->removeLast();
    m_epochNumbers << p.epoch;
    m_trainAcc << (p.hasTrain ? p.trainAccuracy : qQNaN());
    m_valAcc << p.valAccuracy;
    m_trainLoss << (p.hasTrain ? p.trainLoss : qQNaN());
    m_valLoss << p.valLoss;
    m_bestEpoch = p.bestEpoch;
    m_dirty = true;
}

void TrainView::replot()
{
    if (!m_dirty)
        return;
    m_dirty = false;
    m_stepPlot->graph(0)->setData(m_steps, m_losses, true);
    m_stepPlot->graph(1)->setData(m_steps, m_smoothed, true);
    m_stepPlot->graph(2)->setData(m_steps, m_lrs, true);
    m_stepPlot->rescaleAxes();
    m_stepPlot->yAxis2->setRangeLower(0);
    const double epochs = std::max<double>(static_cast<double>(m_epochNumbers.size()), 1.0);
    for (auto *plot : {m_lossPlot, m_accPlot}) {
        const bool loss = plot == m_lossPlot;
        plot->graph(0)->setData(m_epochNumbers, loss ? m_trainLoss : m_trainAcc, true);
        plot->graph(1)->setData(m_epochNumbers, loss ? m_valLoss : m_valAcc, true);
        plot->xAxis->setRange(0.5, epochs + 0.5);
        if (loss) {
            plot->yAxis->rescale();
            plot->yAxis->setRange(0, plot->yAxis->range().upper * 1.08); // room above the first epoch
        }
        auto *marker = loss ? m_bestLoss : m_bestAcc;
        marker->setVisible(m_bestEpoch > 0);
        marker->point1->setCoords(m_bestEpoch, 0);
        marker->point2->setCoords(m_bestEpoch, 1);
    }
    m_accPlot->xAxis->setLabel(m_bestEpoch > 0 ? tr("Epoch (dashed: best, %1)").arg(m_bestEpoch) : tr("Epoch"));
    for (auto *plot : {m_stepPlot, m_lossPlot, m_accPlot})
        plot->replot(QCustomPlot::rpQueuedReplot);
}

QVector<double> TrainView::plottedStepLosses() const
{
    return graphValues(m_stepPlot->graph(0));
}

QVector<double> TrainView::plottedValAccuracy() const
{
    return graphValues(m_accPlot->graph(1));
}

} // namespace vitscope

#include "ui/train_view.h"

#include "session/run_results.h"
#include "session/training_session.h"
#include "ui/theme.h"
#include "ui/run_list_model.h"

#include <qcustomplot.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <cmath>

namespace vitscope {
namespace {

const QStringList kAugmentations = {QStringLiteral("hflip"), QStringLiteral("vflip"), QStringLiteral("rot90"),
                                    QStringLiteral("crop"), QStringLiteral("jitter")};

QCustomPlot *makePlot(const QString &y, const QString &x)
{
    auto *p = newPlot(y, x);
    p->setMinimumHeight(150);
    p->legend->setVisible(true);
    p->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
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

QVector<double> graphValues(const QCPGraph *graph)
{
    QVector<double> out;
    for (auto it = graph->data()->constBegin(); it != graph->data()->constEnd(); ++it)
        out << it->value;
    return out;
}

QDoubleSpinBox *ratioBox(double value)
{
    auto *b = new QDoubleSpinBox;
    b->setRange(0.0, 1.0);
    b->setSingleStep(0.05);
    b->setDecimals(2);
    b->setValue(value);
    return b;
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
    m_accPlot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight); // curves rise to the top
    m_bestLoss = bestMarker(m_lossPlot);
    m_bestAcc = bestMarker(m_accPlot);

    m_progress = new QProgressBar;
    m_progress->setFormat(tr("idle"));
    m_progress->setTextVisible(true);
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
        m_progress->setFormat(tr("%1: %2 of %3").arg(stage).arg(done).arg(total));
    });
    connect(m_session, &TrainingSession::log, this, [this](const QString &s) { m_log->appendPlainText(s); });
    connect(m_session, &TrainingSession::finished, this, [this](const QString &run, const QString &status) {
        setRunning(false);
        m_log->appendPlainText(tr("Run %1: %2").arg(run, RunListModel::statusText(status)));
        m_progress->setFormat(status == QLatin1String("stopped") ? tr("Stopped: resumable") : tr("Finished"));
        refreshRuns();
        Q_EMIT runFinished(run);
    });
    connect(m_session, &TrainingSession::failed, this, [this](const QString &message) {
        setRunning(false);
        m_log->appendPlainText(tr("Training failed: %1").arg(message));
        m_progress->setFormat(tr("Failed: see the log"));
        refreshRuns();
    });
    loadSettings();
}

TrainView::~TrainView()
{
    saveSettings();
}

QWidget *TrainView::buildForm()
{
    m_data = new QLineEdit;
    m_data->setToolTip(tr("A folder with one sub-folder of images per class."));
    m_model = new QLineEdit;
    m_model->setToolTip(tr("A Hugging Face model folder: pretrained (e.g. google/vit-base-patch16-224-in21k), fine-tuned, or config-only to train from scratch."));
    m_out = new QLineEdit;
    m_out->setPlaceholderText(tr("a new folder under the runs folder"));
    m_out->setToolTip(tr("Where the run's checkpoints, metrics and predictions are written. To resume, pick a stopped run in the list."));
    auto spin = [](int lo, int hi, int value, const QString &tip) {
        auto *s = new QSpinBox;
        s->setRange(lo, hi);
        s->setValue(value);
        s->setToolTip(tip);
        return s;
    };
    m_epochs = spin(1, 1000, 5, tr("How many passes over the training images."));
    m_batch = spin(1, 4096, 16, tr("Images per optimisation step. Smaller uses less memory."));
    m_gradAccum = spin(1, 1024, 1, tr("Adds up the gradients of several batches before each step: a larger effective batch in the same memory."));
    m_warmup = spin(0, 1000000, 500, tr("Steps over which the learning rate rises from 0; it then falls linearly to 0."));
    m_seed = spin(0, 1 << 30, 42, tr("Fixes the split, the data order and the initial head: the same seed gives the same run."));
    m_lr = new QDoubleSpinBox;
    m_lr->setDecimals(7);
    m_lr->setRange(1e-7, 1.0);
    m_lr->setSingleStep(1e-5);
    m_lr->setValue(2e-5);
    m_lr->setToolTip(tr("Peak learning rate (AdamW). The notebook used 0.00002."));
    m_weightDecay = new QDoubleSpinBox;
    m_weightDecay->setDecimals(4);
    m_weightDecay->setValue(0.01);
    m_weightDecay->setToolTip(tr("Shrinks weights a little each step; not applied to biases and LayerNorm weights."));
    m_train = ratioBox(0.70);
    m_val = ratioBox(0.15);
    m_test = ratioBox(0.15);
    for (auto *b : {m_train, m_val, m_test})
        b->setToolTip(tr("Shares of every class for training, validation (selects the best epoch) and test (reported at the end). They must add up to 1."));
    m_device = new QComboBox;
    m_device->addItem(tr("Automatic (GPU if present)"), QStringLiteral("auto"));
    m_device->addItem(tr("CPU"), QStringLiteral("cpu"));
    m_device->addItem(tr("CUDA GPU"), QStringLiteral("cuda"));
    m_precision = new QComboBox;
    m_precision->addItem(tr("fp32 (exact)"), QStringLiteral("fp32"));
    m_precision->addItem(tr("bf16 (GPU, faster)"), QStringLiteral("bf16"));
    m_precision->setToolTip(tr("bf16 mixed precision keeps fp32 master weights; it needs a recent NVIDIA GPU."));
    m_metric = new QComboBox;
    m_metric->addItem(tr("accuracy"), QStringLiteral("accuracy"));
    m_metric->addItem(tr("weighted F1"), QStringLiteral("weighted_f1"));
    m_metric->addItem(tr("macro F1"), QStringLiteral("macro_f1"));
    m_metric->addItem(tr("validation loss"), QStringLiteral("loss"));
    m_metric->setToolTip(tr("Which validation metric picks the best epoch."));
    auto *augmentRow = new QGridLayout; // two rows: the labels are long in some languages
    const QStringList augmentNames = {tr("h-flip"), tr("v-flip"), tr("90° turns"), tr("crop"), tr("colour")};
    for (int i = 0; i < kAugmentations.size(); ++i) {
        auto *box = new QCheckBox(augmentNames[i]);
        box->setToolTip(tr("Random, seeded changes to training images (off in the notebook)."));
        m_augment << box;
        augmentRow->addWidget(box, i / 3, i % 3);
    }
    auto *ratios = new QHBoxLayout;
    ratios->addWidget(m_train);
    ratios->addWidget(m_val);
    ratios->addWidget(m_test);

    auto *form = new QFormLayout;
    form->addRow(tr("&Data set:"), m_data);
    form->addRow(tr("&Model:"), m_model);
    form->addRow(tr("&Run folder:"), m_out);
    form->addRow(tr("&Epochs:"), m_epochs);
    form->addRow(tr("&Batch size:"), m_batch);
    form->addRow(tr("Gradient &accumulation:"), m_gradAccum);
    form->addRow(tr("&Learning rate:"), m_lr);
    form->addRow(tr("&Warmup steps:"), m_warmup);
    form->addRow(tr("Weight &decay:"), m_weightDecay);
    form->addRow(tr("Split train/val/test:"), ratios);
    form->addRow(tr("Best epoch &by:"), m_metric);
    form->addRow(tr("De&vice:"), m_device);
    form->addRow(tr("&Precision:"), m_precision);
    form->addRow(tr("Augment:"), augmentRow);
    form->addRow(tr("&Seed:"), m_seed);
    m_start = new QPushButton(tr("&Start training"));
    m_stop = new QPushButton(tr("S&top"));
    m_stop->setToolTip(tr("Stops after the current step and saves a checkpoint you can resume."));
    m_resume = new QPushButton(tr("&Resume"));
    m_resume->setToolTip(tr("Continues the stopped run selected in the list from its last checkpoint."));
    m_stop->setEnabled(false);
    m_resume->setEnabled(false);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_start);
    buttons->addWidget(m_stop);
    buttons->addWidget(m_resume);
    auto *recipe = new QGroupBox(tr("Recipe"));
    auto *recipeLayout = new QVBoxLayout(recipe);
    recipeLayout->addLayout(form);
    recipeLayout->addLayout(buttons);

    m_runList = new QListView;
    m_runList->setModel(m_runs);
    m_runList->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto *runsBox = new QGroupBox(tr("Runs"));
    auto *runsLayout = new QVBoxLayout(runsBox);
    runsLayout->addWidget(m_runList);

    auto *panel = new QWidget;
    panel->setMinimumWidth(430);
    panel->setMaximumWidth(520);
    auto *panelLayout = new QVBoxLayout(panel);
    panelLayout->setContentsMargins(0, 0, 0, 0);
    panelLayout->addWidget(recipe);
    panelLayout->addWidget(runsBox, 1);

    connect(m_start, &QPushButton::clicked, this, &TrainView::start);
    connect(m_stop, &QPushButton::clicked, m_session, &TrainingSession::stop);
    connect(m_resume, &QPushButton::clicked, this, &TrainView::resume);
    connect(m_runList, &QListView::clicked, this, [this](const QModelIndex &index) {
        const RunHistory &run = m_runs->run(index.row());
        m_resume->setEnabled(run.resumable && !m_session->isRunning());
        m_out->setText(run.runFolder);
        showHistory(run);
        Q_EMIT runSelected(run.runFolder);
    });
    return panel;
}

void TrainView::setDataset(const QString &folder) { m_data->setText(folder); }
void TrainView::setModel(const QString &folder) { m_model->setText(folder); }
void TrainView::setRunFolder(const QString &folder) { m_out->setText(folder); }

void TrainView::setRunsDirectory(const QString &folder)
{
    m_runsDirectory = folder;
    refreshRuns();
}

void TrainView::applyDemoRecipe()
{
    m_epochs->setValue(12);
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
    if (r.out.isEmpty() || QFile::exists(QDir(r.out).filePath(QStringLiteral("run.json"))))
        r.out = QDir(m_runsDirectory).filePath(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")));
    r.epochs = m_epochs->value();
    r.batchSize = m_batch->value();
    r.gradAccum = m_gradAccum->value();
    r.lr = m_lr->value();
    r.warmupSteps = m_warmup->value();
    r.weightDecay = m_weightDecay->value();
    r.trainRatio = m_train->value();
    r.valRatio = m_val->value();
    r.testRatio = m_test->value();
    r.metric = m_metric->currentData().toString();
    r.device = m_device->currentData().toString();
    r.precision = m_precision->currentData().toString();
    for (int i = 0; i < m_augment.size(); ++i)
        if (m_augment[i]->isChecked())
            r.augment << kAugmentations[i];
    r.seed = static_cast<qulonglong>(m_seed->value());
    return r;
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
    const TrainRequest r = request();
    if (std::abs(r.trainRatio + r.valRatio + r.testRatio - 1.0) > 1e-6) {
        m_log->appendPlainText(tr("The split shares add up to %1; they must add up to 1.").arg(r.trainRatio + r.valRatio + r.testRatio));
        return;
    }
    saveSettings();
    clearCharts();
    setRunning(true);
    m_out->setText(r.out);
    m_log->appendPlainText(tr("Starting run in %1").arg(r.out));
    m_session->start(r);
}

void TrainView::resume()
{
    TrainRequest r;
    r.resume = true;
    r.out = m_out->text();
    const RunHistory history = loadRunHistory(r.out);
    showHistory(history); // the resumed run continues these charts
    setRunning(true);
    m_log->appendPlainText(tr("Resuming run %1").arg(r.out));
    m_session->start(r);
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

void TrainView::showHistory(const RunHistory &history)
{
    clearCharts();
    for (const auto &s : history.steps)
        onStep(s);
    for (const auto &e : history.epochs)
        onEpoch(e);
    m_progress->setFormat(tr("Run %1: %2").arg(QFileInfo(history.runFolder).fileName(), RunListModel::statusText(history.status)));
}

void TrainView::onStep(const StepPoint &p)
{
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
                                  .arg(p.imagesPerSecond, 0, 'f', 1)
                                  .arg(eta / 60)
                                  .arg(eta % 60, 2, 10, QLatin1Char('0')));
    }
    m_dirty = true;
}

void TrainView::onEpoch(const EpochPoint &p)
{
    m_epochNumbers << p.epoch;
    m_trainAcc << (p.hasTrain ? p.trainAccuracy : qQNaN());
    m_valAcc << p.valAccuracy;
    m_trainLoss << (p.hasTrain ? p.trainLoss : qQNaN());
    m_valLoss << p.valLoss;
    m_bestEpoch = p.bestEpoch;
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

void TrainView::loadSettings()
{
    QSettings s;
    s.beginGroup(QStringLiteral("train"));
    m_epochs->setValue(s.value(QStringLiteral("epochs"), m_epochs->value()).toInt());
    m_batch->setValue(s.value(QStringLiteral("batch"), m_batch->value()).toInt());
    m_gradAccum->setValue(s.value(QStringLiteral("gradAccum"), m_gradAccum->value()).toInt());
    m_lr->setValue(s.value(QStringLiteral("lr"), m_lr->value()).toDouble());
    m_warmup->setValue(s.value(QStringLiteral("warmup"), m_warmup->value()).toInt());
    m_weightDecay->setValue(s.value(QStringLiteral("weightDecay"), m_weightDecay->value()).toDouble());
    m_seed->setValue(s.value(QStringLiteral("seed"), m_seed->value()).toInt());
    m_train->setValue(s.value(QStringLiteral("trainRatio"), m_train->value()).toDouble());
    m_val->setValue(s.value(QStringLiteral("valRatio"), m_val->value()).toDouble());
    m_test->setValue(s.value(QStringLiteral("testRatio"), m_test->value()).toDouble());
    for (auto *combo : {m_device, m_precision, m_metric}) {
        const int i = combo->findData(s.value(QStringLiteral("combo%1").arg(combo == m_device ? 0 : combo == m_precision ? 1 : 2)));
        if (i >= 0)
            combo->setCurrentIndex(i);
    }
    const QStringList augment = s.value(QStringLiteral("augment")).toStringList();
    for (int i = 0; i < m_augment.size(); ++i)
        m_augment[i]->setChecked(augment.contains(kAugmentations[i]));
}

void TrainView::saveSettings() const
{
    const TrainRequest r = request();
    QSettings s;
    s.beginGroup(QStringLiteral("train"));
    s.setValue(QStringLiteral("epochs"), r.epochs);
    s.setValue(QStringLiteral("batch"), r.batchSize);
    s.setValue(QStringLiteral("gradAccum"), r.gradAccum);
    s.setValue(QStringLiteral("lr"), r.lr);
    s.setValue(QStringLiteral("warmup"), r.warmupSteps);
    s.setValue(QStringLiteral("weightDecay"), r.weightDecay);
    s.setValue(QStringLiteral("seed"), m_seed->value());
    s.setValue(QStringLiteral("trainRatio"), r.trainRatio);
    s.setValue(QStringLiteral("valRatio"), r.valRatio);
    s.setValue(QStringLiteral("testRatio"), r.testRatio);
    s.setValue(QStringLiteral("combo0"), r.device);
    s.setValue(QStringLiteral("combo1"), r.precision);
    s.setValue(QStringLiteral("combo2"), r.metric);
    s.setValue(QStringLiteral("augment"), r.augment);
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

// TrainView's form: the recipe fields, the request they make, and their persistence in QSettings.
#include "ui/train_view.h"

#include "session/run_results.h"
#include "session/training_session.h"
#include "ui/run_list_model.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

namespace vitscope {
namespace {

const QStringList kAugmentations = {QStringLiteral("hflip"), QStringLiteral("vflip"), QStringLiteral("rot90"),
                                    QStringLiteral("crop"), QStringLiteral("jitter")};

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

} // namespace vitscope

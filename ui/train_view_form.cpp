// TrainView's form: the recipe fields, bound to the job configuration's field table; the job they
// make; and their persistence in QSettings (the configuration's own JSON).
#include "ui/train_view.h"

#include "config/config_fields.h"

#include <nlohmann/json.hpp>

#include "session/run_results.h"
#include "ui/estimate_panel.h"
#include "session/training_session.h"
#include "ui/run_list_model.h"
#include "ui/icons.h"

#include <QCheckBox>
#include <QScrollArea>
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
#include <QTabBar>
#include <QTabWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace vitscope {
namespace {

const QString kSettingsKey = QStringLiteral("train/config");

QDoubleSpinBox *ratioBox()
{
    auto *b = new QDoubleSpinBox;
    b->setRange(0.0, 1.0);
    b->setSingleStep(0.05);
    b->setDecimals(2);
    return b;
}

const FieldSpec &spec(const char *path)
{
    const FieldSpec *f = findField(path);
    Q_ASSERT(f);
    return *f;
}

// A spin box whose range is the field's.
QSpinBox *fieldSpin(const char *path, const QString &tip)
{
    const FieldSpec &f = spec(path);
    auto *s = new QSpinBox;
    s->setRange(static_cast<int>(f.min), static_cast<int>(std::min<double>(f.max, 1 << 30)));
    s->setToolTip(tip);
    return s;
}

} // namespace

QWidget *TrainView::buildForm()
{
    m_data = new QLineEdit;
    m_data->setToolTip(tr("A folder with one sub-folder of images per class."));
    m_model = new QLineEdit;
    m_model->setToolTip(tr("A Hugging Face model folder: pretrained (e.g. google/vit-base-patch16-224-in21k), fine-tuned, or config-only to train from scratch."));
    m_out = new QLineEdit;
    m_out->setObjectName(QStringLiteral("runFolder"));
    m_out->setPlaceholderText(tr("a new folder under the runs folder"));
    m_out->setToolTip(tr("Where the run's checkpoints, metrics and predictions are written. To resume, pick a stopped run in the list."));
    m_epochs = fieldSpin("train.epochs", tr("How many passes over the training images."));
    m_batch = fieldSpin("train.batch_size", tr("Images per optimisation step. Smaller uses less memory."));
    m_gradAccum = fieldSpin("train.grad_accum", tr("Adds up the gradients of several batches before each step: a larger effective batch in the same memory."));
    m_warmup = fieldSpin("train.warmup_steps", tr("Steps over which the learning rate rises from 0; it then falls linearly to 0."));
    m_seed = fieldSpin("train.seed", tr("Fixes the split, the data order and the initial head: the same seed gives the same run."));
    m_seed->setRange(0, 1 << 30);
    m_lr = new QDoubleSpinBox;
    m_lr->setDecimals(7);
    m_lr->setRange(1e-7, 1.0);
    m_lr->setSingleStep(1e-5);
    m_lr->setToolTip(tr("Peak learning rate (AdamW). The notebook used 0.00002."));
    m_weightDecay = new QDoubleSpinBox;
    m_weightDecay->setDecimals(4);
    m_weightDecay->setToolTip(tr("Shrinks weights a little each step; not applied to biases and LayerNorm weights."));
    m_train = ratioBox();
    m_val = ratioBox();
    m_test = ratioBox();
    for (auto *b : {m_train, m_val, m_test})
        b->setToolTip(tr("Shares of every class for training, validation (selects the best epoch) and test (reported at the end). They must add up to 1."));
    m_device = new QComboBox;
    m_device->addItem(tr("Automatic (GPU if present)"), QStringLiteral("auto"));
    m_device->addItem(tr("CPU"), QStringLiteral("cpu"));
    m_device->addItem(tr("CUDA GPU"), QStringLiteral("cuda"));
    m_precision = new QComboBox;
    m_precision->addItem(tr("fp32 (exact)"), QStringLiteral("fp32"));
    m_precision->addItem(tr("bf16 (faster)"), QStringLiteral("bf16"));
    m_precision->addItem(tr("Automatic (bf16 where native)"), QStringLiteral("auto"));
    m_precision->setToolTip(tr("bf16 mixed precision computes in 16-bit floats and keeps fp32 master weights: two to three times "
                               "faster where the hardware has it (an NVIDIA GPU, or a CPU with AMX or AVX512-BF16), with "
                               "probabilities within about 1 %. fp32 computes exactly what transformers computes."));
    m_metric = new QComboBox;
    for (const auto &name : choiceNames<Metric>())
        m_metric->addItem(RunListModel::metricText(parseChoice<Metric>(name, "metric")), QString::fromStdString(name));
    m_metric->setToolTip(tr("Which validation metric picks the best epoch."));
    m_fineTune = new QComboBox;
    m_fineTune->addItem(tr("Whole network"), QStringLiteral("full"));
    m_fineTune->addItem(tr("Last 2 blocks"), QStringLiteral("last:2"));
    m_fineTune->addItem(tr("Last block"), QStringLiteral("last:1"));
    m_fineTune->addItem(tr("Classifier only (linear probe)"), QStringLiteral("head"));
    m_fineTune->setToolTip(tr("<p>Which part of the network learns. <b>Whole network</b> (the notebook's) trains every weight: the best "
                              "accuracy, and on a CPU hours for ViT-B/16.</p><p><b>Last blocks</b> train the last encoder blocks and the "
                              "classifier; the rest keeps its pretrained weights. Several times faster, usually a little less accurate.</p>"
                              "<p><b>Classifier only</b> trains just the final layer on the pretrained features: minutes on a CPU; on "
                              "medical images about two points below training the whole network. It needs a pretrained model.</p>"));
    auto *augmentRow = new QGridLayout; // two rows: the labels are long in some languages
    const QStringList augmentNames = {tr("h-flip"), tr("v-flip"), tr("90° turns"), tr("crop"), tr("colour")};
    for (int i = 0; i < augmentNames.size(); ++i) {
        auto *box = new QCheckBox(augmentNames[i]);
        box->setToolTip(tr("Random, seeded changes to training images (off in the notebook)."));
        m_augment << box;
        augmentRow->addWidget(box, i / 2, i % 2); // two a row: the Turkish labels do not fit three
    }
    auto *ratios = new QHBoxLayout;
    ratios->addWidget(m_train);
    ratios->addWidget(m_val);
    ratios->addWidget(m_test);

    auto *form = new QFormLayout;
    form->addRow(tr("D&ata set:"), m_data);
    form->addRow(tr("Mode&l:"), m_model);
    form->addRow(tr("Run folder:"), m_out);
    form->addRow(tr("Epo&chs:"), m_epochs);
    form->addRow(tr("&Batch size:"), m_batch);
    form->addRow(tr("Gradient accumulation:"), m_gradAccum);
    form->addRow(tr("Learnin&g rate:"), m_lr);
    form->addRow(tr("&Warmup steps:"), m_warmup);
    form->addRow(tr("Weight decay:"), m_weightDecay);
    form->addRow(tr("Split train/val/test:"), ratios);
    form->addRow(tr("Best epoch b&y:"), m_metric);
    form->addRow(tr("F&ine-tune:"), m_fineTune);
    form->addRow(tr("Device:"), m_device);
    form->addRow(tr("Precisio&n:"), m_precision);
    form->addRow(tr("Augment:"), augmentRow);
    form->addRow(tr("Seed:"), m_seed);
    m_start = new QPushButton(icon(IconId::Run), tr("&Start training"));
    m_stop = new QPushButton(icon(IconId::Stop), tr("St&op"));
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
    recipe->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed); // never squeezed: the runs list gives way
    auto *recipeLayout = new QVBoxLayout(recipe);
    recipeLayout->addLayout(form);

    m_runList = new QListView;
    m_runList->setModel(m_runs);
    m_runList->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_runList->setMinimumHeight(48); // the list shrinks before the recipe form does
    // The runs and the time estimate share the space below the recipe, which is never squeezed.
    m_estimate = new EstimatePanel([this] { return formConfig(); });
    auto *runsBox = new QTabWidget;
    runsBox->addTab(m_runList, tr("R&uns"));
    runsBox->addTab(m_estimate, tr("Ti&me estimate"));
    runsBox->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Ignored); // takes what the recipe leaves

    auto *panel = new QWidget;
    panel->setMinimumWidth(430);
    panel->setMaximumWidth(520);
    auto *panelLayout = new QVBoxLayout(panel);
    panelLayout->setContentsMargins(0, 0, 0, 0);
    // On a short screen (700 pixels) the recipe scrolls, so the runs keep a few rows.
    auto *recipeScroll = new QScrollArea;
    recipeScroll->setWidget(recipe);
    recipeScroll->setWidgetResizable(true);
    recipeScroll->setFrameShape(QFrame::NoFrame);
    recipeScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    recipeScroll->setMaximumHeight(recipe->sizeHint().height() + 2);
    recipeScroll->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    // A few runs in sight; the time estimate's whole table when its tab is chosen, the recipe
    // scrolling to make room.
    const int runsHeight = 4 * m_runList->fontMetrics().height() + 40;
    runsBox->setMinimumHeight(runsHeight);
    auto fit = [this, runsBox, runsHeight] {
        // A box layout gives an item whose size hint is ignored less than its minimum, so the
        // estimate's height is a fixed one.
        if (runsBox->currentWidget() == m_estimate) {
            runsBox->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
            runsBox->setFixedHeight(std::max(runsHeight, m_estimate->minimumSizeHint().height() + runsBox->tabBar()->sizeHint().height() + 16));
        } else {
            runsBox->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Ignored);
            runsBox->setMinimumHeight(runsHeight);
            runsBox->setMaximumHeight(QWIDGETSIZE_MAX);
        }
    };
    connect(runsBox, &QTabWidget::currentChanged, runsBox, fit);
    connect(m_estimate, &EstimatePanel::estimated, runsBox, fit);
    panelLayout->addWidget(recipeScroll, 1);
    panelLayout->addLayout(buttons); // Start, Stop and Resume always in sight
    panelLayout->addWidget(runsBox, 0); // its minimum first; what the recipe leaves when that fits

    connect(m_start, &QPushButton::clicked, this, &TrainView::start);
    connect(m_stop, &QPushButton::clicked, m_session, &TrainingSession::stop);
    connect(m_resume, &QPushButton::clicked, this, &TrainView::resume);
    connect(m_runList, &QListView::clicked, this, [this](const QModelIndex &index) { selectRun(m_runs->run(index.row())); });
    return panel;
}

void TrainView::bindForm()
{
    auto text = [this](QLineEdit *w, const char *path) {
        const FieldSpec &f = spec(path);
        m_bindings.push_back({[w, &f](JobConfig &c) { setField(c, f, w->text().toStdString(), f.path()); },
                              [w, &f](const JobConfig &c) { w->setText(QString::fromStdString(fieldValue(c, f).get<std::string>())); }});
    };
    auto whole = [this](QSpinBox *w, const char *path) {
        const FieldSpec &f = spec(path);
        m_bindings.push_back({[w, &f](JobConfig &c) { setField(c, f, w->value(), f.path()); },
                              [w, &f](const JobConfig &c) { w->setValue(static_cast<int>(fieldValue(c, f).get<int64_t>())); }});
    };
    auto real = [this](QDoubleSpinBox *w, const char *path) {
        const FieldSpec &f = spec(path);
        m_bindings.push_back({[w, &f](JobConfig &c) { setField(c, f, w->value(), f.path()); },
                              [w, &f](const JobConfig &c) { w->setValue(fieldValue(c, f).get<double>()); }});
    };
    auto choice = [this](QComboBox *w, const char *path) {
        const FieldSpec &f = spec(path);
        m_bindings.push_back({[w, &f](JobConfig &c) { setField(c, f, w->currentData().toString().toStdString(), f.path()); },
                              [w, &f](const JobConfig &c) {
                                  const int i = w->findData(QString::fromStdString(fieldValue(c, f).get<std::string>()));
                                  if (i >= 0)
                                      w->setCurrentIndex(i);
                              }});
    };
    text(m_model, "model");
    text(m_data, "data.data");
    whole(m_epochs, "train.epochs");
    whole(m_batch, "train.batch_size");
    whole(m_gradAccum, "train.grad_accum");
    real(m_lr, "train.lr");
    whole(m_warmup, "train.warmup_steps");
    real(m_weightDecay, "train.weight_decay");
    choice(m_metric, "train.metric");
    m_bindings.push_back({[this](JobConfig &c) { c.train.fineTune = parseFineTune(m_fineTune->currentData().toString().toStdString(), "fine_tune"); },
                          [this](const JobConfig &c) {
                              const QString text = QString::fromStdString(fineTuneText(c.train.fineTune));
                              if (m_fineTune->findData(text) < 0) // last:K for another K, from a file
                                  m_fineTune->addItem(fineTuneModeText(c.train.fineTune), text);
                              m_fineTune->setCurrentIndex(m_fineTune->findData(text));
                          }});
    choice(m_device, "train.device");
    choice(m_precision, "train.precision");
    whole(m_seed, "train.seed");
    m_bindings.push_back({[this](JobConfig &c) { c.data.split = {m_train->value(), m_val->value(), m_test->value()}; },
                          [this](const JobConfig &c) {
                              m_train->setValue(c.data.split.train);
                              m_val->setValue(c.data.split.val);
                              m_test->setValue(c.data.split.test);
                          }});
    m_bindings.push_back({[this](JobConfig &c) {
                              c.train.augment.clear();
                              for (int i = 0; i < m_augment.size(); ++i)
                                  if (m_augment[i]->isChecked())
                                      c.train.augment.push_back(static_cast<Augmentation>(i));
                          },
                          [this](const JobConfig &c) {
                              for (int i = 0; i < m_augment.size(); ++i) {
                                  const auto a = static_cast<Augmentation>(i);
                                  m_augment[i]->setChecked(std::find(c.train.augment.begin(), c.train.augment.end(), a) != c.train.augment.end());
                              }
                          }});
}

JobConfig TrainView::formConfig() const
{
    JobConfig c = m_formBase;
    for (const auto &b : m_bindings)
        b.read(c);
    return c;
}

void TrainView::setFormConfig(const JobConfig &config)
{
    m_formBase = config;
    for (const auto &b : m_bindings)
        b.write(config);
}

void TrainView::applyRecipe(const TrainConfig &recipe)
{
    JobConfig c = formConfig();
    c.train.epochs = recipe.epochs;
    c.train.batchSize = recipe.batchSize;
    c.train.lr = recipe.lr;
    c.train.warmupSteps = recipe.warmupSteps;
    setFormConfig(c);
}

TrainJob TrainView::job() const
{
    TrainJob j;
    j.config = formConfig();
    j.out = m_out->text().toStdString();
    if (m_out->text().isEmpty() || QFile::exists(QDir(m_out->text()).filePath(QStringLiteral("run.json"))))
        j.out = QDir(m_runsDirectory).filePath(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"))).toStdString();
    return j;
}

void TrainView::loadSettings()
{
    JobConfig c = formConfig(); // the defaults, with the data set and model already chosen
    const QString saved = QSettings().value(kSettingsKey).toString();
    if (!saved.isEmpty()) {
        try {
            // All but the data set and the model, which follow what the window opens.
            JobConfig stored = jobConfigFromText(saved.toStdString(), "settings");
            stored.model = c.model;
            stored.data.data = c.data.data;
            c = stored;
        } catch (const std::exception &) {
            // Settings from another version: keep the defaults.
        }
    }
    setFormConfig(c);
}

void TrainView::saveSettings() const
{
    QSettings().setValue(kSettingsKey, QString::fromStdString(jobConfigToText(formConfig())));
}

} // namespace vitscope

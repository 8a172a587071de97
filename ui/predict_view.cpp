#include "ui/predict_view.h"

#include "ui/dialog_folders.h"
#include "ui/theme.h"

#include "data/image_formats.h"
#include "session/predictor.h"
#include "ui/csv_export.h"
#include "ui/image_preview.h"
#include "ui/image_reasons.h"
#include "ui/predict_export.h"
#include "ui/probability_chart.h"
#include "ui/trust_text.h"
#include "ui/icons.h"

#include <QLocale>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QDir>
#include <QDirIterator>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QImage>
#include <QLabel>
#include <QListWidget>
#include <QMimeData>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>

#include <algorithm>

namespace vitscope {
namespace {

QStringList imageFilters()
{
    QStringList filters;
    for (const auto &ext : imageExtensions())
        filters << QLatin1Char('*') + QString::fromStdString(ext);
    return filters;
}

QStringList expand(const QStringList &paths)
{
    QStringList out;
    for (const auto &p : paths) {
        if (QFileInfo(p).isDir()) {
            QDirIterator it(p, imageFilters(), QDir::Files, QDirIterator::Subdirectories);
            QStringList files;
            while (it.hasNext())
                files << it.next();
            files.sort();
            out << files;
        } else {
            out << p;
        }
    }
    return out;
}

QString shortcutText(QKeySequence::StandardKey key)
{
    return QKeySequence(key).toString(QKeySequence::NativeText);
}

} // namespace

// A red that reads on the palette in use: on the dark palette's background a lighter one.
QString PredictView::errorColour(const QWidget *widget)
{
    return widget->palette().color(QPalette::Window).lightness() < 128 ? QStringLiteral("#ff6b6b") : QStringLiteral("#c00000");
}

QString PredictView::dropHint()
{
    return PredictView::tr("Drop an endoscopy image here,\nor use Open…, Add… or Paste.");
}

QString PredictView::noModelHint()
{
    return PredictView::tr("Open a trained model (File menu), or train one in the Train view: the listed images are predicted as soon as "
                           "a model is loaded.");
}

PredictView::PredictView(Predictor *predictor, QWidget *parent) : QWidget(parent), m_predictor(predictor)
{
    setAcceptDrops(true);
    auto *notice = new QLabel(researchNotice());
    notice->setObjectName(QStringLiteral("researchNotice"));
    notice->setStyleSheet(QStringLiteral("color: #b35900; font-weight: bold;"));
    m_preview = new ImagePreview;
    m_preview->setImage({}, dropHint());
    m_top = new QLabel;
    m_top->setObjectName(QStringLiteral("topClass"));
    QFont big = m_top->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    m_top->setFont(big);
    m_top->setWordWrap(true);
    m_message = new QLabel;
    m_message->setWordWrap(true);
    m_set = new QLabel;
    m_set->setObjectName(QStringLiteral("predictionSet"));
    m_set->setWordWrap(true);
    m_review = new QLabel;
    m_review->setObjectName(QStringLiteral("reviewFlag"));
    m_review->setWordWrap(true);
    m_calibrationNote = new QLabel;
    m_calibrationNote->setObjectName(QStringLiteral("calibrationNote"));
    m_calibrationNote->setWordWrap(true);
    // An untrained head predicts noise: say so for as long as that model is loaded.
    m_modelWarning = new QLabel;
    m_modelWarning->setWordWrap(true);
    m_modelWarning->setVisible(false);
    m_chart = new ProbabilityChart;
    m_list = new QListWidget;
    m_list->setObjectName(QStringLiteral("results"));
    m_list->setMaximumHeight(140);

    // Mnemonics apart from the tabs' (Alt+D, T, E, P) and the menus' (Alt+F, V, H).
    auto *open = new QPushButton(icon(IconId::Open), tr("&Open…"));
    open->setToolTip(tr("Predict these images instead of the list (%1).").arg(shortcutText(QKeySequence::Open)));
    auto *add = new QPushButton(tr("&Add…"));
    add->setToolTip(tr("Add images to the list."));
    auto *paste = new QPushButton(tr("Pa&ste"));
    paste->setToolTip(tr("Add the image, or the image files, on the clipboard to the list (%1).").arg(shortcutText(QKeySequence::Paste)));
    m_export = new QPushButton(icon(IconId::Export), tr("E&xport CSV…"));
    m_overlay = new QComboBox;
    m_overlay->addItems({tr("No map"), tr("Attention rollout"), tr("Grad-CAM"), tr("Rollout and Grad-CAM")});
    m_overlay->setToolTip(tr("Colours the image by where the model looked: attention rollout (how much each region fed the decision "
                             "through all layers) or Grad-CAM (which regions raise the chosen class's score, at the last block). "
                             "Aids to judge a prediction, not a segmentation."));
    auto *overlayLabel = new QLabel(tr("&Map:"));
    overlayLabel->setBuddy(m_overlay);
    m_camClass = new QComboBox;
    m_camClass->setToolTip(tr("The class Grad-CAM explains: the predicted one, or any other."));
    m_camClass->setEnabled(false);
    m_level = new QDoubleSpinBox;
    m_level->setRange(50, 99);
    m_level->setDecimals(0);
    // the sign where the language puts it: "90 %" in English, "%90" in Turkish
    const bool signFirst = percentText(0.5, 0).startsWith(QLatin1Char('%'));
    auto percentBox = [signFirst](QDoubleSpinBox *box) {
        if (signFirst)
            box->setPrefix(QStringLiteral("%"));
        else
            box->setSuffix(QStringLiteral("\u00a0%"));
    };
    percentBox(m_level);
    m_level->setToolTip(tr("Level of the prediction set: the classes that, together, hold the true class this often on average over images "
                           "like the calibration ones."));
    auto *levelLabel = new QLabel(tr("Set &level:"));
    levelLabel->setBuddy(m_level);
    m_reviewBelow = new QDoubleSpinBox;
    m_reviewBelow->setRange(0, 100);
    m_reviewBelow->setDecimals(0);
    percentBox(m_reviewBelow);
    m_reviewBelow->setToolTip(tr("Flag an image for review when its top calibrated probability is below this, or its set holds more than one class."));
    auto *reviewLabel = new QLabel(tr("Revie&w below:"));
    reviewLabel->setBuddy(m_reviewBelow);
    m_raw = new QCheckBox(tr("&Raw probabilities"));
    m_raw->setToolTip(tr("Show the model's own softmax, as transformers computes it, instead of the calibrated probabilities."));
    const TrustSettings settings = loadTrustSettings();
    m_level->setValue(100 * (1 - settings.alpha));
    m_reviewBelow->setValue(100 * settings.reviewBelow);
    m_raw->setChecked(settings.raw);
    m_export->setEnabled(false);
    connect(open, &QPushButton::clicked, this, [this] { openFiles(ListMode::Replace); });
    connect(add, &QPushButton::clicked, this, [this] { openFiles(ListMode::Add); });
    connect(paste, &QPushButton::clicked, this, &PredictView::paste);
    // Shortcuts of this view only: a hidden view's shortcuts do not fire.
    connect(new QShortcut(QKeySequence::Open, this), &QShortcut::activated, this, [this] { openFiles(ListMode::Replace); });
    connect(new QShortcut(QKeySequence::Paste, this), &QShortcut::activated, this, &PredictView::paste);
    connect(m_export, &QPushButton::clicked, this, &PredictView::exportCsv);
    connect(m_list, &QListWidget::currentRowChanged, this, &PredictView::showRow);
    connect(m_overlay, &QComboBox::currentIndexChanged, this, [this] { updateMaps(); });
    connect(m_camClass, &QComboBox::currentIndexChanged, this, [this] {
        m_preview->clearMap(AttentionMap::Kind::GradCam);
        updateMaps();
    });
    auto trustChanged = [this] {
        saveTrustSettings({1 - m_level->value() / 100, m_reviewBelow->value() / 100, m_raw->isChecked()});
        refreshResults();
    };
    connect(m_level, &QDoubleSpinBox::valueChanged, this, trustChanged);
    connect(m_reviewBelow, &QDoubleSpinBox::valueChanged, this, trustChanged);
    connect(m_raw, &QCheckBox::toggled, this, trustChanged);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(open);
    buttons->addWidget(add);
    buttons->addWidget(paste);
    buttons->addWidget(m_export);
    buttons->addStretch();
    auto *trust = new QHBoxLayout;
    for (QWidget *w : std::initializer_list<QWidget *>{overlayLabel, m_overlay, m_camClass})
        trust->addWidget(w);
    trust->addStretch();
    for (QWidget *w : std::initializer_list<QWidget *>{levelLabel, m_level, reviewLabel, m_reviewBelow, m_raw})
        trust->addWidget(w);
    auto *left = new QVBoxLayout;
    left->addWidget(m_preview, 1);
    left->addWidget(m_list);
    auto *right = new QVBoxLayout;
    right->addWidget(m_top);
    right->addWidget(m_review);
    right->addWidget(m_set);
    right->addWidget(m_chart, 1);
    right->addWidget(m_calibrationNote);
    auto *row = new QHBoxLayout;
    row->addLayout(left, 1);
    row->addLayout(right, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(notice);
    layout->addWidget(m_modelWarning);
    layout->addLayout(buttons);
    layout->addLayout(trust);
    layout->addLayout(row, 1);
    layout->addWidget(m_message);

    connect(m_predictor, &Predictor::predicted, this, &PredictView::onPredicted);
    connect(m_predictor, &Predictor::attentionReady, this, &PredictView::onAttention);
    connect(m_predictor, &Predictor::modelLoaded, this, [this](const QString &folder, const QStringList &labels, const QStringList &, const QString &) {
        m_modelWarning->setVisible(false);
        setModel(folder, labels);
        // What the list shows came from the model before (or from none): every answer on screen is
        // the loaded model's, with its own calibration, never another model's numbers.
        if (!m_results.isEmpty())
            predictFiles(m_requested, ListMode::Replace);
    });
    if (!m_predictor->modelFolder().isEmpty())
        setModel(m_predictor->modelFolder(), m_predictor->modelLabels());
    connect(m_predictor, &Predictor::untrainedHead, this, [this] {
        m_modelWarning->setText(tr("This model's classification head has not been trained: its probabilities are meaningless. "
                                   "Train it first (Train view) or open a fine-tuned model."));
        m_modelWarning->setStyleSheet(QStringLiteral("color: %1; font-weight: bold;").arg(errorColour(this)));
        m_modelWarning->setVisible(true);
    });
}

void PredictView::predictFiles(const QStringList &paths, ListMode mode)
{
    const QStringList files = expand(paths);
    if (files.isEmpty()) {
        setMessage(tr("No image files found in what was dropped."), true);
        return;
    }
    if (mode == ListMode::Replace) {
        // The predictor answers in order: what it still owes the old list is dropped as it comes.
        m_superseded += m_outstanding;
        m_outstanding = 0;
        m_results.clear();
        m_requested.clear();
        m_list->clear(); // shows nothing selected
    }
    m_requested += files;
    m_outstanding += static_cast<int>(files.size());
    updateMessage();
    m_predictor->predict(files);
}

void PredictView::onPredicted(const Prediction &p)
{
    if (m_superseded > 0) {
        --m_superseded;
        return;
    }
    m_outstanding = std::max(0, m_outstanding - 1);
    m_results.push_back(p);
    const QString name = QFileInfo(p.path).fileName();
    auto *item = new QListWidgetItem;
    item->setToolTip(p.path);
    m_list->addItem(item); // its text and colour from updateItem
    updateItem(static_cast<int>(m_results.size()) - 1);
    m_export->setEnabled(true);
    if (m_list->currentRow() < 0 || p.error.isEmpty())
        m_list->setCurrentRow(static_cast<int>(m_results.size()) - 1); // calls showRow()
    else
        updateMessage(); // one fewer to come
}

// The message line describes the selected item: why it cannot be used, or else what is still to come.
void PredictView::updateMessage()
{
    const int row = m_list->currentRow();
    if (row >= 0 && row < m_results.size() && m_results.at(row).noModel) {
        setMessage(QString(), false); // the chart's place says what to do
    } else if (row >= 0 && row < m_results.size() && !m_results.at(row).error.isEmpty()) {
        const Prediction &p = m_results.at(row);
        setMessage(tr("%1 cannot be used: %2").arg(QFileInfo(p.path).fileName(), imageReasonText(p.error)), true);
    } else if (m_outstanding > 0) {
        setMessage(tr("Predicting %n image(s)…", nullptr, m_outstanding), false);
    } else {
        setMessage(QString(), false);
    }
}

void PredictView::setMessage(const QString &message, bool error)
{
    m_message->setText(message);
    m_message->setStyleSheet(error ? QStringLiteral("color: %1;").arg(errorColour(this)) : QString());
    Q_EMIT messageChanged(message);
}

void PredictView::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls() || event->mimeData()->hasImage())
        event->acceptProposedAction();
}

void PredictView::dropEvent(QDropEvent *event)
{
    QStringList paths;
    for (const QUrl &url : event->mimeData()->urls())
        if (url.isLocalFile())
            paths << url.toLocalFile();
    if (paths.isEmpty()) {
        setMessage(tr("Only local files and folders can be dropped here."), true);
        return;
    }
    event->acceptProposedAction();
    predictFiles(paths);
}

void PredictView::openFiles(ListMode mode)
{
    const auto files = QFileDialog::getOpenFileNames(this, mode == ListMode::Add ? tr("Add images") : tr("Open images"), dialogFolder(DialogKind::Images),
                                                     tr("Images (%1)").arg(imageFilters().join(QLatin1Char(' '))));
    if (!files.isEmpty())
        rememberDialogChoice(DialogKind::Images, files.first());
    if (!files.isEmpty())
        predictFiles(files, mode);
}

// Copied files (a file manager puts their URLs on the clipboard) or image data (a screenshot);
// either is added to the list.
void PredictView::paste()
{
    const QMimeData *mime = QGuiApplication::clipboard()->mimeData();
    QStringList paths;
    if (mime)
        for (const QUrl &url : mime->urls())
            if (url.isLocalFile())
                paths << url.toLocalFile();
    if (!paths.isEmpty()) {
        predictFiles(paths, ListMode::Add);
        return;
    }
    const QImage img = QGuiApplication::clipboard()->image();
    if (img.isNull()) {
        setMessage(tr("The clipboard holds no image and no image files."), true);
        return;
    }
    // Each paste its own file: an earlier pasted image stays what its row says.
    const QString path = QDir(m_pasted.path()).filePath(QStringLiteral("pasted-%1.png").arg(++m_pastedCount));
    if (!m_pasted.isValid() || !img.convertToFormat(QImage::Format_RGB888).save(path)) {
        setMessage(tr("Cannot write the pasted image to %1").arg(path), true);
        return;
    }
    predictFiles({path}, ListMode::Add);
}

void PredictView::exportCsv()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export predictions"), exportPath(QStringLiteral("predictions.csv")), tr("CSV files (*.csv)"));
    rememberDialogChoice(DialogKind::Export, path);
    if (path.isEmpty())
        return;
    QVector<ExportRow> rows;
    for (const auto &r : m_results) {
        const Shown s = shown(r);
        rows.push_back({r, s.trusted ? s.calibrated : QVector<double>(), s.set, s.review});
    }
    if (!writePredictionsCsv(path, rows, m_calibration.has_value(), 1 - m_level->value() / 100))
        setMessage(tr("Cannot write %1").arg(path), true);
    else
        Q_EMIT exported(path);
}

QVector<double> PredictView::barValues() const { return m_chart->barValues(); }
QStringList PredictView::barLabels() const { return m_chart->barLabels(); }
QString PredictView::message() const { return m_message->text(); }
QString PredictView::setLine() const { return m_set->text(); }
QString PredictView::reviewLine() const { return m_review->text(); }
QString PredictView::modelWarning() const { return m_modelWarning->isHidden() ? QString() : m_modelWarning->text(); }
int PredictView::resultCount() const { return static_cast<int>(m_results.size()); }

} // namespace vitscope

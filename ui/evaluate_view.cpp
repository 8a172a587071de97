#include "ui/evaluate_view.h"

#include "engine/run_files.h"
#include "ui/csv_export.h"

#include "ui/confusion_model.h"
#include "ui/matrix_widgets.h"
#include "ui/theme.h"
#include "ui/trust_panel.h"
#include "ui/trust_text.h"
#include "ui/icons.h"

#include <QLocale>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QImageReader>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace vitscope {
namespace {

constexpr int kThumb = 96;

QString partName(const QString &part)
{
    if (part == QLatin1String("test"))
        return EvaluateView::tr("Test (best model)");
    if (part == QLatin1String("val"))
        return EvaluateView::tr("Validation (best model)");
    return EvaluateView::tr("Validation, epoch %1").arg(part.mid(6));
}

QImage thumbnail(const QString &path)
{
    QImageReader reader(path);
    const QSize size = reader.size();
    if (size.isValid())
        reader.setScaledSize(size.scaled(kThumb, kThumb, Qt::KeepAspectRatio)); // decode small, off the GUI thread
    return reader.read();
}

// "0,9390 (95 % CI 0,9250–0,9510)" when the part has bootstrap intervals.
QString withInterval(double value, const std::optional<PartTrust> &trust, Interval MetricIntervals::*which)
{
    const QLocale locale;
    QString text = locale.toString(value, 'f', 4);
    if (trust && trust->intervals.resamples > 0) {
        const Interval &i = trust->intervals.*which;
        text += EvaluateView::tr(" (%1 CI %2–%3)")
                    .arg(percentText(trust->intervals.level, 0), locale.toString(i.lo, 'f', 4), locale.toString(i.hi, 'f', 4));
    }
    return text;
}

} // namespace

EvaluateView::EvaluateView(QWidget *parent) : QWidget(parent), m_matrix(new ConfusionMatrixModel(this)), m_classes(new QStandardItemModel(this))
{
    m_part = new QComboBox;
    m_part->setToolTip(tr("Which images the matrix counts: the test or validation part with the best model, or the validation part at the end of an epoch."));
    m_normalize = new QCheckBox(tr("&Normalise rows"));
    m_normalize->setToolTip(tr("Show each cell as a share of its true class instead of a count."));
    // Mnemonics apart from the tabs' (Alt+D, T, E, P).
    auto *png = new QPushButton(icon(IconId::Export), tr("E&xport matrix as PNG…"));
    auto *csv = new QPushButton(icon(IconId::Export), tr("Export table as C&SV…"));
    m_report = new QPushButton(tr("Rep&ort…"));
    m_report->setToolTip(tr("Write a report a reviewer can read (HTML and PDF, in the interface's language) into the run folder: "
                            "intended use, data, recipe, metrics with intervals, calibration, prediction sets, explanation examples "
                            "and limitations; and a model card beside the exported model."));
    m_report->setEnabled(false);
    m_part->setSizeAdjustPolicy(QComboBox::AdjustToContents); // "Test (best model)" whole, whatever was listed before
    auto *controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Pa&rt:")));
    qobject_cast<QLabel *>(controls->itemAt(0)->widget())->setBuddy(m_part);
    controls->addWidget(m_part);
    controls->addWidget(m_normalize);
    controls->addStretch();
    controls->addWidget(png);
    controls->addWidget(csv);
    controls->addWidget(m_report);

    m_summary = new QLabel(tr("Open a run to review its confusion matrix."));
    m_summary->setWordWrap(true);
    m_summary->setOpenExternalLinks(true); // the written report's link
    m_matrixView = new QTableView;
    m_matrixView->setObjectName(QStringLiteral("confusionMatrix"));
    m_matrixView->setModel(m_matrix);
    m_matrixView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_matrixView->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_matrixView->horizontalHeader()->setDefaultAlignment(Qt::AlignCenter);
    m_matrixView->verticalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_matrixView->setToolTip(tr("Rows: true class. Columns: predicted class. Click a cell, or move to it and press Enter, to see its images."));
    m_matrixView->setItemDelegate(new CellDelegate(m_matrixView));
    m_matrixView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_matrixView->setTabKeyNavigation(false); // Tab leaves the matrix; arrow keys move inside it
    // The figure: axis titles around the matrix (also in the exported PNG).
    m_matrixFigure = new QWidget;
    auto *figure = new QGridLayout(m_matrixFigure);
    figure->setContentsMargins(0, 0, 0, 0);
    auto *predictedTitle = new QLabel(tr("Predicted class"));
    predictedTitle->setAlignment(Qt::AlignCenter);
    figure->addWidget(predictedTitle, 0, 1);
    figure->addWidget(new VerticalLabel(tr("True class")), 1, 0);
    figure->addWidget(m_matrixView, 1, 1);
    m_classView = new QTableView;
    m_classView->setModel(m_classes);
    m_classView->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_classView->verticalHeader()->hide();
    m_classView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_cellTitle = new QLabel(tr("Click a cell of the matrix."));
    m_cellTitle->setWordWrap(true);
    m_gallery = new QListWidget;
    m_gallery->setViewMode(QListView::IconMode);
    m_gallery->setIconSize(QSize(kThumb, kThumb));
    m_gallery->setResizeMode(QListView::Adjust);
    m_gallery->setGridSize(QSize(kThumb + 40, kThumb + 56)); // room for the caption's three lines
    m_gallery->setMovement(QListView::Static);
    m_gallery->setWordWrap(true);
    m_gallery->setToolTip(tr("Double-click an image to open it in the Predict view."));

    m_trust = new TrustPanel;
    m_lowerTabs = new QTabWidget;
    m_lowerTabs->addTab(m_classView, tr("Per c&lass"));
    m_lowerTabs->addTab(m_trust, tr("&Calibration"));
    auto *left = new QSplitter(Qt::Vertical);
    left->addWidget(m_matrixFigure);
    left->addWidget(m_lowerTabs);
    left->setStretchFactor(0, 3);
    left->setStretchFactor(1, 2);
    auto *right = new QWidget;
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    m_reviewCell = new QPushButton(icon(IconId::Review), tr("Revie&w these images"));
    m_reviewCell->setToolTip(tr("Opens this cell's images in the Review view, most probably mislabelled first, "
                                "to fix their labels from the keyboard."));
    m_reviewCell->setEnabled(false);
    connect(m_reviewCell, &QPushButton::clicked, this, [this] {
        const QModelIndex cell = m_matrixView->currentIndex();
        if (cell.isValid())
            Q_EMIT reviewCell(m_results.runFolder, m_part->currentData().toString(), cell.row(), cell.column());
    });
    // The title above the button: beside it, in the narrow gallery column, it wrapped to a word a line.
    rightLayout->addWidget(m_cellTitle);
    rightLayout->addWidget(m_reviewCell, 0, Qt::AlignLeft);
    rightLayout->addWidget(m_gallery, 1);
    auto *split = new QSplitter;
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(0, 5); // the matrix's eight or more columns first; the gallery scrolls
    split->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(m_summary);
    m_modelNote = new QLabel;
    m_modelNote->setObjectName(QStringLiteral("predictModelNote"));
    m_modelNote->setWordWrap(true);
    layout->addWidget(m_modelNote);
    layout->addWidget(split, 1);

    connect(m_part, &QComboBox::currentIndexChanged, this, [this](int i) {
        if (i >= 0)
            showPart(m_part->itemData(i).toString());
    });
    connect(m_normalize, &QCheckBox::toggled, m_matrix, &ConfusionMatrixModel::setNormalized);
    connect(m_matrixView, &QTableView::clicked, this, [this](const QModelIndex &index) { selectCell(index.row(), index.column()); });
    connect(m_matrixView, &QTableView::activated, this, [this](const QModelIndex &index) { selectCell(index.row(), index.column()); }); // Enter
    connect(m_gallery, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        Q_EMIT openInPredict(item->data(Qt::UserRole).toString(), m_results.runFolder);
    });
    connect(png, &QPushButton::clicked, this, &EvaluateView::exportPng);
    connect(csv, &QPushButton::clicked, this, &EvaluateView::exportCsv);
    connect(m_report, &QPushButton::clicked, this, &EvaluateView::writeReport);
}

void EvaluateView::openRun(const QString &runFolder)
{
    const QSignalBlocker block(m_part);
    m_part->clear();
    for (const auto &p : availableParts(runFolder))
        m_part->addItem(partName(p), p);
    m_results = RunResults{};
    m_results.runFolder = runFolder;
    m_report->setEnabled(!m_reportRunning && m_part->count() > 0);
    updateModelNote();
    if (m_part->count() == 0) {
        m_matrix->setMatrix({}, {});
        m_summary->setText(tr("%1 has no evaluation results yet.").arg(runFolder));
        return;
    }
    m_part->setCurrentIndex(0);
    showPart(m_part->itemData(0).toString());
}

QString EvaluateView::runFolder() const
{
    return m_results.runFolder;
}

void EvaluateView::setPredictModel(const QString &modelFolder)
{
    m_predictModel = modelFolder;
    updateModelNote();
}

void EvaluateView::updateModelNote()
{
    if (m_results.runFolder.isEmpty()) {
        m_modelNote->clear();
        return;
    }
    const QString best = QString::fromStdString(runfiles::bestCheckpoint(m_results.runFolder.toStdString()));
    if (QDir::cleanPath(m_predictModel) == QDir::cleanPath(best))
        m_modelNote->setText(tr("The Predict view uses this run's best model."));
    else if (m_predictModel.isEmpty())
        m_modelNote->setText(tr("The Predict view has no model; an image opened from the gallery below gives it this run's best model."));
    else
        m_modelNote->setText(tr("The Predict view uses another model (%1); an image opened from the gallery below switches it to this run's best model.")
                                 .arg(QDir::toNativeSeparators(m_predictModel)));
}

void EvaluateView::showPart(const QString &part)
{
    m_results = loadRunResults(m_results.runFolder, part);
    const TrustSettings settings = loadTrustSettings();
    applyTrust(m_results, settings.alpha, settings.reviewBelow);
    m_trust->showTrust(m_results.trust, part, m_results.calibrationError, m_results.calibration ? m_results.calibration->count : 0);
    m_gallery->clear();
    m_cellPaths.clear();
    if (!m_results.error.isEmpty()) {
        m_matrix->setMatrix({}, {});
        m_summary->setText(tr("Cannot show these results: %1").arg(m_results.error));
        return;
    }
    m_matrix->setMatrix(m_results.labels, m_results.confusion);
    // Columns wide enough for the longest word of a class name ("esophagitis") and for "100,0 %".
    int column = m_matrixView->fontMetrics().horizontalAdvance(QStringLiteral("100,0 %"));
    for (const auto &label : m_results.labels)
        for (const auto &word : label.split(QLatin1Char('-')))
            column = std::max(column, m_matrixView->fontMetrics().horizontalAdvance(word));
    m_matrixView->horizontalHeader()->setMinimumSectionSize(column + 6);
    const auto &m = m_results.metrics;
    const auto &t = m_results.trust;
    m_summary->setText(tr("%1 of run %2: %3 images. Accuracy %4, weighted F1 %5, macro F1 %6, MCC %7, loss %8.")
                           .arg(partName(part), QFileInfo(m_results.runFolder).fileName())
                           .arg(m.value(QStringLiteral("count")))
                           .arg(withInterval(m.value(QStringLiteral("accuracy")), t, &MetricIntervals::accuracy))
                           .arg(withInterval(m.value(QStringLiteral("weighted_f1")), t, &MetricIntervals::weightedF1))
                           .arg(withInterval(m.value(QStringLiteral("macro_f1")), t, &MetricIntervals::macroF1))
                           .arg(withInterval(m.value(QStringLiteral("mcc")), t, &MetricIntervals::mcc))
                           .arg(QLocale().toString(m.value(QStringLiteral("loss")), 'f', 4)));
    m_classes->clear();
    QStringList header{tr("Class"), tr("Precision"), tr("Recall"), tr("F1"), tr("Support")};
    const bool sets = t && !t->sets.perClass.empty();
    if (sets)
        header << tr("Set coverage") << tr("Mean set size");
    m_classes->setHorizontalHeaderLabels(header);
    for (int ci = 0; ci < m_results.perClass.size(); ++ci) {
        const auto &c = m_results.perClass[ci];
        QList<QStandardItem *> row{new QStandardItem(c.label)};
        for (double v : {c.precision, c.recall, c.f1})
            row << new QStandardItem(QLocale().toString(v, 'f', 4));
        row << new QStandardItem(QString::number(c.support));
        if (sets && ci < static_cast<int>(t->sets.perClass.size())) {
            const auto &k = t->sets.perClass[static_cast<std::size_t>(ci)];
            row << new QStandardItem(k.count ? percentText(k.coverage) : QString()) << new QStandardItem(k.count ? QLocale().toString(k.meanSetSize, 'f', 2) : QString());
        }
        for (int i = 1; i < row.size(); ++i)
            row[i]->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_classes->appendRow(row);
    }
    m_cellTitle->setText(m_results.images.isEmpty() ? tr("Per-image predictions are kept for the best model only (test and validation parts).")
                                                    : tr("Click a cell of the matrix."));
}

void EvaluateView::selectCell(int trueLabel, int predicted)
{
    if (trueLabel < 0 || predicted < 0 || trueLabel >= m_results.labels.size() || predicted >= m_results.labels.size())
        return;
    m_matrixView->setCurrentIndex(m_matrix->index(trueLabel, predicted));
    const auto images = m_results.cell(trueLabel, predicted);
    // Val and test predictions are what a run's review reads; epoch matrices have no images.
    m_reviewCell->setEnabled(!images.isEmpty());
    m_gallery->clear();
    m_cellPaths.clear();
    m_cellTitle->setText(tr("True %1, predicted %2: %n image(s), most confident first.", nullptr, static_cast<int>(images.size()))
                             .arg(m_results.labels[trueLabel], m_results.labels[predicted]));
    const TrustSettings settings = loadTrustSettings();
    for (const auto &img : images) {
        // Calibrated percentages where the run has a calibration, as the Predict view shows them.
        const auto &shown = img.calibrated.isEmpty() ? img.probabilities : img.calibrated;
        QStringList lines{QFileInfo(img.path).fileName(), tr("%1: %2").arg(m_results.labels[img.predicted], percentText(shown.value(img.predicted)))};
        if (img.predicted != img.trueLabel)
            lines << tr("%1: %2").arg(m_results.labels[img.trueLabel], percentText(shown.value(img.trueLabel)));
        if (img.review)
            lines << QStringLiteral("⚠ ") + reviewText();
        auto *item = new QListWidgetItem(lines.join(QLatin1Char('\n')));
        QStringList tip;
        for (int c = 0; c < m_results.labels.size(); ++c)
            tip << (img.calibrated.isEmpty() ? QStringLiteral("%1: %2").arg(m_results.labels[c], percentText(img.probabilities.value(c), 2))
                                             : tr("%1: %2 (raw %3)").arg(m_results.labels[c], percentText(img.calibrated.value(c), 2),
                                                                          percentText(img.probabilities.value(c), 2)));
        if (!img.calibrated.isEmpty())
            tip << setText(img.set, m_results.labels, settings.alpha);
        if (img.review)
            tip << tr("%1: %2").arg(reviewText(), reviewReason(img.set, shown.value(img.predicted), settings.reviewBelow));
        item->setToolTip(img.path + QLatin1Char('\n') + tip.join(QLatin1Char('\n')));
        item->setData(Qt::UserRole, img.path);
        m_gallery->addItem(item);
        m_cellPaths << img.path;
    }
    // Thumbnails are decoded on the pool; a newer cell selection makes older results stale.
    const int generation = ++m_thumbnailGeneration;
    auto *watcher = new QFutureWatcher<QImage>(this);
    connect(watcher, &QFutureWatcher<QImage>::resultReadyAt, this, [this, watcher, generation](int i) {
        if (generation == m_thumbnailGeneration && i < m_gallery->count())
            m_gallery->item(i)->setIcon(QIcon(QPixmap::fromImage(watcher->resultAt(i))));
    });
    connect(watcher, &QFutureWatcher<QImage>::finished, watcher, &QObject::deleteLater);
    watcher->setFuture(QtConcurrent::mapped(m_cellPaths, thumbnail));
}

QStringList EvaluateView::cellImages() const
{
    return m_cellPaths;
}

} // namespace vitscope

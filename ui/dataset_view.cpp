#include "ui/dataset_view.h"

#include "ui/image_reasons.h"
#include "ui/core_messages.h"

#include "data/split.h"
#include "session/dataset_scanner.h"
#include "ui/class_count_model.h"
#include "ui/theme.h"
#include "ui/thumbnail_delegate.h"
#include "ui/thumbnail_model.h"

#include "ui/plot.h"
#include "ui/icons.h"

#include <QEvent>
#include <QDir>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QImageReader>
#include <QLabel>
#include <QListView>
#include <QListWidget>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace vitscope {

DatasetView::DatasetView(QWidget *parent)
    : QWidget(parent), m_classes(new ClassCountModel(this)), m_thumbnails(new ThumbnailModel(this))
{
    auto *open = new QPushButton(icon(IconId::Dataset), tr("&Open data set…"));
    open->setToolTip(tr("Open a folder with one sub-folder per class (%1).").arg(QKeySequence(QKeySequence::Open).toString(QKeySequence::NativeText)));
    connect(open, &QPushButton::clicked, this, &DatasetView::openRequested);
    // Ctrl+O where the user is: here a data set, in the Predict view images (a hidden view's
    // shortcuts do not fire, so the two never compete).
    connect(new QShortcut(QKeySequence::Open, this), &QShortcut::activated, this, &DatasetView::openRequested);
    m_summary = new QLabel(tr("Open a data set: a folder with one sub-folder per class."));
    m_summary->setWordWrap(true);
    m_progress = new QProgressBar;
    m_progress->setVisible(false);
    m_cancelButton = new QPushButton(tr("&Cancel scan"));
    m_cancelButton->setVisible(false);
    connect(m_cancelButton, &QPushButton::clicked, this, [this] {
        if (m_cancel)
            *m_cancel = true;
    });
    auto *top = new QHBoxLayout;
    top->addWidget(open);
    top->addWidget(m_summary, 1);
    top->addWidget(m_progress);
    top->addWidget(m_cancelButton);

    m_classList = new QListView;
    m_classList->setObjectName(QStringLiteral("classList"));
    m_classList->setModel(m_classes);
    // At 1024 pixels the rows are wider than the list: elided in the middle (counts stay
    // visible at the end), the whole row in the tooltip, no horizontal scroll bar.
    m_classList->setTextElideMode(Qt::ElideMiddle);
    m_classList->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_classList->setToolTip(tr("Pick a class (click it or use the arrow keys) to show its images."));
    m_problems = new QListWidget;
    m_problems->setWordWrap(true);
    auto *left = new QWidget;
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(new QLabel(tr("Classes")));
    leftLayout->addWidget(m_classList, 2);
    leftLayout->addWidget(new QLabel(tr("Bad files, conversions and duplicates")));
    leftLayout->addWidget(m_problems, 1);

    m_grid = new QListView;
    m_grid->setObjectName(QStringLiteral("thumbnailGrid"));
    m_grid->setModel(m_thumbnails);
    m_grid->setItemDelegate(new ThumbnailDelegate(m_grid));
    m_grid->setViewMode(QListView::IconMode);
    m_grid->setIconSize(QSize(ThumbnailModel::kSize, ThumbnailModel::kSize));
    m_grid->setSpacing(4);
    m_grid->setResizeMode(QListView::Adjust);
    m_grid->setUniformItemSizes(true);
    m_grid->setMovement(QListView::Static);
    m_grid->setWordWrap(false);
    m_grid->setTextElideMode(Qt::ElideMiddle);

    m_preview = new QLabel(tr("Select an image."));
    m_preview->setObjectName(QStringLiteral("preview"));
    m_preview->setAlignment(Qt::AlignCenter);
    m_preview->setMinimumSize(260, 200);
    // The image is scaled to the label, never the label to the image.
    m_preview->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Ignored);
    m_preview->installEventFilter(this);
    m_details = new QLabel;
    m_details->setObjectName(QStringLiteral("details"));
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_chart = newPlot(tr("Images"), QString());
    m_chart->setMinimumHeight(180);
    // Image counts: whole-number ticks (1, 2, 5, 10, ... times a power of ten), never 0.5.
    auto counts = QSharedPointer<QCPAxisTickerFixed>::create();
    counts->setTickStep(1);
    counts->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    m_chart->yAxis->setTicker(counts);
    auto *right = new QWidget;
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_preview, 2);
    rightLayout->addWidget(m_details);
    rightLayout->addWidget(m_chart, 2);

    auto *split = new QSplitter;
    split->addWidget(left);
    split->addWidget(m_grid);
    split->addWidget(right);
    split->setSizes({400, 420, 380});
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(split, 1);

    // The current class, not a click: the arrow keys choose a class as well as the mouse does.
    connect(m_classList->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &index) { showClass(index.isValid() ? index.row() : -1); });
    connect(m_grid->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex &index) { preview(index.row()); });
}

DatasetView::~DatasetView()
{
    if (m_cancel)
        *m_cancel = true;
}

void DatasetView::scan(const QString &folder, const QString &modelFolder)
{
    if (m_cancel)
        *m_cancel = true; // a newer scan replaces a running one
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    m_summary->setText(tr("Scanning %1…").arg(folder));
    m_progress->setValue(0);
    m_progress->setVisible(true);
    m_cancelButton->setVisible(true);
    QPointer<DatasetView> self(this);
    auto progress = [self](qint64 done, qint64 total) {
        // From pool threads: hand the numbers to the GUI thread.
        QMetaObject::invokeMethod(self, [self, done, total] {
            if (self) {
                self->m_progress->setMaximum(static_cast<int>(total));
                self->m_progress->setValue(static_cast<int>(done));
            }
        }, Qt::QueuedConnection);
    };
    auto *watcher = new QFutureWatcher<ScanReport>(this);
    const auto cancel = m_cancel;
    connect(watcher, &QFutureWatcher<ScanReport>::finished, this, [this, watcher, folder, cancel] {
        watcher->deleteLater();
        if (cancel != m_cancel)
            return; // superseded
        m_progress->setVisible(false);
        m_cancelButton->setVisible(false);
        const ScanReport report = watcher->result();
        if (report.cancelled) {
            m_summary->setText(tr("Scan of %1 cancelled.").arg(folder));
            return;
        }
        showReport(report);
        Q_EMIT scanned(folder, report.usable());
    });
    watcher->setFuture(QtConcurrent::run([folder, modelFolder, progress, cancel] { return scanForGui(folder, modelFolder, progress, cancel.get()); }));
}

void DatasetView::showReport(const ScanReport &r)
{
    m_report = r;
    QVector<ClassCountModel::Entry> entries;
    QVector<double> keys, counts;
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    for (int i = 0; i < static_cast<int>(r.classes.size()); ++i) {
        const auto &c = r.classes[i];
        entries.push_back({QString::fromStdString(c.name), c.count, c.nested});
        keys << i + 1;
        counts << c.count;
        ticker->addTick(i + 1, QString::fromStdString(c.name));
    }
    m_classes->setEntries(entries);
    m_chart->clearPlottables();
    auto *bars = new QCPBars(m_chart->xAxis, m_chart->yAxis);
    bars->setData(keys, counts);
    bars->setBrush(QColor(0x2f, 0x7e, 0xd8));
    m_chart->xAxis->setTicker(ticker);
    m_chart->xAxis->setTickLabelRotation(-90); // full names, upright to their bars: none clips at the edges
    m_chart->rescaleAxes();
    m_chart->xAxis->setRange(0.4, keys.size() + 0.6);
    m_chart->yAxis->setRangeLower(0);
    m_chart->replot();

    m_problems->clear();
    for (const auto &b : r.bad)
        m_problems->addItem(tr("Bad: %1 — %2").arg(QString::fromStdString(b.path), imageReasonText(QString::fromStdString(b.reason))));
    for (const auto &b : r.converted)
        m_problems->addItem(tr("Converted: %1 — %2").arg(QString::fromStdString(b.path), imageReasonText(QString::fromStdString(b.reason))));
    for (const auto &d : r.duplicates) {
        QStringList paths;
        for (const auto &p : d)
            paths << QString::fromStdString(p);
        m_problems->addItem(tr("Identical files: %1").arg(paths.join(QStringLiteral(", "))));
    }
    for (const auto &c : r.labelConflicts)
        m_problems->addItem(tr("Label not applied: %1 — %2").arg(QString::fromStdString(c.path), coreMessageText(QString::fromStdString(c.reason))));
    for (const auto &e : r.excluded)
        m_problems->addItem(tr("Excluded: %1 — %2").arg(QString::fromStdString(e.path), coreMessageText(QString::fromStdString(e.reason))));
    if (r.relabelled || r.added)
        m_problems->addItem(tr("Labels: %1 relabelled and %2 added through %3 (the image files are unchanged).")
                                .arg(r.relabelled)
                                .arg(r.added)
                                .arg(QDir::toNativeSeparators(QString::fromStdString(r.labelsFile))));
    for (const auto &p : r.problems)
        m_problems->addItem(coreMessageText(QString::fromStdString(p)));
    if (m_problems->count() == 0)
        m_problems->addItem(tr("No problems found."));
    m_summary->setText(r.usable() ? tr("%1: %2 usable of %3 image files in %4 classes; %5 bad, %6 groups of identical files. "
                                       "Sizes %7x%8 to %9x%10.")
                                        .arg(QString::fromStdString(r.root))
                                        .arg(r.items.size())
                                        .arg(r.files)
                                        .arg(r.classes.size())
                                        .arg(r.bad.size())
                                        .arg(r.duplicates.size())
                                        .arg(r.minSize[0])
                                        .arg(r.minSize[1])
                                        .arg(r.maxSize[0])
                                        .arg(r.maxSize[1])
                                  : tr("This data set cannot be used: %1").arg(coreMessageText(QString::fromStdString(r.error))));
    showClass(-1);
}

void DatasetView::showSplit(double train, double val, double test, quint64 seed)
{
    if (!m_report.usable())
        return;
    try {
        const Split split = makeSplit(m_report, {train, val, test}, seed);
        QVector<std::array<int, 3>> counts(static_cast<int>(split.classes.size()), {0, 0, 0});
        for (const auto &e : split.train)
            ++counts[e.label][0];
        for (const auto &e : split.val)
            ++counts[e.label][1];
        for (const auto &e : split.test)
            ++counts[e.label][2];
        m_classes->setSplitCounts(counts);
    } catch (const std::exception &) {
        // Ratios that do not add up are reported where they are entered (Train view).
    }
}

void DatasetView::showClass(int label)
{
    QStringList paths, captions;
    m_shownItems.clear();
    for (int i = 0; i < static_cast<int>(m_report.items.size()); ++i) {
        const auto &item = m_report.items[i];
        if (label >= 0 && item.label != label)
            continue;
        m_shownItems << i;
        paths << QString::fromStdString(item.path);
        captions << QFileInfo(paths.last()).fileName();
    }
    m_thumbnails->setFiles(paths, captions);
    // The preview shows an image of what the grid shows: its first, or none.
    if (m_thumbnails->rowCount() > 0) {
        m_grid->setCurrentIndex(m_thumbnails->index(0));
    } else {
        m_preview->clear();
        m_preview->setText(tr("Select an image."));
        m_details->clear();
    }
}

bool DatasetView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_preview && event->type() == QEvent::Resize && m_grid->currentIndex().isValid())
        preview(m_grid->currentIndex().row()); // scaled again to the new size
    return QWidget::eventFilter(watched, event);
}

void DatasetView::preview(int row)
{
    if (row < 0 || row >= m_shownItems.size())
        return;
    const auto &item = m_report.items[m_shownItems[row]];
    const QString path = QString::fromStdString(item.path);
    QImageReader reader(path);
    const qreal ratio = m_preview->devicePixelRatioF();
    const QSize target = m_preview->contentsRect().size() * ratio; // device pixels, for a sharp image
    if (reader.size().isValid())
        reader.setScaledSize(reader.size().scaled(target, Qt::KeepAspectRatio));
    QImage image = reader.read();
    image.setDevicePixelRatio(ratio); // else drawn at one logical pixel per device pixel: a zoomed-in corner
    m_preview->setPixmap(QPixmap::fromImage(image));
    m_details->setText(tr("%1\n%2 x %3, %4 %5, class %6%7")
                           .arg(path)
                           .arg(item.width)
                           .arg(item.height)
                           .arg(QString::fromStdString(item.format), QString::fromStdString(item.mode),
                                QString::fromStdString(m_report.classes[item.label].name))
                           .arg(item.note.empty() ? QString() : QStringLiteral(" (") + QString::fromStdString(item.note) + QLatin1Char(')')));
}

} // namespace vitscope

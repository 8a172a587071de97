#include "ui/review_view.h"

#include "data/image_formats.h"
#include "data/label_manifest.h"
#include "engine/model_calibration.h"
#include "session/predictor.h"
#include "session/review_session.h"
#include "ui/core_messages.h"
#include "ui/dialog_folders.h"
#include "ui/review_model.h"
#include "ui/theme.h"
#include "ui/thumbnail_delegate.h"
#include "ui/icons.h"

#include <QComboBox>
#include <QDir>
#include <QDirIterator>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QProgressBar>
#include <QPushButton>
#include <QShortcut>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace vitscope {
namespace {

QString canonical(const QString &path)
{
    const QString c = QFileInfo(path).canonicalFilePath();
    return c.isEmpty() ? QDir::cleanPath(QFileInfo(path).absoluteFilePath()) : c;
}

// Lower scores first: the frames the model is least sure about.
double frameScore(const QVector<double> &p, Uncertainty kind, int setSize)
{
    QVector<double> sorted = p;
    std::sort(sorted.begin(), sorted.end(), std::greater<>());
    const double margin = sorted.value(0) - sorted.value(1);
    switch (kind) {
    case Uncertainty::Margin:
        return margin;
    case Uncertainty::Entropy: {
        double h = 0;
        for (double v : p)
            h -= v > 0 ? v * std::log(v) : 0;
        return -h;
    }
    case Uncertainty::SetSize:
        return -setSize + margin / 2; // larger sets first; the margin orders equal sizes
    }
    return margin;
}

// Wider cells than the Dataset grid's, with two caption lines (label, then suggestion).
class ReviewDelegate : public ThumbnailDelegate {
public:
    using ThumbnailDelegate::ThumbnailDelegate;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QSize size = ThumbnailDelegate::sizeHint(option, index);
        return {ThumbnailModel::kSize + 56, size.height() + option.fontMetrics.lineSpacing()};
    }
};

// A run's best checkpoint is named after its run folder, not "best".
QString modelName(const QString &folder)
{
    const QFileInfo f(folder);
    return f.fileName() == QLatin1String("best") ? QFileInfo(QDir::cleanPath(folder + QStringLiteral("/../.."))).fileName() : f.fileName();
}

} // namespace

ReviewView::ReviewView(QWidget *parent) : QWidget(parent), m_session(new ReviewSession(this)), m_model(new ReviewModel(this))
{
    buildUi();
    connect(m_session, &ReviewSession::progress, this, [this](const QString &stage, qint64 done, qint64 total) {
        m_progress->setFormat(coreMessageText(stage) + QStringLiteral(": %v / %m"));
        m_progress->setMaximum(static_cast<int>(std::max<qint64>(total, 1)));
        m_progress->setValue(static_cast<int>(done));
    });
    connect(m_session, &ReviewSession::finished, this, [this](const ReviewResult &r) {
        showResult(r); // before busyChanged(false): whoever waits for it finds the queue filled
        setBusy(false);
    });
    connect(m_session, &ReviewSession::failed, this, [this](const QString &message) {
        setBusy(false);
        fail(coreMessageText(message)); // the core's English: the data set scan's and the model's reasons
    });
    updateStatus();
}

ReviewView::~ReviewView() = default;

void ReviewView::buildUi()
{
    m_find = new QPushButton(icon(IconId::Review), tr("F&ind label errors"));
    m_find->setToolTip(tr("Scores every labelled image of the data set with a classifier that never saw it: k-fold cross-validation "
                          "of head mode on the open model's frozen features (cached, so a second review is quick). "
                          "A pretrained model that was not fine-tuned on these labels gives the fairest scores."));
    m_folds = new QSpinBox;
    m_folds->setRange(2, 20);
    m_folds->setValue(5);
    m_folds->setToolTip(tr("Folds of the cross-validation: each image is scored by a classifier fitted on the other folds."));
    auto *foldsLabel = new QLabel(tr("Fo&lds:"));
    foldsLabel->setBuddy(m_folds);
    m_open = new QPushButton(tr("Label &new frames…"));
    m_open->setToolTip(tr("Opens a folder of unlabelled images: the open model predicts them in the background, the least certain "
                          "first. Confirmed frames join the data set through its label manifest; the files stay where they are."));
    m_cancel = new QPushButton(tr("&Cancel"));
    m_cancel->setVisible(false);
    m_retrain = new QPushButton(icon(IconId::Run), tr("&Retrain with current labels"));
    m_retrain->setToolTip(tr("Starts a run with the Train view's recipe on the data set with every change made here."));
    m_pairs = new QComboBox;
    m_pairs->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto *pairLabel = new QLabel(tr("P&air:"));
    pairLabel->setBuddy(m_pairs);
    m_state = new QComboBox;
    m_state->addItem(tr("All"), static_cast<int>(ReviewModel::StateFilter::All));
    m_state->addItem(tr("Not reviewed"), static_cast<int>(ReviewModel::StateFilter::Unreviewed));
    m_state->addItem(tr("Reviewed"), static_cast<int>(ReviewModel::StateFilter::Reviewed));
    auto *stateLabel = new QLabel(tr("&Show:"));
    stateLabel->setBuddy(m_state);
    m_sort = new QComboBox;
    m_sort->addItem(tr("margin"), static_cast<int>(Uncertainty::Margin));
    m_sort->addItem(tr("entropy"), static_cast<int>(Uncertainty::Entropy));
    m_sort->addItem(tr("prediction set size"), static_cast<int>(Uncertainty::SetSize));
    m_sort->setToolTip(tr("Margin: the two most probable classes are close. Entropy: the probability is spread over many classes. "
                          "Set size: the calibrated prediction set holds several classes (needs a calibrated model)."));
    auto *sortLabel = new QLabel(tr("Sort new frames &by:"));
    sortLabel->setBuddy(m_sort);
    m_undo = new QPushButton(tr("&Undo"));
    m_redo = new QPushButton(tr("Red&o"));
    m_source = new QLabel(tr("Find the labels that are probably wrong, or label new frames with the model's help. "
                             "Open a data set and a model first."));
    m_source->setWordWrap(true);
    m_progress = new QProgressBar;
    m_progress->setVisible(false);
    m_grid = new QListView;
    m_grid->setObjectName(QStringLiteral("reviewGrid"));
    m_grid->setModel(m_model);
    m_grid->setViewMode(QListView::IconMode);
    m_grid->setResizeMode(QListView::Adjust);
    m_grid->setMovement(QListView::Static);
    m_grid->setUniformItemSizes(true);
    m_grid->setSpacing(4);
    m_grid->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_grid->setItemDelegate(new ReviewDelegate(m_grid));
    m_keys = new QLabel;
    m_keys->setWordWrap(true);
    m_status = new QLabel;
    m_labels = new QLabel;
    m_labels->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_labels->setWordWrap(true);

    auto *top = new QHBoxLayout;
    for (QWidget *w : std::initializer_list<QWidget *>{m_find, foldsLabel, m_folds, m_open, m_cancel})
        top->addWidget(w);
    top->addStretch();
    top->addWidget(m_retrain);
    auto *filters = new QHBoxLayout;
    for (QWidget *w : std::initializer_list<QWidget *>{pairLabel, m_pairs, stateLabel, m_state, sortLabel, m_sort})
        filters->addWidget(w);
    filters->addStretch();
    filters->addWidget(m_undo);
    filters->addWidget(m_redo);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_status);
    bottom->addStretch();
    bottom->addWidget(m_labels, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_source);
    layout->addLayout(filters);
    layout->addWidget(m_progress);
    layout->addWidget(m_grid, 1);
    layout->addWidget(m_keys);
    layout->addLayout(bottom);

    connect(m_find, &QPushButton::clicked, this, &ReviewView::findLabelErrors);
    connect(m_open, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Open a folder of new, unlabelled frames"), dialogFolder(DialogKind::Frames));
        rememberDialogChoice(DialogKind::Frames, dir);
        if (!dir.isEmpty())
            openFrames(dir);
    });
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        m_session->cancel();
        m_framesToPredict.clear();
    });
    connect(m_retrain, &QPushButton::clicked, this, [this] { Q_EMIT retrainRequested(m_root); });
    connect(m_undo, &QPushButton::clicked, this, &ReviewView::undo);
    connect(m_redo, &QPushButton::clicked, this, &ReviewView::redo);
    // After a filter is chosen the keys go to the grid again (Space would open the box otherwise).
    connect(m_pairs, &QComboBox::activated, this, [this](int i) {
        const auto pair = m_pairs->itemData(i).toPoint();
        m_model->setPairFilter(pair.x(), pair.y());
        updateStatus();
        m_grid->setFocus();
    });
    connect(m_state, &QComboBox::activated, this, [this](int i) {
        m_model->setStateFilter(static_cast<ReviewModel::StateFilter>(m_state->itemData(i).toInt()));
        updateStatus();
        m_grid->setFocus();
    });
    connect(m_sort, &QComboBox::activated, this, [this] { resortFrames(); });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        if (m_model->rowCount() > 0)
            m_grid->setCurrentIndex(m_model->index(0));
    });

    // The keys act on the grid's selection (Qt::WidgetShortcut: only while the grid has focus, so
    // typing in a field elsewhere never relabels an image).
    auto key = [this](const QKeySequence &seq, auto slot) {
        auto *s = new QShortcut(seq, m_grid, nullptr, nullptr, Qt::WidgetShortcut);
        connect(s, &QShortcut::activated, this, slot);
    };
    for (int c = 0; c < 9; ++c)
        key(QKeySequence(static_cast<Qt::Key>(Qt::Key_1 + c)), [this, c] {
            if (c < m_model->classes().size())
                decide(c);
        });
    key(QKeySequence(Qt::Key_X), [this] { decide(kExclude); });
    key(QKeySequence(Qt::Key_Space), [this] { decide(kKeep); });
    key(QKeySequence(Qt::CTRL | Qt::Key_Z), [this] { undo(); });
    key(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), [this] { redo(); });
}

void ReviewView::setDataset(const QString &root)
{
    m_root = root.isEmpty() ? QString() : canonical(root);
    m_manifest.reset();
    if (!m_root.isEmpty()) {
        try {
            m_manifest = std::make_unique<LabelManifest>(m_root.toStdString());
        } catch (const std::exception &e) {
            fail(QString::fromStdString(e.what()));
        }
    }
    if (m_manifest)
        m_model->refresh(*m_manifest);
    updateStatus();
}

void ReviewView::setModel(const QString &folder)
{
    m_modelFolder = folder;
    updateStatus();
}

void ReviewView::setBusy(bool busy, const QString &message)
{
    m_progress->setVisible(busy);
    m_progress->setValue(0);
    if (!message.isEmpty())
        m_progress->setFormat(message);
    m_cancel->setVisible(busy);
    m_find->setEnabled(!busy);
    m_open->setEnabled(!busy);
    Q_EMIT busyChanged(busy);
    updateStatus();
}

void ReviewView::fail(const QString &message)
{
    m_source->setText(tr("⚠ %1").arg(message));
}

void ReviewView::findLabelErrors()
{
    if (m_root.isEmpty() || m_modelFolder.isEmpty())
        return fail(tr("Open a data set (File → Open data set) and a model (File → Open model) first."));
    ReviewRequest q;
    q.data = m_root.toStdString();
    q.model = m_modelFolder.toStdString();
    q.folds = m_folds->value();
    q.device = "auto";
    m_pendingPair = {-1, -1};
    m_frames = false;
    setBusy(true, tr("Reviewing…"));
    m_session->start(q);
}

void ReviewView::reviewRun(const QString &run, const QString &part, int given, int predicted)
{
    ReviewRequest q;
    q.run = run.toStdString();
    q.runParts = {part.toStdString()};
    m_pendingPair = {given, predicted};
    m_frames = false;
    setBusy(true, tr("Reviewing…"));
    m_session->start(q);
}

void ReviewView::showResult(const ReviewResult &r)
{
    if (m_root.isEmpty() || canonical(QString::fromStdString(r.root)) != m_root)
        setDataset(QString::fromStdString(r.root)); // a run's data set
    QStringList classes;
    for (const auto &c : r.classes)
        classes << QString::fromStdString(c);
    QVector<ReviewEntry> entries;
    const QDir root(m_root);
    for (const auto &c : r.candidates) {
        ReviewEntry e;
        e.relPath = QString::fromStdString(c.path);
        e.path = QDir::cleanPath(root.filePath(e.relPath));
        e.sha256 = QString::fromStdString(c.sha256);
        e.folder = QString::fromStdString(c.folder);
        e.folderLabel = static_cast<int>(classes.indexOf(e.folder));
        e.given = c.given;
        e.suggested = c.suggested;
        e.probabilities = QVector<double>(c.probabilities.begin(), c.probabilities.end());
        e.score = c.score;
        entries << e;
    }
    m_frames = false;
    m_model->setEntries(classes, entries);
    if (m_manifest)
        m_model->refresh(*m_manifest);
    fillPairFilter();
    if (m_pendingPair.first >= 0) {
        const int i = m_pairs->findData(QPoint(m_pendingPair.first, m_pendingPair.second));
        m_pairs->setCurrentIndex(std::max(i, 0));
        m_model->setPairFilter(m_pendingPair.first, m_pendingPair.second);
    }
    QString source = r.source == ReviewSource::CrossValidation
                         ? tr("%1-fold cross-validation of head mode on the frozen features of %2: every labelled image scored by a "
                              "classifier that never saw it.").arg(r.folds).arg(modelName(QString::fromStdString(r.model)))
                         : tr("The held-out predictions of run %1, as Evaluate shows them: out of sample, but only %2 of %3 "
                              "images; use Find label errors to score every image.")
                               .arg(QFileInfo(QString::fromStdString(r.run)).fileName())
                               .arg(r.candidates.size())
                               .arg(r.labelled);
    m_source->setText(source + QLatin1Char(' ') + tr("Most probably mislabelled first."));
    m_grid->setFocus();
    updateStatus();
}

void ReviewView::fillPairFilter()
{
    m_pairs->clear();
    m_pairs->addItem(tr("All images"), QPoint(-1, -1));
    const auto &classes = m_model->classes();
    for (const auto &[given, suggested, count] : m_model->pairs())
        m_pairs->addItem(tr("%1 → %2 (%3)").arg(classes.value(given), classes.value(suggested)).arg(count), QPoint(given, suggested));
}

void ReviewView::ensureManifest()
{
    if (!m_manifest && !m_root.isEmpty())
        setDataset(m_root);
}

void ReviewView::decide(int label)
{
    ensureManifest();
    if (!m_manifest)
        return fail(tr("Open the data set these images belong to first (File → Open data set)."));
    QList<int> rows;
    for (const auto &index : m_grid->selectionModel()->selectedIndexes())
        rows << index.row();
    if (rows.isEmpty() && m_grid->currentIndex().isValid())
        rows << m_grid->currentIndex().row();
    if (rows.isEmpty())
        return;
    std::sort(rows.begin(), rows.end());
    const QStringList &classes = m_model->classes();
    std::vector<LabelEdit> edits;
    for (int r : rows) {
        const ReviewEntry &e = m_model->entry(r);
        LabelEdit edit;
        edit.path = e.relPath.toStdString();
        edit.sha256 = m_model->contentHash(r).toStdString();
        edit.folder = e.folder.toStdString();
        if (label == kExclude)
            edit.excluded = true;
        else
            edit.label = classes.value(label >= 0 ? label : e.given >= 0 ? e.given : e.suggested).toStdString();
        edits.push_back(edit);
    }
    const int next = rows.last() + 1 < m_model->rowCount() ? m_model->entryOfRow(rows.last() + 1)
                     : rows.first() > 0                    ? m_model->entryOfRow(rows.first() - 1)
                                                           : -1;
    try {
        m_manifest->record(edits);
    } catch (const std::exception &e) {
        return fail(QString::fromStdString(e.what()));
    }
    refreshAfterChange(next);
}

void ReviewView::undo()
{
    if (m_manifest && m_manifest->undo())
        refreshAfterChange(m_grid->currentIndex().isValid() ? m_model->entryOfRow(m_grid->currentIndex().row()) : -1);
}

void ReviewView::redo()
{
    if (m_manifest && m_manifest->redo())
        refreshAfterChange(m_grid->currentIndex().isValid() ? m_model->entryOfRow(m_grid->currentIndex().row()) : -1);
}

void ReviewView::refreshAfterChange(int nextEntry)
{
    m_model->refresh(*m_manifest);
    const int row = nextEntry >= 0 ? m_model->rowOfEntry(nextEntry) : (m_model->rowCount() > 0 ? 0 : -1);
    m_grid->selectionModel()->clearSelection();
    if (row >= 0)
        m_grid->setCurrentIndex(m_model->index(row));
    updateStatus();
    Q_EMIT labelsChanged(m_root);
}

QString ReviewView::statusText() const
{
    return m_status->text();
}

QString ReviewView::labelsFile() const
{
    return m_manifest ? QString::fromStdString(m_manifest->file()) : QString();
}

void ReviewView::updateStatus()
{
    const int total = m_model->entryCount();
    m_status->setText(total ? tr("%1 of %2 reviewed").arg(m_model->reviewedCount()).arg(total) : QString());
    m_labels->setText(m_manifest ? tr("Labels: %1%2").arg(QDir::toNativeSeparators(labelsFile()),
                                                          m_manifest->atRoot() ? QString() : tr(" (the data set folder is not writable)"))
                                 : QString());
    m_undo->setEnabled(m_manifest && m_manifest->canUndo());
    m_redo->setEnabled(m_manifest && m_manifest->canRedo());
    m_retrain->setEnabled(!m_root.isEmpty());
    m_sort->setEnabled(m_frames);
    const bool busy = m_progress->isVisible();
    m_find->setEnabled(!busy && !m_root.isEmpty() && !m_modelFolder.isEmpty());
    if (total == 0 && !busy && !m_source->text().startsWith(QStringLiteral("⚠")))
        m_source->setText(m_root.isEmpty() || m_modelFolder.isEmpty()
                              ? tr("Find the labels that are probably wrong, or label new frames with the model's help. "
                                   "Open a data set and a model first.")
                              : tr("Find label errors ranks the labelled images of %1 with %2; Label new frames opens a "
                                   "folder of unlabelled ones.")
                                    .arg(QFileInfo(m_root).fileName(), modelName(m_modelFolder)));
    m_open->setEnabled(!busy && !m_modelFolder.isEmpty());
    QStringList keys;
    const auto &classes = m_model->classes();
    for (int c = 0; c < classes.size() && c < 9; ++c)
        keys << QStringLiteral("%1 %2").arg(c + 1).arg(classes[c]);
    keys << tr("X exclude") << (m_frames ? tr("Space confirm the suggestion") : tr("Space keep")) << tr("Ctrl+Z undo")
         << tr("Ctrl+Shift+Z redo");
    m_keys->setText(tr("Keys: %1").arg(keys.join(QStringLiteral(" · "))));
}

void ReviewView::openFrames(const QString &folder)
{
    if (m_modelFolder.isEmpty())
        return fail(tr("Open a model first (File → Open model): it suggests the labels."));
    m_framesToPredict.clear();
    QDirIterator it(folder, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (isImageExtension("." + QFileInfo(path).suffix().toLower().toStdString()))
            m_framesToPredict << canonical(path);
    }
    m_framesToPredict.sort();
    if (m_framesToPredict.isEmpty())
        return fail(tr("%1 holds no images.").arg(folder));
    if (!m_framePredictor) {
        m_framePredictor = new Predictor(this);
        connect(m_framePredictor, &Predictor::modelLoaded, this, [this](const QString &, const QStringList &labels) {
            m_frameClasses = labels;
            m_framePredictor->predict(m_framesToPredict);
        });
        connect(m_framePredictor, &Predictor::modelFailed, this, [this](const QString &message) {
            setBusy(false);
            fail(message);
        });
        connect(m_framePredictor, &Predictor::predicted, this, &ReviewView::addFrame);
        connect(m_framePredictor, &Predictor::batchFinished, this, &ReviewView::framesFinished);
    }
    m_frames = true;
    m_frameEntries.clear();
    m_model->setEntries({}, {});
    setBusy(true, tr("Predicting new frames…"));
    m_progress->setMaximum(static_cast<int>(m_framesToPredict.size()));
    m_progress->setFormat(tr("Predicting new frames: %v / %m"));
    m_framePredictor->loadModel(m_modelFolder);
}

void ReviewView::addFrame(const Prediction &p)
{
    m_progress->setValue(m_progress->value() + 1);
    if (!p.error.isEmpty() || p.probabilities.isEmpty())
        return;
    ReviewEntry e;
    e.path = p.path;
    e.relPath = m_root.isEmpty() ? p.path : QDir(m_root).relativeFilePath(p.path);
    e.probabilities = p.probabilities;
    e.suggested = static_cast<int>(std::max_element(p.probabilities.begin(), p.probabilities.end()) - p.probabilities.begin());
    m_frameEntries << e;
}

void ReviewView::framesFinished()
{
    resortFrames();
    QString note = tr("%n new frame(s) predicted by %1, the least certain first. Confirm with Space or choose a class; "
                      "they join the data set through its label manifest.", nullptr, static_cast<int>(m_frameEntries.size()))
                       .arg(modelName(m_modelFolder));
    if (m_root.isEmpty())
        note += QLatin1Char(' ') + tr("Open the data set they should join first.");
    else if (std::any_of(m_frameClasses.begin(), m_frameClasses.end(), [this](const QString &c) { return !QDir(m_root).exists(c); }))
        note += QLatin1Char(' ') + tr("Some of the model's classes are not class folders of the data set: frames labelled with them are not used.");
    m_source->setText(note);
    m_grid->setFocus();
    setBusy(false);
}

void ReviewView::resortFrames()
{
    if (!m_frames)
        return;
    const auto kind = static_cast<Uncertainty>(m_sort->currentData().toInt());
    const auto calibration = readCalibration(m_modelFolder.toStdString());
    if (kind == Uncertainty::SetSize && !calibration)
        m_source->setText(tr("The model has no calibration, so it has no prediction sets: sorted by margin instead."));
    for (auto &e : m_frameEntries) {
        int setSize = 1;
        if (calibration)
            setSize = static_cast<int>(trustPrediction(*calibration, std::vector<double>(e.probabilities.begin(), e.probabilities.end())).set.size());
        e.score = frameScore(e.probabilities, kind, setSize);
    }
    m_model->setEntries(m_frameClasses, m_frameEntries);
    if (m_manifest)
        m_model->refresh(*m_manifest);
    fillPairFilter();
    updateStatus();
}

} // namespace vitscope

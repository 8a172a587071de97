#include "ui/predict_view.h"

#include "data/image_formats.h"
#include "session/predictor.h"
#include "ui/csv_export.h"
#include "ui/theme.h"

#include "ui/plot.h"

#include <QCheckBox>
#include <QClipboard>
#include <QPainter>
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
#include <QStandardPaths>
#include <QVBoxLayout>

#include <algorithm>
#include <numeric>

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

} // namespace

PredictView::PredictView(Predictor *predictor, QWidget *parent) : QWidget(parent), m_predictor(predictor)
{
    setAcceptDrops(true);
    auto *notice = new QLabel(tr("For research use only. Not for use in diagnostic procedures."));
    notice->setObjectName(QStringLiteral("researchNotice"));
    notice->setStyleSheet(QStringLiteral("color: #b35900; font-weight: bold;"));
    m_image = new QLabel(tr("Drop an endoscopy image here,\nor use Open… or Paste."));
    m_image->setAlignment(Qt::AlignCenter);
    m_image->setMinimumSize(320, 260);
    m_image->setFrameShape(QFrame::StyledPanel);
    m_top = new QLabel;
    m_top->setObjectName(QStringLiteral("topClass"));
    QFont big = m_top->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    m_top->setFont(big);
    m_top->setWordWrap(true);
    m_message = new QLabel;
    m_message->setWordWrap(true);
    // An untrained head predicts noise: say so for as long as that model is loaded.
    m_modelWarning = new QLabel;
    m_modelWarning->setWordWrap(true);
    m_modelWarning->setStyleSheet(QStringLiteral("color: #c00000; font-weight: bold;"));
    m_modelWarning->setVisible(false);
    m_plot = newPlot(QString(), tr("Probability (%)"));
    m_plot->setMinimumSize(360, 260);
    m_plot->xAxis->setRange(0, 100);
    m_list = new QListWidget;
    m_list->setMaximumHeight(140);

    auto *open = new QPushButton(tr("&Open…"));
    auto *paste = new QPushButton(tr("&Paste"));
    m_export = new QPushButton(tr("&Export CSV…"));
    m_attention = new QCheckBox(tr("Show &attention"));
    m_attention->setToolTip(tr("Colours the image by how much each region fed the decision (attention rollout over all layers). "
                               "An aid to judge a prediction, not a segmentation."));
    m_export->setEnabled(false);
    connect(open, &QPushButton::clicked, this, &PredictView::openFiles);
    connect(paste, &QPushButton::clicked, this, &PredictView::pasteImage);
    connect(m_export, &QPushButton::clicked, this, &PredictView::exportCsv);
    connect(m_list, &QListWidget::currentRowChanged, this, &PredictView::show);
    connect(m_attention, &QCheckBox::toggled, this, &PredictView::setAttentionVisible);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(open);
    buttons->addWidget(paste);
    buttons->addWidget(m_export);
    buttons->addWidget(m_attention);
    buttons->addStretch();
    auto *left = new QVBoxLayout;
    left->addWidget(m_image, 1);
    left->addWidget(m_list);
    auto *right = new QVBoxLayout;
    right->addWidget(m_top);
    right->addWidget(m_plot, 1);
    auto *row = new QHBoxLayout;
    row->addLayout(left, 1);
    row->addLayout(right, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(notice);
    layout->addWidget(m_modelWarning);
    layout->addLayout(buttons);
    layout->addLayout(row, 1);
    layout->addWidget(m_message);

    connect(m_predictor, &Predictor::predicted, this, &PredictView::onPredicted);
    connect(m_predictor, &Predictor::attentionReady, this, &PredictView::onAttention);
    connect(m_predictor, &Predictor::modelLoaded, this, [this](const QString &, const QStringList &, const QStringList &, const QString &) {
        m_modelWarning->setVisible(false);
    });
    connect(m_predictor, &Predictor::untrainedHead, this, [this] {
        m_modelWarning->setText(tr("This model's classification head has not been trained: its probabilities are meaningless. "
                                   "Train it first (Train view) or open a fine-tuned model."));
        m_modelWarning->setVisible(true);
    });
}

void PredictView::predictFiles(const QStringList &paths)
{
    const QStringList files = expand(paths);
    if (files.isEmpty()) {
        setMessage(tr("No image files found in what was dropped."), true);
        return;
    }
    m_results.clear();
    m_list->clear();
    setMessage(tr("Predicting %n image(s)…", nullptr, static_cast<int>(files.size())), false);
    m_predictor->predict(files);
}

void PredictView::onPredicted(const Prediction &p)
{
    m_results.push_back(p);
    auto *item = new QListWidgetItem(QFileInfo(p.path).fileName());
    if (!p.error.isEmpty()) {
        item->setText(tr("%1 — cannot be used").arg(QFileInfo(p.path).fileName()));
        item->setForeground(Qt::red);
        setMessage(tr("%1 cannot be used: %2").arg(QFileInfo(p.path).fileName(), p.error), true);
    } else {
        setMessage(QString(), false);
    }
    m_list->addItem(item);
    m_export->setEnabled(true);
    if (m_results.size() == 1 || p.error.isEmpty())
        m_list->setCurrentRow(static_cast<int>(m_results.size()) - 1);
}

void PredictView::show(int row)
{
    if (row < 0 || row >= m_results.size())
        return;
    const Prediction &p = m_results.at(row);
    m_currentPath = p.path;
    m_currentImage = QImage(p.path);
    m_heat = QImage();
    updatePreview();
    if (m_attention->isChecked() && p.error.isEmpty())
        m_predictor->attention(p.path);
    if (!p.error.isEmpty()) {
        m_top->setText(tr("This file cannot be used: %1").arg(p.error));
        m_plot->clearPlottables();
        m_bars = nullptr;
        m_shownValues.clear();
        m_shownLabels.clear();
        m_plot->replot();
        return;
    }
    // Sorted ascending so the most probable class is drawn at the top.
    QVector<int> order(p.probabilities.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return p.probabilities[a] < p.probabilities[b]; });
    QVector<double> keys, values;
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    m_shownValues.clear();
    m_shownLabels.clear();
    for (int i = 0; i < order.size(); ++i) {
        keys << i + 1;
        values << 100.0 * p.probabilities[order[i]];
        m_shownValues << p.probabilities[order[i]];
        m_shownLabels << p.labels[order[i]];
        ticker->addTick(i + 1, tr("%1  %2 %").arg(p.labels[order[i]]).arg(100.0 * p.probabilities[order[i]], 0, 'f', 1));
    }
    m_plot->clearPlottables();
    m_bars = new QCPBars(m_plot->yAxis, m_plot->xAxis);
    m_bars->setData(keys, values, true);
    m_bars->setBrush(QColor(0x2f, 0x7e, 0xd8));
    m_bars->setPen(Qt::NoPen);
    m_plot->yAxis->setTicker(ticker);
    m_plot->yAxis->setRange(0.3, order.size() + 0.7);
    m_plot->xAxis->setRange(0, 100);
    m_plot->replot();
    const int best = order.back();
    m_top->setText(tr("Most likely: %1 (%2 %)").arg(p.labels[best]).arg(100.0 * p.probabilities[best], 0, 'f', 1));
    Q_EMIT predictionShown(p.path);
}

void PredictView::setAttentionVisible(bool on)
{
    if (m_attention->isChecked() != on)
        m_attention->setChecked(on); // comes back here through toggled
    else if (on && m_heat.isNull() && !m_currentPath.isEmpty())
        m_predictor->attention(m_currentPath);
    else
        updatePreview();
}

void PredictView::onAttention(const AttentionMap &map)
{
    if (map.path != m_currentPath)
        return; // the user has moved on
    if (!map.error.isEmpty()) {
        setMessage(tr("No attention map: %1").arg(map.error), true);
        return;
    }
    // Blue (little) to red (most), more opaque where the model drew more from.
    m_heat = QImage(map.columns, map.rows, QImage::Format_ARGB32);
    for (int r = 0; r < map.rows; ++r)
        for (int c = 0; c < map.columns; ++c) {
            const double v = map.values[r * map.columns + c];
            QColor color = QColor::fromHsvF(0.66 * (1.0 - v), 1.0, 1.0);
            color.setAlphaF(0.05 + 0.6 * v);
            m_heat.setPixelColor(c, r, color);
        }
    updatePreview();
}

void PredictView::updatePreview()
{
    m_attentionShown = false;
    if (m_currentImage.isNull()) {
        m_image->setText(m_currentPath.isEmpty() ? m_image->text() : tr("(no preview)"));
        return;
    }
    QImage shown = m_currentImage.convertToFormat(QImage::Format_ARGB32)
                       .scaled(m_image->size() * devicePixelRatioF(), Qt::KeepAspectRatio, Qt::SmoothTransformation);
    if (m_attention->isChecked() && !m_heat.isNull()) {
        // The model sees the whole frame resized to a square, so its grid spans the whole frame.
        QPainter painter(&shown);
        painter.setRenderHint(QPainter::SmoothPixmapTransform);
        painter.drawImage(shown.rect(), m_heat.scaled(shown.size(), Qt::IgnoreAspectRatio, Qt::SmoothTransformation));
        m_attentionShown = true;
    }
    shown.setDevicePixelRatio(devicePixelRatioF());
    m_image->setPixmap(QPixmap::fromImage(shown));
}

void PredictView::setMessage(const QString &message, bool error)
{
    m_message->setText(message);
    m_message->setStyleSheet(error ? QStringLiteral("color: #c00000;") : QString());
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

void PredictView::openFiles()
{
    const auto files = QFileDialog::getOpenFileNames(this, tr("Open images"), QString(),
                                                     tr("Images (%1)").arg(imageFilters().join(QLatin1Char(' '))));
    if (!files.isEmpty())
        predictFiles(files);
}

void PredictView::pasteImage()
{
    const QImage img = QGuiApplication::clipboard()->image();
    if (img.isNull()) {
        setMessage(tr("The clipboard holds no image."), true);
        return;
    }
    const QString path = QDir(QStandardPaths::writableLocation(QStandardPaths::TempLocation)).filePath(QStringLiteral("vitscope-pasted.png"));
    img.convertToFormat(QImage::Format_RGB888).save(path);
    predictFiles({path});
}

void PredictView::exportCsv()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export predictions"), QStringLiteral("predictions.csv"), tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QStringList labels;
    for (const auto &r : m_results)
        if (!r.labels.isEmpty()) {
            labels = r.labels;
            break;
        }
    QStringList header = {QStringLiteral("path"), QStringLiteral("top1"), QStringLiteral("confidence"), QStringLiteral("error")};
    for (const auto &l : labels)
        header << QStringLiteral("p_") + l;
    QVector<QStringList> records = {header};
    for (const auto &r : m_results) {
        const auto best = r.probabilities.isEmpty()
                              ? -1
                              : static_cast<int>(std::max_element(r.probabilities.begin(), r.probabilities.end()) - r.probabilities.begin());
        QStringList row = {r.path, best >= 0 ? r.labels[best] : QString(), best >= 0 ? csvNumberText(r.probabilities[best]) : QString(),
                           r.error};
        for (double v : r.probabilities)
            row << csvNumberText(v);
        records.push_back(row);
    }
    if (!writeCsvFile(path, records))
        setMessage(tr("Cannot write %1").arg(path), true);
}

QVector<double> PredictView::barValues() const { return m_shownValues; }
QStringList PredictView::barLabels() const { return m_shownLabels; }
QString PredictView::message() const { return m_message->text(); }
QString PredictView::modelWarning() const { return m_modelWarning->isHidden() ? QString() : m_modelWarning->text(); }
int PredictView::resultCount() const { return static_cast<int>(m_results.size()); }

} // namespace vitscope

#include "ui/trust_panel.h"

#include "ui/plot.h"
#include "ui/theme.h"
#include "ui/trust_text.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace vitscope {
namespace {

QCPBars *reliabilityBars(QCustomPlot *plot, const CalibrationMetrics &m, double offset, const QColor &colour, const QString &name)
{
    QVector<double> keys, values;
    for (const auto &b : m.bins)
        if (b.count > 0) {
            keys << (b.lo + b.hi) / 2 + offset;
            values << b.accuracy;
        }
    auto *bars = new QCPBars(plot->xAxis, plot->yAxis);
    bars->setName(name);
    bars->setWidth(m.bins.empty() ? 0.03 : (m.bins.front().hi - m.bins.front().lo) * 0.45);
    bars->setData(keys, values, true);
    bars->setBrush(colour);
    bars->setPen(Qt::NoPen);
    return bars;
}

} // namespace

TrustPanel::TrustPanel(QWidget *parent) : QWidget(parent), m_model(new QStandardItemModel(this))
{
    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("trustSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_table = new QTableView;
    m_table->setModel(m_model);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->setToolTip(tr("NLL: mean negative log-likelihood of the true class. Brier: mean squared error of the probabilities (0 to 2). "
                           "ECE: the gap between confidence and accuracy, averaged over 15 confidence bins. MCE: the largest gap of a bin. "
                           "Lower is better for all four."));
    m_plot = newPlot(tr("Accuracy"), tr("Confidence (top probability)"));
    m_plot->setMinimumSize(260, 200);
    m_plot->xAxis->setRange(0, 1);
    m_plot->yAxis->setRange(0, 1);
    m_plot->legend->setVisible(true);
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
    m_plot->setToolTip(tr("Reliability diagram: for the images in each confidence bin, how often the prediction was right. "
                          "A calibrated model's bars follow the diagonal."));
    auto *row = new QHBoxLayout;
    row->addWidget(m_table, 1);
    row->addWidget(m_plot, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addLayout(row, 1);
}

void TrustPanel::showTrust(const std::optional<PartTrust> &trust, const QString &part, const QString &error, qint64 fittedOn)
{
    m_model->clear();
    m_plot->clearPlottables();
    m_plot->clearItems();
    if (!trust) {
        m_summary->setText(!error.isEmpty() ? tr("The run's calibration cannot be used: %1").arg(error)
                                            : tr("No calibration figures for this part: they are computed for the test and validation parts "
                                                 "of runs trained with this version (vitscope-cli calibrate fits a calibration for any model)."));
        m_plot->replot();
        return;
    }
    const auto &t = *trust;
    const QLocale locale;
    QString text = tr("Temperature %1, fitted on the validation part.").arg(locale.toString(t.temperature, 'f', 3));
    if (fittedOn > 0 && fittedOn < kFirmCalibrationImages)
        text += QLatin1Char(' ') + tr("Only %1 validation images: the temperature and the sets are rough; the more held-out images, the firmer they are.").arg(fittedOn);
    if (part == QLatin1String("val"))
        text += QLatin1Char(' ') + tr("These are the images the calibration was fitted on, so the figures after scaling and the coverage are "
                                      "not an independent check: read them on the test part.");
    const QString level = percentText(1 - t.alpha, 0);
    if (std::isfinite(t.sets.qhat))
        text += QLatin1Char(' ') + tr("%1 sets (%2): they held the true class for %3 of these images, with %4 classes on average.")
                                       .arg(level, QString::fromLatin1(choiceName(t.score)).toUpper(), percentText(t.sets.coverage),
                                            locale.toString(t.sets.meanSetSize, 'f', 2));
    else
        text += QLatin1Char(' ') + tr("Too few validation images for %1 sets: every set holds every class.").arg(level);
    text += QLatin1Char(' ') + guaranteeText(t.alpha);
    if (t.intervals.resamples > 0)
        text += QLatin1Char(' ') + tr("Intervals: %1 bootstrap resamples (percentile), seed %2.").arg(t.intervals.resamples).arg(t.intervals.seed);
    m_summary->setText(text);

    m_model->setHorizontalHeaderLabels({tr("Measure"), tr("Raw"), tr("Calibrated")});
    const std::pair<QString, std::pair<double, double>> rows[] = {{tr("NLL"), {t.raw.nll, t.scaled.nll}},
                                                                  {tr("Brier"), {t.raw.brier, t.scaled.brier}},
                                                                  {tr("ECE"), {t.raw.ece, t.scaled.ece}},
                                                                  {tr("MCE"), {t.raw.mce, t.scaled.mce}}};
    for (const auto &[name, values] : rows) {
        QList<QStandardItem *> items{new QStandardItem(name), new QStandardItem(locale.toString(values.first, 'f', 4)),
                                     new QStandardItem(locale.toString(values.second, 'f', 4))};
        items[1]->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        items[2]->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_model->appendRow(items);
    }

    const double w = t.raw.bins.empty() ? 0 : (t.raw.bins.front().hi - t.raw.bins.front().lo) / 4;
    reliabilityBars(m_plot, t.raw, -w, QColor(0xd8, 0x6a, 0x2f), tr("Raw"));
    reliabilityBars(m_plot, t.scaled, w, QColor(0x2f, 0x7e, 0xd8), tr("Calibrated"));
    auto *diagonal = new QCPItemLine(m_plot);
    diagonal->start->setCoords(0, 0);
    diagonal->end->setCoords(1, 1);
    diagonal->setPen(QPen(m_plot->xAxis->basePen().color(), 1, Qt::DashLine));
    m_plot->replot();
}

QString TrustPanel::summaryText() const
{
    return m_summary->text();
}

int TrustPanel::plottedBins() const
{
    int n = 0;
    for (int i = 0; i < m_plot->plottableCount(); ++i)
        if (auto *bars = qobject_cast<QCPBars *>(m_plot->plottable(i)))
            n += bars->data()->size();
    return n;
}

} // namespace vitscope

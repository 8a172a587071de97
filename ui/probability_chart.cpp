#include "ui/probability_chart.h"

#include "ui/theme.h"

#include "ui/plot.h"

#include <QLabel>
#include <QStackedLayout>

#include <algorithm>
#include <numeric>

namespace vitscope {

ProbabilityChart::ProbabilityChart(QWidget *parent) : QWidget(parent)
{
    m_placeholder = new QLabel;
    m_placeholder->setObjectName(QStringLiteral("chartPlaceholder"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setFrameShape(QFrame::StyledPanel);
    m_plot = newPlot(QString(), tr("Probability (%)"));
    m_plot->xAxis->setRange(0, 100);
    m_stack = new QStackedLayout(this);
    m_stack->addWidget(m_placeholder);
    m_stack->addWidget(m_plot);
    setMinimumSize(360, 260);
    clear();
}

void ProbabilityChart::clear()
{
    showNothing(tr("Open or drop an image to see its class probabilities."));
}

QString ProbabilityChart::percent(double probability)
{
    return percentText(probability);
}

void ProbabilityChart::showProbabilities(const QStringList &labels, const QVector<double> &probabilities)
{
    QVector<int> order(probabilities.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return probabilities[a] < probabilities[b]; });
    QVector<double> keys, values;
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    m_values.clear();
    m_labels.clear();
    for (int i = 0; i < order.size(); ++i) {
        const double p = probabilities[order[i]];
        keys << i + 1;
        values << 100.0 * p;
        m_values << p;
        m_labels << labels.value(order[i]);
        ticker->addTick(i + 1, tr("%1  %2").arg(labels.value(order[i]), percent(p)));
    }
    m_plot->clearPlottables();
    auto *bars = new QCPBars(m_plot->yAxis, m_plot->xAxis);
    bars->setData(keys, values, true);
    bars->setBrush(QColor(0x2f, 0x7e, 0xd8));
    bars->setPen(Qt::NoPen);
    m_plot->yAxis->setTicker(ticker);
    m_plot->yAxis->setRange(0.3, order.size() + 0.7);
    m_plot->xAxis->setRange(0, 100);
    m_plot->replot();
    m_stack->setCurrentWidget(m_plot);
}

void ProbabilityChart::showNothing(const QString &why)
{
    // The plot is emptied too, bars and the labels beside them: nothing of an earlier image is left.
    m_plot->clearPlottables();
    m_plot->yAxis->setTicker(QSharedPointer<QCPAxisTickerText>(new QCPAxisTickerText));
    m_plot->replot();
    m_values.clear();
    m_labels.clear();
    m_placeholder->setText(why);
    m_stack->setCurrentWidget(m_placeholder);
}

} // namespace vitscope

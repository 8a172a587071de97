#include "ui/theme.h"

#include <QCoreApplication>
#include <QLocale>

#include "ui/plot.h"

#include <QApplication>
#include <QEvent>
#include <QStyleFactory>

namespace vitscope {
namespace {

class PaletteFollower : public QObject {
public:
    using QObject::QObject;
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::PaletteChange)
            applyPalette(static_cast<QCustomPlot *>(watched));
        return false;
    }
};

} // namespace

void applyPalette(QCustomPlot *plot)
{
    const QPalette p = plot->palette();
    const QColor text = p.color(QPalette::Text), grid = p.color(QPalette::Mid);
    plot->setBackground(p.brush(QPalette::Base));
    for (QCPAxis *axis : plot->axisRect()->axes()) {
        axis->setBasePen(QPen(text));
        axis->setTickPen(QPen(text));
        axis->setSubTickPen(QPen(text));
        axis->setTickLabelColor(text);
        axis->setLabelColor(text);
        axis->grid()->setPen(QPen(grid, 1, Qt::DotLine));
    }
    plot->legend->setBrush(Qt::NoBrush); // legends sit outside the axes, on the window colour
    plot->legend->setBorderPen(Qt::NoPen);
    plot->legend->setTextColor(text);
    plot->replot(QCustomPlot::rpQueuedReplot);
}

void useDarkPalette()
{
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    const QColor window(45, 45, 48), base(30, 30, 32), text(230, 230, 230), disabled(130, 130, 130);
    QPalette p;
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(53, 53, 56));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::Highlight, QColor(47, 126, 216));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Mid, QColor(90, 90, 95));
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(150, 150, 155)); // Fusion's default is near the dark base
    p.setColor(QPalette::Link, QColor(110, 170, 240));
    p.setColor(QPalette::Disabled, QPalette::Text, disabled);
    p.setColor(QPalette::Disabled, QPalette::ButtonText, disabled);
    p.setColor(QPalette::Disabled, QPalette::WindowText, disabled);
    QApplication::setPalette(p);
}

QCustomPlot *newPlot(const QString &yLabel, const QString &xLabel)
{
    auto *plot = new QCustomPlot;
    plot->xAxis->setLabel(xLabel);
    plot->yAxis->setLabel(yLabel);
    plot->legend->setFont(QFont(plot->font().family(), 8));
    plot->installEventFilter(new PaletteFollower(plot));
    applyPalette(plot);
    return plot;
}

QString percentText(double probability, int decimals)
{
    // The sign's place is the language's: after the number in English, before it in Turkish.
    return QCoreApplication::translate("Format", "%1\u00a0%").arg(QLocale().toString(100.0 * probability, 'f', decimals));
}

} // namespace vitscope

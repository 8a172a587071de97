#pragma once
// Look and feel: a dark palette, and plots that follow the palette (QCustomPlot paints white with
// black axes whatever the palette; these plots also follow later palette changes).
class QCustomPlot;
class QString;

namespace vitscope {

QCustomPlot *newPlot(const QString &yLabel, const QString &xLabel);
void applyPalette(QCustomPlot *plot);
void useDarkPalette(); // Fusion style with a dark palette, for the whole application

} // namespace vitscope

#pragma once
// Look and feel: a dark palette, and plots that follow the palette (QCustomPlot paints white with
// black axes whatever the palette; these plots also follow later palette changes).
class QCustomPlot;
class QString;

namespace vitscope {

QCustomPlot *newPlot(const QString &yLabel, const QString &xLabel);
void applyPalette(QCustomPlot *plot);
void useDarkPalette(); // Fusion style with a dark palette, for the whole application

// "12,5 %" in the user's locale (decimal comma in Turkish), with a non-breaking space so the
// sign never wraps onto a line of its own.
QString percentText(double probability, int decimals = 1);

} // namespace vitscope

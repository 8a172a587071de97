#pragma once
// Exports a user takes away (CSV tables, PNG figures): every one carries the research-use notice.
// CSV goes through engine/csv.h (RFC 4180, the same writer as predictions.csv), atomically: a
// failed write leaves any previous file as it was.
#include <QImage>
#include <QString>
#include <QStringList>
#include <QVector>

namespace vitscope {

// The notice, declared once: window, status bar, Predict view, exports, About.
QString researchNotice();
// The notice as the first line ("# ..."), then the records.
bool writeCsvFile(const QString &path, const QVector<QStringList> &records);
// `image` with a white footer below it: `caption` (e.g. the run) and the notice.
QImage withNoticeFooter(const QImage &image, const QString &caption);
QString csvNumberText(double value); // as predictions.csv writes numbers

} // namespace vitscope

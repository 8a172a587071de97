#pragma once
// Writes a CSV export (RFC 4180, through engine/csv.h: the same writer as predictions.csv)
// atomically: a failed write leaves any previous file as it was.
#include <QString>
#include <QStringList>
#include <QVector>

namespace vitscope {

bool writeCsvFile(const QString &path, const QVector<QStringList> &records);
QString csvNumberText(double value); // as predictions.csv writes numbers

} // namespace vitscope

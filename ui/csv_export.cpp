#include "ui/csv_export.h"

#include "engine/csv.h"

#include <algorithm>

#include <QCoreApplication>
#include <QFontMetrics>
#include <QPainter>
#include <QSaveFile>

namespace vitscope {

QString researchNotice()
{
    return QCoreApplication::translate("Export", "For research use only. Not for use in diagnostic procedures.");
}

bool writeCsvFile(const QString &path, const QVector<QStringList> &records)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    // A comment line: spreadsheets show it, and pandas reads the table with comment="#".
    const QByteArray notice = "# " + researchNotice().toUtf8() + "\r\n";
    if (file.write(notice) != notice.size())
        return false;
    for (const auto &r : records) {
        CsvRecord fields;
        for (const auto &f : r)
            fields.push_back(f.toStdString());
        const std::string line = csvRecord(fields);
        if (file.write(line.data(), static_cast<qint64>(line.size())) != static_cast<qint64>(line.size()))
            return false;
    }
    return file.commit();
}

QImage withNoticeFooter(const QImage &image, const QString &caption)
{
    QFont font;
    font.setPixelSize(std::max(11, image.height() / 40));
    const QFontMetrics metrics(font);
    const int pad = metrics.height() / 2, footer = 2 * metrics.height() + 3 * pad;
    const int width = std::max(image.width(), std::max(metrics.horizontalAdvance(caption), metrics.horizontalAdvance(researchNotice())) + 2 * pad);
    QImage out(width, image.height() + footer, QImage::Format_RGB32);
    out.fill(Qt::white);
    QPainter p(&out);
    p.drawImage(0, 0, image);
    p.setFont(font);
    p.setPen(Qt::black);
    p.drawText(QRect(pad, image.height() + pad, width - 2 * pad, metrics.height()), Qt::AlignLeft | Qt::AlignVCenter, caption);
    font.setBold(true);
    p.setFont(font);
    p.drawText(QRect(pad, image.height() + 2 * pad + metrics.height(), width - 2 * pad, metrics.height()), Qt::AlignLeft | Qt::AlignVCenter,
               researchNotice());
    return out;
}

QString csvNumberText(double value)
{
    return QString::fromStdString(csvNumber(value));
}

} // namespace vitscope

#include "ui/csv_export.h"

#include "engine/csv.h"

#include <QSaveFile>

namespace vitscope {

bool writeCsvFile(const QString &path, const QVector<QStringList> &records)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
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

QString csvNumberText(double value)
{
    return QString::fromStdString(csvNumber(value));
}

} // namespace vitscope

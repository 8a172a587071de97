#include "ui/predict_export.h"

#include "ui/csv_export.h"

#include <algorithm>

namespace vitscope {

bool writePredictionsCsv(const QString &path, const QVector<ExportRow> &rows, bool calibrated, double alpha)
{
    QStringList labels;
    for (const auto &r : rows)
        if (!r.prediction.labels.isEmpty()) {
            labels = r.prediction.labels;
            break;
        }
    QStringList header = {QStringLiteral("path"), QStringLiteral("top1"), QStringLiteral("confidence"), QStringLiteral("error")};
    if (calibrated)
        header << QStringLiteral("calibrated_confidence") << QStringLiteral("set_%1").arg(qRound(100 * (1 - alpha))) << QStringLiteral("review");
    for (const auto &l : labels)
        header << QStringLiteral("p_") + l;
    QVector<QStringList> records = {header};
    for (const auto &row : rows) {
        const auto &r = row.prediction;
        const auto best = r.probabilities.isEmpty()
                              ? -1
                              : static_cast<int>(std::max_element(r.probabilities.begin(), r.probabilities.end()) - r.probabilities.begin());
        QStringList record = {r.path, best >= 0 ? r.labels[best] : QString(), best >= 0 ? csvNumberText(r.probabilities[best]) : QString(), r.error};
        if (calibrated) {
            QStringList set;
            for (const int c : row.set)
                set << r.labels.value(c);
            const bool has = !row.calibrated.isEmpty() && best >= 0;
            record << (has ? csvNumberText(row.calibrated[best]) : QString()) << (has ? set.join(QLatin1Char(';')) : QString())
                   << (has ? (row.review ? QStringLiteral("yes") : QStringLiteral("no")) : QString());
        }
        for (double v : r.probabilities)
            record << csvNumberText(v);
        records.push_back(record);
    }
    return writeCsvFile(path, records);
}

} // namespace vitscope

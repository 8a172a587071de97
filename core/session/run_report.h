#pragma once
// The run report and model card as the Evaluate view asks for them: the explanation examples
// (a forward and a Grad-CAM pass per image), the model card and the HTML and PDF. Blocking: call
// it off the GUI thread (QtConcurrent); it returns values only.
#include <QString>
#include <QStringList>
#include <QMetaType>

namespace vitscope {

struct RunReportOutcome {
    QString html, pdf, modelCard; // files written
    QStringList notes;            // what the run lacks, as the report says it
    QString error;                // non-empty: no report was written
};

RunReportOutcome writeReportFor(const QString &runFolder, const QString &language); // "en" or "tr"

} // namespace vitscope

Q_DECLARE_METATYPE(vitscope::RunReportOutcome)

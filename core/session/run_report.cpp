#include "session/run_report.h"

#include "job/model_card.h"
#include "job/report_examples.h"
#include "report/report.h"

namespace vitscope {

RunReportOutcome writeReportFor(const QString &runFolder, const QString &language)
{
    RunReportOutcome out;
    try {
        const std::string run = runFolder.toStdString();
        const ModelCardResult card = writeModelCard(run);
        out.modelCard = QString::fromStdString(card.path);
        if (!card.error.empty())
            out.notes << QString::fromStdString(card.error);
        ReportRequest request;
        request.run = run;
        request.language = language.toStdString();
        request.pdf = true;
        const ExampleSet examples = computeReportExamples(run);
        request.examples = examples.examples;
        request.examplesProblem = examples.problem;
        const ReportResult result = writeRunReport(request);
        out.html = QString::fromStdString(result.html);
        out.pdf = QString::fromStdString(result.pdf);
        for (const auto &m : result.missing)
            out.notes << QString::fromStdString(m);
    } catch (const std::exception &e) {
        out.error = QString::fromStdString(e.what());
    }
    return out;
}

} // namespace vitscope

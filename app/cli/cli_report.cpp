// report: the run report (HTML, optionally PDF; English or Turkish) and the model card of a run.
// Qt stays out of this file: the report library's header is plain C++, and the QGuiApplication it
// needs is created by withGuiApplication, inside this command only.
#include "cli_commands.h"

#include "job/model_card.h"
#include "job/report_examples.h"
#include "report/report.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <iostream>

namespace fs = std::filesystem;

namespace vitscope::cli {
namespace {

struct ReportArgs {
    std::string run, language = "en", device = "cpu";
    int examples = 3;
    bool pdf = false, json = false;
};

int runReport(const ReportArgs &a)
{
    if (!fs::exists(fs::path(a.run) / "run.json"))
        throw UsageError(a.run + " is not a run folder (no run.json)");
    const ModelCardResult card = writeModelCard(a.run);
    if (!card.error.empty() && !a.json)
        std::cerr << "note: no model card: " << card.error << "\n";

    ReportRequest request;
    request.run = a.run;
    request.language = a.language;
    request.pdf = a.pdf;
    if (a.examples > 0) {
        const ExampleSet set = computeReportExamples(a.run, {a.examples, a.examples, a.device});
        request.examples = set.examples;
        request.examplesProblem = set.problem;
        if (!set.problem.empty() && !a.json)
            std::cerr << "note: no explanation examples: " << set.problem << "\n";
    }
    ReportResult result;
    withGuiApplication([&] {
        result = writeRunReport(request);
        return 0;
    });
    if (a.json) {
        nlohmann::json j = {{"html", result.html}, {"missing", result.missing}};
        j["pdf"] = result.pdf.empty() ? nlohmann::json(nullptr) : nlohmann::json(result.pdf);
        j["model_card"] = card.path.empty() ? nlohmann::json(nullptr) : nlohmann::json(card.path);
        if (!card.error.empty())
            j["model_card_error"] = card.error;
        std::cout << j.dump() << "\n";
    } else {
        std::cout << result.html << "\n";
        if (!result.pdf.empty())
            std::cout << result.pdf << "\n";
        if (!card.path.empty())
            std::cout << card.path << "\n";
        for (const auto &m : result.missing)
            std::cerr << "note: not in this run: " << m << "\n";
    }
    return kExitOk;
}

} // namespace

void addReport(CLI::App &app, int &exitCode)
{
    auto args = std::make_shared<ReportArgs>();
    auto *cmd = app.add_subcommand("report", "write a run's report (report.html, or report-tr.html in Turkish; with --pdf the PDF "
                                             "too) into the run folder, and its model card checkpoints/best/README.md");
    cmd->add_option("--run", args->run, "the run folder")->required();
    cmd->add_option("--lang", args->language, "the report's language")->check(CLI::IsMember({"en", "tr"}))->capture_default_str();
    cmd->add_flag("--pdf", args->pdf, "also write the PDF");
    cmd->add_option("--examples", args->examples, "correct and misclassified test images explained (each; 0: none)")
        ->check(CLI::Range(0, 12))
        ->capture_default_str();
    cmd->add_option("--device", args->device, "device for the explanation maps (auto, cpu, cuda, cuda:N)")->capture_default_str();
    cmd->add_flag("--json", args->json, "print the written paths as one JSON line");
    cmd->callback([args, &exitCode] { exitCode = runReport(*args); });
}

} // namespace vitscope::cli

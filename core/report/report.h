#pragma once
// The run report (issue #13): one self-contained HTML file (CSS inline, every image a base64 data
// URI) and optionally a PDF of the same document, in English or Turkish, written into the run
// folder. Plain C++ types only, so the CLI can call it without Qt's headers or compile flags; the
// implementation uses QtGui (QTextDocument, QPdfWriter, QPainter), never torch.
#include <functional>
#include <string>
#include <vector>

namespace vitscope {

// One test image with its explanation maps, computed by the caller (core/job/report_examples.h).
struct ExplanationExample {
    std::string path; // as predictions.csv names it
    std::string trueLabel, predictedLabel;
    double probability = 0; // of the predicted class
    int width = 0, height = 0;      // the model's input, RGB bytes row by row (what the maps cover)
    std::vector<unsigned char> rgb; // width * height * 3
    int gridH = 0, gridW = 0;
    std::vector<float> gradCam; // gridH * gridW, any scale (empty: not computed)
    std::vector<float> rollout; // gridH * gridW, any scale (empty: not computed)
};

struct ReportRequest {
    std::string run;             // the run folder
    std::string language = "en"; // "en" or "tr"
    bool pdf = false;
    std::vector<ExplanationExample> examples;
    std::string examplesProblem; // why there are no examples (shown as given), empty when none was tried
};

struct ReportResult {
    std::string html, pdf;             // the files written ("" when not written)
    std::vector<std::string> missing;  // sections whose inputs the run lacks, in English
};

// English: report.html and report.pdf; Turkish: report-tr.html and report-tr.pdf.
std::string reportFileName(const std::string &language, bool pdf);

// Throws std::runtime_error (unknown language, no run.json, a file that cannot be written). Missing
// or unreadable inputs of a section are not errors: that section says so.
ReportResult writeRunReport(const ReportRequest &request);

// Runs `work` with a QGuiApplication (fonts, painting) when none exists yet, on the "offscreen"
// platform unless QT_QPA_PLATFORM says otherwise; returns what `work` returns.
int withGuiApplication(const std::function<int()> &work);

} // namespace vitscope

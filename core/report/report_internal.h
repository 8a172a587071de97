#pragma once
// What the report's translation units share: the run folder's files as read (each may be absent),
// the language's wording and number formats, the figures collected for embedding, and one
// function per section returning its HTML.
#include "report/report.h"

#include <QImage>
#include <QLocale>
#include <QString>
#include <QTranslator>

#include <nlohmann/json.hpp>

#include <vector>

namespace vitscope::report {

// The run folder's inputs. Each is null when the file is absent or unreadable (`problems` says why).
struct Inputs {
    std::string run;
    nlohmann::json runJson, split, modelConfig, calibration, val, test;
    std::vector<std::string> problems;
};
Inputs readInputs(const std::string &run);

// The requested language, independent of the application's: its catalogue and its locale. The
// catalogue is looked up directly instead of installed, so a GUI in another language gets no
// LanguageChange events and its own translations stay untouched.
class Text {
public:
    explicit Text(const std::string &language); // throws std::runtime_error for an unknown language
    // `source` is marked with QT_TRANSLATE_NOOP("Report", ...) where it is written, for lupdate.
    QString t(const char *source) const;
    const QLocale &locale() const { return m_locale; }
    QString number(double value, int decimals = 3) const; // "0.912" / "0,912"
    QString count(int64_t value) const;                   // "1,234" / "1.234"
    QString percent(double fraction, int decimals = 1) const; // "91.2 %" / "%91,2"
    QString interval(double lo, double hi, int decimals = 3) const;
    QString dateTime(const std::string &iso) const; // run.json's ISO time, in the language; as given when unparsable
    QString duration(double seconds) const;
    QString language() const { return m_language; }

private:
    QString m_language;
    QLocale m_locale;
    QTranslator m_translator;
};

// Figures for the document: HTML refers to them as img-N.png; the HTML file gets data URIs.
class Figures {
public:
    QString add(const QImage &image, int displayWidth); // an <img> element
    const std::vector<QImage> &images() const { return m_images; }
    static QString name(std::size_t index);

private:
    std::vector<QImage> m_images;
};

QString escaped(const std::string &text);
QString notice(const Text &text); // the research-use notice
QString noteParagraph(const QString &message); // "not available" and the like, styled alike

// Sections (report_sections_*.cpp). `missing` collects, in English, what a section could not show.
QString headerSection(const Inputs &in, const Text &text);
QString useSection(const Text &text);
QString dataSection(const Inputs &in, const Text &text, std::vector<std::string> &missing);
QString modelSection(const Inputs &in, const Text &text, std::vector<std::string> &missing);
QString runSection(const Inputs &in, const Text &text);
QString testSection(const Inputs &in, const Text &text, Figures &figures, std::vector<std::string> &missing);
QString calibrationSection(const Inputs &in, const Text &text, Figures &figures, std::vector<std::string> &missing);
QString examplesSection(const ReportRequest &request, const Text &text, Figures &figures, std::vector<std::string> &missing);
QString limitationsSection(const Text &text);

// Figures drawn with QPainter (report_figures.cpp).
QImage confusionImage(const std::vector<std::vector<int64_t>> &matrix, const std::vector<QString> &labels, const Text &text);
// bins: {lo, hi, count, confidence, accuracy} per bin, raw and scaled side by side.
QImage reliabilityImage(const nlohmann::json &raw, const nlohmann::json &scaled, const Text &text);
QImage inputImage(const ExplanationExample &example);
QImage overlayImage(const ExplanationExample &example, const std::vector<float> &map);
// The image, its Grad-CAM and its rollout side by side, titled: one figure, so that a page break
// never separates them (QTextDocument splits table rows across pages).
QImage exampleImage(const ExplanationExample &example, const Text &text);

} // namespace vitscope::report

namespace vitscope::report {

// JSON read defensively: a missing key or a wrong type reads as null / NaN / "".
const nlohmann::json &member(const nlohmann::json &j, const char *key);
double numberAt(const nlohmann::json &j, const char *key); // NaN when absent
QString plainText(const nlohmann::json &value);             // a scalar or a list, as written in the file

// Table markup both renderers lay out alike.
QString tableStart(const QStringList &headers, const QList<bool> &numeric = {});
QString tableRow(const QStringList &cells, const QList<bool> &numeric = {});
QString keyValueTable(const std::vector<std::pair<QString, QString>> &rows);

} // namespace vitscope::report

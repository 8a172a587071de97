// The report's frame: the language, the run folder's inputs, the document, the HTML and PDF files.
#include "report/report_internal.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDateTime>
#include <QGuiApplication>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>
#include <QUrl>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace fs = std::filesystem;
using nlohmann::json;

namespace vitscope {
namespace report {

Text::Text(const std::string &language) : m_language(QString::fromStdString(language))
{
    if (language == "en") {
        m_locale = QLocale(QLocale::English, QLocale::UnitedStates);
    } else if (language == "tr") {
        m_locale = QLocale(QLocale::Turkish, QLocale::Turkey);
        if (!m_translator.load(QStringLiteral(":/i18n/vitscope_report_tr.qm")))
            throw std::runtime_error("the Turkish report catalogue (:/i18n/vitscope_report_tr.qm) is missing from this build");
    } else {
        throw std::runtime_error("unknown report language '" + language + "' (en or tr)");
    }
    m_locale.setNumberOptions(QLocale::DefaultNumberOptions);
}

QString Text::t(const char *source) const
{
    const QString translated = m_translator.isEmpty() ? QString() : m_translator.translate("Report", source);
    return translated.isEmpty() ? QString::fromUtf8(source) : translated;
}

QString Text::number(double value, int decimals) const
{
    if (!std::isfinite(value))
        return t(QT_TRANSLATE_NOOP("Report", "n/a"));
    return m_locale.toString(value, 'f', decimals);
}

QString Text::count(int64_t value) const { return m_locale.toString(static_cast<qlonglong>(value)); }

QString Text::percent(double fraction, int decimals) const
{
    if (!std::isfinite(fraction))
        return t(QT_TRANSLATE_NOOP("Report", "n/a"));
    // The sign's place is the language's: after the number in English, before it in Turkish.
    return t(QT_TRANSLATE_NOOP("Report", "%1\u00a0%")).arg(m_locale.toString(100.0 * fraction, 'f', decimals));
}

QString Text::interval(double lo, double hi, int decimals) const
{
    // A dash, not a comma: Turkish writes decimals with a comma.
    return number(lo, decimals) + QStringLiteral("\u2013") + number(hi, decimals);
}

QString Text::dateTime(const std::string &iso) const
{
    const QDateTime dt = QDateTime::fromString(QString::fromStdString(iso), Qt::ISODate);
    if (!dt.isValid())
        return escaped(iso);
    return m_locale.toString(dt, QStringLiteral("d MMMM yyyy, HH:mm:ss t"));
}

QString Text::duration(double seconds) const
{
    const auto s = static_cast<int64_t>(std::llround(seconds));
    if (s < 60)
        return t(QT_TRANSLATE_NOOP("Report", "%1 s")).arg(s);
    if (s < 3600)
        return t(QT_TRANSLATE_NOOP("Report", "%1 min %2 s")).arg(s / 60).arg(s % 60);
    return t(QT_TRANSLATE_NOOP("Report", "%1 h %2 min")).arg(s / 3600).arg(s / 60 % 60);
}

QString Figures::name(std::size_t index) { return QStringLiteral("img-%1.png").arg(index); }

QString Figures::add(const QImage &image, int displayWidth)
{
    m_images.push_back(image);
    const int width = std::min(displayWidth, 600); // the PDF's text width is about 620 px
    const int height = image.width() > 0 ? image.height() * width / image.width() : 0;
    return QStringLiteral("<img src=\"%1\" width=\"%2\" height=\"%3\" alt=\"\">").arg(name(m_images.size() - 1)).arg(width).arg(height);
}

QString escaped(const std::string &text) { return QString::fromStdString(text).toHtmlEscaped(); }

QString notice(const Text &text)
{
    return text.t(QT_TRANSLATE_NOOP("Report", "For research use only. Not for use in diagnostic procedures."));
}

QString noteParagraph(const QString &message) { return QStringLiteral("<p class=\"note\"><i>%1</i></p>\n").arg(message); }

namespace {

json readJson(const fs::path &path, std::vector<std::string> &problems)
{
    std::error_code ec;
    if (!fs::exists(path, ec))
        return nullptr;
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    json j = json::parse(buffer.str(), nullptr, false);
    if (!in || j.is_discarded() || !j.is_object()) {
        problems.push_back(path.string() + " cannot be read as a JSON object");
        return nullptr;
    }
    return j;
}

} // namespace

Inputs readInputs(const std::string &run)
{
    Inputs in;
    // "runs/20261204-120000/" (as a shell completes it) names the run as "runs/20261204-120000" does.
    fs::path normal = fs::path(run).lexically_normal();
    if (normal.filename().empty() && normal.has_parent_path())
        normal = normal.parent_path();
    in.run = normal.string();
    const fs::path root(run);
    if (!fs::exists(root / "run.json"))
        throw std::runtime_error(run + " is not a run folder (no run.json)");
    in.runJson = readJson(root / "run.json", in.problems);
    if (in.runJson.is_null())
        throw std::runtime_error((root / "run.json").string() + " cannot be read as a JSON object");
    in.split = readJson(root / "split.json", in.problems);
    in.modelConfig = readJson(root / "checkpoints" / "best" / "config.json", in.problems);
    in.calibration = readJson(root / "checkpoints" / "best" / "calibration.json", in.problems);
    in.val = readJson(root / "val" / "metrics.json", in.problems);
    in.test = readJson(root / "test" / "metrics.json", in.problems);
    return in;
}

namespace {

// Styles both renderers understand: a browser, and QTextDocument for the PDF (a CSS subset).
const char *kStyle = R"(
body { font-family: 'DejaVu Sans', 'Segoe UI', Arial, sans-serif; font-size: 9pt; color: #1a1a1a; }
h1 { font-size: 16pt; color: #123a5a; margin-bottom: 2px; }
h2 { font-size: 12.5pt; color: #123a5a; margin-top: 16px; margin-bottom: 4px; border-bottom: 1px solid #9bb0c4; }
h3 { font-size: 10pt; color: #123a5a; margin-top: 10px; margin-bottom: 3px; }
table { border-collapse: collapse; margin-top: 3px; margin-bottom: 6px; }
th { background-color: #e4ebf2; text-align: left; font-weight: bold; }
td.num, th.num { text-align: right; }
td.key { color: #333333; }
p.notice { background-color: #fff3cd; color: #5c4300; font-weight: bold; padding: 6px; border: 1px solid #d9b44a; }
p.note { color: #6b6b6b; }
p.small, span.small { font-size: 8pt; color: #555555; }
)";

QString document(const QString &body, const Text &text, const std::string &runName)
{
    return QStringLiteral("<!DOCTYPE html>\n<html lang=\"%1\">\n<head>\n<meta charset=\"utf-8\">\n<title>%2</title>\n<style>%3</style>\n"
                          "</head>\n<body>\n%4</body>\n</html>\n")
        .arg(text.language(), text.t(QT_TRANSLATE_NOOP("Report", "Run report")) + QStringLiteral(" \u2013 ") + escaped(runName),
             QString::fromUtf8(kStyle), body);
}

QByteArray pngBytes(const QImage &image)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

void save(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        throw std::runtime_error(path.toStdString() + " cannot be written (" + file.errorString().toStdString() + ")");
}

void writePdf(const QString &path, const QString &html, const Figures &figures, const Text &text)
{
    QTextDocument doc;
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPointSizeF(9);
    doc.setDefaultFont(font);
    for (std::size_t i = 0; i < figures.images().size(); ++i)
        doc.addResource(QTextDocument::ImageResource, QUrl(Figures::name(i)), figures.images()[i]);
    doc.setHtml(html);
    QByteArray bytes;
    {
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        QPdfWriter writer(&buffer);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(12, 12, 12, 12), QPageLayout::Millimeter);
        writer.setTitle(text.t(QT_TRANSLATE_NOOP("Report", "Run report")));
        writer.setCreator(QStringLiteral("vitscope"));
        doc.print(&writer);
    }
    save(path, bytes);
}

} // namespace
} // namespace report

std::string reportFileName(const std::string &language, bool pdf)
{
    return std::string(language == "en" ? "report" : "report-" + language) + (pdf ? ".pdf" : ".html");
}

ReportResult writeRunReport(const ReportRequest &request)
{
    using namespace report;
    const Text text(request.language);
    const Inputs in = readInputs(request.run);
    Figures figures;
    ReportResult result;
    const QString body = headerSection(in, text) + useSection(text) + dataSection(in, text, result.missing) +
                         modelSection(in, text, result.missing) + runSection(in, text) +
                         testSection(in, text, figures, result.missing) + calibrationSection(in, text, figures, result.missing) +
                         examplesSection(request, text, figures, result.missing) + limitationsSection(text) +
                         QStringLiteral("<p class=\"notice\">%1</p>\n").arg(notice(text));
    const std::string runName = fs::path(in.run).filename().string();
    const QString html = document(body, text, runName);

    QString standalone = html; // every figure inline: the file travels alone
    for (std::size_t i = 0; i < figures.images().size(); ++i)
        standalone.replace(QStringLiteral("src=\"%1\"").arg(Figures::name(i)),
                           QStringLiteral("src=\"data:image/png;base64,%1\"").arg(QString::fromLatin1(pngBytes(figures.images()[i]).toBase64())));
    const fs::path htmlPath = fs::path(request.run) / reportFileName(request.language, false);
    save(QString::fromStdString(htmlPath.string()), standalone.toUtf8());
    result.html = htmlPath.string();
    if (request.pdf) {
        const fs::path pdfPath = fs::path(request.run) / reportFileName(request.language, true);
        writePdf(QString::fromStdString(pdfPath.string()), html, figures, text);
        result.pdf = pdfPath.string();
    }
    return result;
}

int withGuiApplication(const std::function<int()> &work)
{
    if (QCoreApplication::instance())
        return work();
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen"); // a command-line tool needs no display
    int argc = 1;
    char name[] = "vitscope-cli";
    char *argv[] = {name, nullptr};
    QGuiApplication app(argc, argv);
    return work();
}

} // namespace vitscope

// The report's first sections: title and notice, intended use, the data, the model and recipe,
// the hardware and run time.
#include "report/report_internal.h"

#include "config/hub_id.h"

#include <QDateTime>
#include <QRegularExpression>

#include <array>
#include <cmath>
#include <filesystem>
#include <map>

namespace fs = std::filesystem;
using nlohmann::json;

namespace vitscope::report {

const json &member(const json &j, const char *key)
{
    static const json null;
    if (!j.is_object())
        return null;
    const auto it = j.find(key);
    return it == j.end() ? null : *it;
}

double numberAt(const json &j, const char *key)
{
    const json &v = member(j, key);
    return v.is_number() ? v.get<double>() : std::nan("");
}

QString plainText(const json &value)
{
    if (value.is_string())
        return QString::fromStdString(value.get<std::string>());
    if (value.is_array()) {
        QStringList items;
        for (const auto &v : value)
            items << plainText(v);
        return items.join(QStringLiteral(", "));
    }
    if (value.is_null())
        return {};
    return QString::fromStdString(value.dump());
}

QString tableRow(const QStringList &cells, const QList<bool> &numeric)
{
    QString row = QStringLiteral("<tr>");
    for (int i = 0; i < cells.size(); ++i)
        row += (i < numeric.size() && numeric[i] ? QStringLiteral("<td class=\"num\" align=\"right\">") : QStringLiteral("<td>")) + cells[i] +
               QStringLiteral("</td>");
    return row + QStringLiteral("</tr>\n");
}

QString tableStart(const QStringList &headers, const QList<bool> &numeric)
{
    QString t = QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\">\n<tr>");
    for (int i = 0; i < headers.size(); ++i)
        t += (i < numeric.size() && numeric[i] ? QStringLiteral("<th class=\"num\" align=\"right\">") : QStringLiteral("<th>")) + headers[i] +
             QStringLiteral("</th>");
    return t + QStringLiteral("</tr>\n");
}

QString keyValueTable(const std::vector<std::pair<QString, QString>> &rows)
{
    QString t = QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\">\n");
    for (const auto &[key, value] : rows)
        t += QStringLiteral("<tr><td class=\"key\" width=\"32%\"><b>%1</b></td><td>%2</td></tr>\n").arg(key, value);
    return t + QStringLiteral("</table>\n");
}

namespace {

QString statusText(const std::string &status, const Text &text)
{
    static const std::map<std::string, const char *> names = {
        {"running", QT_TRANSLATE_NOOP("Report", "running (or killed)")},
        {"finished", QT_TRANSLATE_NOOP("Report", "finished")},
        {"stopped", QT_TRANSLATE_NOOP("Report", "stopped")},
        {"early-stopped", QT_TRANSLATE_NOOP("Report", "stopped early (no improvement)")},
        {"failed", QT_TRANSLATE_NOOP("Report", "failed")}};
    const auto it = names.find(status);
    return it == names.end() ? escaped(status) : text.t(it->second);
}

QString orNotRecorded(const json &value, const Text &text)
{
    const QString s = plainText(value);
    return s.isEmpty() ? text.t(QT_TRANSLATE_NOOP("Report", "not recorded")) : s.toHtmlEscaped();
}

// run.json's device in the report's language: the engine records "CPU, N threads" in English.
QString deviceText(const json &value, const Text &text)
{
    static const QRegularExpression cpu(QStringLiteral("^CPU, (\\d+) threads?$")); // "1 threads" in run.json before 12/2026
    const auto m = cpu.match(plainText(value));
    if (!m.hasMatch())
        return orNotRecorded(value, text);
    return m.captured(1) == QLatin1String("1") ? text.t(QT_TRANSLATE_NOOP("Report", "CPU, 1 thread"))
                                               : text.t(QT_TRANSLATE_NOOP("Report", "CPU, %1 threads")).arg(m.captured(1));
}

// Parameters of a ViT for image classification from its config.json (HF's layout).
double parameterCount(const json &c, std::size_t classes)
{
    const double h = numberAt(c, "hidden_size"), layers = numberAt(c, "num_hidden_layers"), mlp = numberAt(c, "intermediate_size"),
                 image = numberAt(c, "image_size"), patch = numberAt(c, "patch_size");
    const double channels = member(c, "num_channels").is_number() ? numberAt(c, "num_channels") : 3;
    if (!(h > 0 && layers > 0 && mlp > 0 && image > 0 && patch > 0))
        return std::nan("");
    const double tokens = std::pow(std::floor(image / patch), 2) + 1;
    const double embeddings = channels * patch * patch * h + h + tokens * h + h; // patch projection, position, CLS
    const double block = 4 * (h * h + h) + 2 * h * mlp + mlp + h + 4 * h;       // attention, MLP, two LayerNorms
    return embeddings + layers * block + 2 * h + static_cast<double>(classes) * (h + 1);
}

void flatten(const json &j, const std::string &prefix, std::vector<std::pair<QString, QString>> &rows)
{
    if (j.is_object()) {
        for (const auto &[key, value] : j.items())
            flatten(value, prefix.empty() ? key : prefix + "." + key, rows);
        return;
    }
    const QString value = plainText(j);
    rows.emplace_back(escaped(prefix), value.isEmpty() ? QStringLiteral("&ndash;") : value.toHtmlEscaped()); // "", []: not set
}

} // namespace

QString headerSection(const Inputs &in, const Text &text)
{
    const std::string name = fs::path(in.run).lexically_normal().filename().string();
    QString s = QStringLiteral("<h1>%1: %2</h1>\n").arg(text.t(QT_TRANSLATE_NOOP("Report", "Run report")), escaped(name));
    s += QStringLiteral("<p class=\"small\">%1: %2 &nbsp;&middot;&nbsp; %3: %4<br>%5: %6</p>\n")
             .arg(text.t(QT_TRANSLATE_NOOP("Report", "Status")), statusText(member(in.runJson, "status").is_string() ? member(in.runJson, "status").get<std::string>() : "", text),
                  text.t(QT_TRANSLATE_NOOP("Report", "Written")), text.dateTime(QDateTime::currentDateTime().toString(Qt::ISODate).toStdString()),
                  text.t(QT_TRANSLATE_NOOP("Report", "Run folder")), escaped(fs::absolute(in.run).lexically_normal().string()));
    if (const QString message = plainText(member(in.runJson, "message")); !message.isEmpty())
        s += QStringLiteral("<p class=\"small\">%1: %2</p>\n").arg(text.t(QT_TRANSLATE_NOOP("Report", "Message")), message.toHtmlEscaped());
    return s + QStringLiteral("<p class=\"notice\">%1</p>\n").arg(notice(text));
}

QString useSection(const Text &text)
{
    QString s = QStringLiteral("<h2>%1</h2>\n<p>%2</p>\n")
                    .arg(text.t(QT_TRANSLATE_NOOP("Report", "Intended use")),
                         text.t(QT_TRANSLATE_NOOP("Report", "Research on fine-tuning Vision Transformers to classify endoscopy images: comparing "
                                                            "recipes, studying the model's errors, its calibration and what it attends to, on "
                                                            "retrospective, de-identified images.")));
    s += QStringLiteral("<h2>%1</h2>\n<ul>\n").arg(text.t(QT_TRANSLATE_NOOP("Report", "Out-of-scope use")));
    for (const char *item : {QT_TRANSLATE_NOOP("Report", "Diagnosis, screening, triage or any other decision about a patient's care."),
                             QT_TRANSLATE_NOOP("Report", "Use as, or inside, a medical device."),
                             QT_TRANSLATE_NOOP("Report", "Images from another hospital, endoscope or imaging setting, unless the model "
                                                         "is validated again on such images."),
                             QT_TRANSLATE_NOOP("Report", "Classes other than those it was trained on: the model always answers with one "
                                                         "of its classes.")})
        s += QStringLiteral("<li>%1</li>\n").arg(text.t(item));
    return s + QStringLiteral("</ul>\n");
}

QString dataSection(const Inputs &in, const Text &text, std::vector<std::string> &missing)
{
    const json &dataset = member(in.runJson, "dataset");
    const json &split = in.split;
    QString s = QStringLiteral("<h2>%1</h2>\n").arg(text.t(QT_TRANSLATE_NOOP("Report", "Data")));
    const QString fromRoot = text.t(QT_TRANSLATE_NOOP("Report", "split from the data folder"));
    auto root = [&](const char *key) {
        const QString r = plainText(member(dataset, key));
        return r.isEmpty() ? fromRoot : r.toHtmlEscaped();
    };
    std::vector<std::pair<QString, QString>> rows = {
        {text.t(QT_TRANSLATE_NOOP("Report", "Data folder")), orNotRecorded(member(dataset, "root"), text)},
        {text.t(QT_TRANSLATE_NOOP("Report", "Validation folder")), root("val_root")},
        {text.t(QT_TRANSLATE_NOOP("Report", "Test folder")), root("test_root")},
        {text.t(QT_TRANSLATE_NOOP("Report", "Label manifest")), text.t(QT_TRANSLATE_NOOP("Report", "no label manifest: labels are the class folders"))}};
    const json &ratios = member(split, "ratios");
    if (ratios.is_object())
        rows.emplace_back(text.t(QT_TRANSLATE_NOOP("Report", "Split (train / validation / test)")),
                          QStringLiteral("%1 / %2 / %3").arg(text.number(numberAt(ratios, "train"), 2), text.number(numberAt(ratios, "val"), 2),
                                                             text.number(numberAt(ratios, "test"), 2)));
    rows.emplace_back(text.t(QT_TRANSLATE_NOOP("Report", "Split seed")), orNotRecorded(member(split, "seed"), text));
    s += keyValueTable(rows);

    // Images per class and part, counted from split.json's entries.
    const json &classes = member(split, "classes");
    if (classes.is_array() && !classes.empty()) {
        const std::size_t n = classes.size();
        std::vector<std::array<int64_t, 3>> counts(n, {0, 0, 0});
        const char *parts[] = {"train", "val", "test"};
        for (int p = 0; p < 3; ++p)
            for (const auto &e : member(split, parts[p]).is_array() ? member(split, parts[p]) : json::array())
                if (const json &label = member(e, "label"); label.is_number_integer() && label.get<int64_t>() >= 0 && label.get<std::size_t>() < n)
                    ++counts[label.get<std::size_t>()][p];
        const QList<bool> numeric = {false, true, true, true, true};
        s += QStringLiteral("<h3>%1</h3>\n").arg(text.t(QT_TRANSLATE_NOOP("Report", "Images per class")));
        s += tableStart({text.t(QT_TRANSLATE_NOOP("Report", "Class")), text.t(QT_TRANSLATE_NOOP("Report", "Training")),
                         text.t(QT_TRANSLATE_NOOP("Report", "Validation")), text.t(QT_TRANSLATE_NOOP("Report", "Test")),
                         text.t(QT_TRANSLATE_NOOP("Report", "Total"))},
                        numeric);
        std::array<int64_t, 3> total{0, 0, 0};
        for (std::size_t c = 0; c < n; ++c) {
            for (int p = 0; p < 3; ++p)
                total[p] += counts[c][p];
            s += tableRow({plainText(classes[c]).toHtmlEscaped(), text.count(counts[c][0]), text.count(counts[c][1]), text.count(counts[c][2]),
                           text.count(counts[c][0] + counts[c][1] + counts[c][2])},
                          numeric);
        }
        s += tableRow({QStringLiteral("<b>%1</b>").arg(text.t(QT_TRANSLATE_NOOP("Report", "Total"))), text.count(total[0]), text.count(total[1]),
                       text.count(total[2]), text.count(total[0] + total[1] + total[2])},
                      numeric);
        s += QStringLiteral("</table>\n");
    } else {
        missing.push_back("per-class counts (no readable split.json)");
        s += noteParagraph(text.t(QT_TRANSLATE_NOOP("Report", "The split (split.json) is not available: images per class cannot be shown.")) +
                           QStringLiteral(" ") + text.t(QT_TRANSLATE_NOOP("Report", "Images: %1 training, %2 validation, %3 test."))
                                                     .arg(text.count(member(dataset, "train").is_number() ? member(dataset, "train").get<int64_t>() : 0),
                                                          text.count(member(dataset, "val").is_number() ? member(dataset, "val").get<int64_t>() : 0),
                                                          text.count(member(dataset, "test").is_number() ? member(dataset, "test").get<int64_t>() : 0)));
    }

    // Bad files and duplicates: the lists when run.json holds them, else the counts it has.
    s += QStringLiteral("<h3>%1</h3>\n").arg(text.t(QT_TRANSLATE_NOOP("Report", "Files left out and duplicates")));
    // run.json keeps the count in bad_files and, since issue #13, the list in bad_file_list.
    const json &bad = member(dataset, "bad_file_list").is_array() ? member(dataset, "bad_file_list") : member(dataset, "bad_files");
    if (bad.is_array() && !bad.empty()) {
        s += tableStart({text.t(QT_TRANSLATE_NOOP("Report", "File")), text.t(QT_TRANSLATE_NOOP("Report", "Reason"))});
        for (const auto &b : bad)
            s += tableRow({plainText(member(b, "path")).toHtmlEscaped(), plainText(member(b, "reason")).toHtmlEscaped()});
        s += QStringLiteral("</table>\n");
    } else {
        const json &count = member(dataset, "bad_files");
        const int64_t n = count.is_number_integer() ? count.get<int64_t>() : 0;
        s += QStringLiteral("<p>%1</p>\n").arg(n == 0 ? text.t(QT_TRANSLATE_NOOP("Report", "No file was left out as unusable."))
                                                      : text.t(QT_TRANSLATE_NOOP("Report", "%1 files could not be used (this run recorded their number, "
                                                                                           "not their names).")).arg(text.count(n)));
    }
    const json &groups = member(dataset, "duplicate_groups");
    if (groups.is_array() && !groups.empty()) {
        s += QStringLiteral("<p>%1</p>\n<ul>\n").arg(text.t(QT_TRANSLATE_NOOP("Report", "Identical files (same content):")));
        for (const auto &g : groups)
            s += QStringLiteral("<li>%1</li>\n").arg(plainText(g).toHtmlEscaped());
        s += QStringLiteral("</ul>\n");
    } else {
        const json &d = member(dataset, "duplicates");
        const int64_t n = d.is_number_integer() ? d.get<int64_t>() : 0;
        s += QStringLiteral("<p>%1</p>\n").arg(n == 0 ? text.t(QT_TRANSLATE_NOOP("Report", "No identical files were found."))
                                                      : text.t(QT_TRANSLATE_NOOP("Report", "%1 groups of identical files (this run recorded their "
                                                                                           "number, not their names).")).arg(text.count(n)));
    }
    const json &warnings = member(in.runJson, "split_warnings");
    if (warnings.is_array() && !warnings.empty()) {
        s += QStringLiteral("<p>%1</p>\n<ul>\n").arg(text.t(QT_TRANSLATE_NOOP("Report", "Warnings about the split:")));
        for (const auto &w : warnings)
            s += QStringLiteral("<li>%1</li>\n").arg(plainText(w).toHtmlEscaped());
        s += QStringLiteral("</ul>\n");
    }
    return s;
}

QString modelSection(const Inputs &in, const Text &text, std::vector<std::string> &missing)
{
    const json &config = member(in.runJson, "config");
    QString s = QStringLiteral("<h2>%1</h2>\n").arg(text.t(QT_TRANSLATE_NOOP("Report", "Model and recipe")));
    const std::string modelPath = member(config, "model").is_string() ? member(config, "model").get<std::string>() : "";
    const std::string hub = hubIdOfModelPath(modelPath);
    std::vector<std::pair<QString, QString>> rows = {
        {text.t(QT_TRANSLATE_NOOP("Report", "Starting model")), orNotRecorded(member(config, "model"), text)},
        {text.t(QT_TRANSLATE_NOOP("Report", "Hugging Face Hub id")), hub.empty() ? text.t(QT_TRANSLATE_NOOP("Report", "none (a local model)")) : escaped(hub)},
        {text.t(QT_TRANSLATE_NOOP("Report", "Fine-tune mode")), orNotRecorded(member(member(config, "train"), "fine_tune"), text)}};
    const json &mc = in.modelConfig;
    if (mc.is_object()) {
        const json &labels = member(in.runJson, "labels");
        const std::size_t classes = labels.is_array() ? labels.size() : member(mc, "id2label").size();
        auto value = [&](const char *key) { return orNotRecorded(member(mc, key), text); };
        rows.insert(rows.end(), {{text.t(QT_TRANSLATE_NOOP("Report", "Architecture")), value("architectures")},
                                 {text.t(QT_TRANSLATE_NOOP("Report", "Input size (pixels)")), value("image_size")},
                                 {text.t(QT_TRANSLATE_NOOP("Report", "Patch size (pixels)")), value("patch_size")},
                                 {text.t(QT_TRANSLATE_NOOP("Report", "Hidden size")), value("hidden_size")},
                                 {text.t(QT_TRANSLATE_NOOP("Report", "Encoder blocks")), value("num_hidden_layers")},
                                 {text.t(QT_TRANSLATE_NOOP("Report", "Attention heads")), value("num_attention_heads")},
                                 {text.t(QT_TRANSLATE_NOOP("Report", "MLP size")), value("intermediate_size")},
                                 {text.t(QT_TRANSLATE_NOOP("Report", "Classes")), text.count(static_cast<int64_t>(classes))},
                                 {text.t(QT_TRANSLATE_NOOP("Report", "Parameters (millions)")), text.number(parameterCount(mc, classes) / 1e6, 2)}});
    } else {
        missing.push_back("architecture (no checkpoints/best/config.json)");
        rows.emplace_back(text.t(QT_TRANSLATE_NOOP("Report", "Architecture")),
                          text.t(QT_TRANSLATE_NOOP("Report", "not available: the run has no exported model (checkpoints/best/config.json)")));
    }
    s += keyValueTable(rows);
    s += QStringLiteral("<h3>%1</h3>\n").arg(text.t(QT_TRANSLATE_NOOP("Report", "Recipe (the whole configuration in run.json)")));
    std::vector<std::pair<QString, QString>> recipe;
    flatten(config, "", recipe);
    flatten(member(in.runJson, "recipe"), "recipe", recipe);
    return s + keyValueTable(recipe);
}

QString runSection(const Inputs &in, const Text &text)
{
    const json &r = in.runJson;
    QString s = QStringLiteral("<h2>%1</h2>\n").arg(text.t(QT_TRANSLATE_NOOP("Report", "Hardware, run time and versions")));
    const QDateTime started = QDateTime::fromString(plainText(member(r, "started")), Qt::ISODate);
    const QDateTime ended = QDateTime::fromString(plainText(member(r, "ended")), Qt::ISODate);
    std::vector<std::pair<QString, QString>> rows = {
        {text.t(QT_TRANSLATE_NOOP("Report", "Device")), deviceText(member(r, "device"), text)},
        {text.t(QT_TRANSLATE_NOOP("Report", "Started")), member(r, "started").is_string() ? text.dateTime(member(r, "started").get<std::string>())
                                                                                        : text.t(QT_TRANSLATE_NOOP("Report", "not recorded"))},
        {text.t(QT_TRANSLATE_NOOP("Report", "Ended")), member(r, "ended").is_string() ? text.dateTime(member(r, "ended").get<std::string>())
                                                                                    : text.t(QT_TRANSLATE_NOOP("Report", "not recorded (the run did not end)"))},
        {text.t(QT_TRANSLATE_NOOP("Report", "Duration")), started.isValid() && ended.isValid()
                                                              ? text.duration(static_cast<double>(started.secsTo(ended)))
                                                              : text.t(QT_TRANSLATE_NOOP("Report", "not available"))}};
    s += keyValueTable(rows);
    std::vector<std::pair<QString, QString>> versions;
    const json versionsJson = member(r, "versions").is_object() ? member(r, "versions") : json::object(); // items() refers to it
    for (const auto &[name, version] : versionsJson.items())
        versions.emplace_back(escaped(name), plainText(version).isEmpty() ? QStringLiteral("&ndash;") : plainText(version).toHtmlEscaped()); // cuda: "" without CUDA
    s += QStringLiteral("<h3>%1</h3>\n").arg(text.t(QT_TRANSLATE_NOOP("Report", "Library versions")));
    return s + (versions.empty() ? noteParagraph(text.t(QT_TRANSLATE_NOOP("Report", "not recorded"))) : keyValueTable(versions));
}

} // namespace vitscope::report

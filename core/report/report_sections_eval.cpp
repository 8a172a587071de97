// The report's evaluation sections: test metrics with intervals, per class and the confusion
// matrix; calibration and prediction sets; explanation examples; limitations.
#include "report/report_internal.h"

#include <cmath>

using nlohmann::json;

namespace vitscope::report {
namespace {

QString heading(const char *source, const Text &text) { return QStringLiteral("<h2>%1</h2>\n").arg(text.t(source)); }

std::vector<QString> labelsOf(const json &metrics)
{
    std::vector<QString> labels;
    for (const auto &l : member(metrics, "labels").is_array() ? member(metrics, "labels") : json::array())
        labels.push_back(plainText(l));
    return labels;
}

// [lo, hi] of a metric in "intervals", or nothing.
bool intervalOf(const json &intervals, const char *key, double &lo, double &hi)
{
    const json &v = member(intervals, key);
    if (!v.is_array() || v.size() != 2 || !v[0].is_number() || !v[1].is_number())
        return false;
    lo = v[0].get<double>();
    hi = v[1].get<double>();
    return true;
}

} // namespace

QString testSection(const Inputs &in, const Text &text, Figures &figures, std::vector<std::string> &missing)
{
    QString s = heading(QT_TRANSLATE_NOOP("Report", "Test results"), text);
    const json &m = in.test;
    if (!m.is_object() || !member(m, "accuracy").is_number()) {
        missing.push_back("test metrics (no test/metrics.json)");
        return s + noteParagraph(text.t(QT_TRANSLATE_NOOP("Report", "This run has no test part (no test/metrics.json): no test metrics, "
                                                                    "intervals, confusion matrix or calibration figures can be reported.")));
    }
    s += QStringLiteral("<p>%1</p>\n").arg(text.t(QT_TRANSLATE_NOOP("Report", "The best epoch's model on %1 test images, which took no part "
                                                                              "in training or in choosing the epoch."))
                                               .arg(text.count(member(m, "count").is_number() ? member(m, "count").get<int64_t>() : 0)));
    const json &intervals = member(m, "intervals");
    const QList<bool> numeric = {false, true, true};
    s += tableStart({text.t(QT_TRANSLATE_NOOP("Report", "Metric")), text.t(QT_TRANSLATE_NOOP("Report", "Value")),
                     text.t(QT_TRANSLATE_NOOP("Report", "95 % interval"))},
                    numeric);
    struct Row {
        const char *name, *key;
        bool percent;
    };
    const Row rows[] = {{QT_TRANSLATE_NOOP("Report", "Accuracy"), "accuracy", true},
                        {QT_TRANSLATE_NOOP("Report", "Macro F1"), "macro_f1", false},
                        {QT_TRANSLATE_NOOP("Report", "Weighted F1"), "weighted_f1", false},
                        {QT_TRANSLATE_NOOP("Report", "Matthews correlation (MCC)"), "mcc", false},
                        {QT_TRANSLATE_NOOP("Report", "Macro precision"), "macro_precision", false},
                        {QT_TRANSLATE_NOOP("Report", "Macro recall"), "macro_recall", false},
                        {QT_TRANSLATE_NOOP("Report", "Cross-entropy loss"), "loss", false}};
    bool anyInterval = false;
    for (const Row &r : rows) {
        const double v = numberAt(m, r.key);
        double lo = 0, hi = 0;
        const bool has = intervalOf(intervals, r.key, lo, hi);
        anyInterval = anyInterval || has;
        const QString interval = !has ? QStringLiteral("&ndash;")
                                 : r.percent ? text.percent(lo) + QStringLiteral("\u2013") + text.percent(hi)
                                             : text.interval(lo, hi);
        s += tableRow({text.t(r.name), r.percent ? text.percent(v) : text.number(v), interval}, numeric);
    }
    s += QStringLiteral("</table>\n");
    if (anyInterval)
        s += QStringLiteral("<p class=\"small\">%1</p>\n")
                 .arg(text.t(QT_TRANSLATE_NOOP("Report", "Intervals: %1 bootstrap (%2) over %3 resamples of the test images, seed %4. They "
                                                         "show how much the figures could move with another sample of images like these."))
                          .arg(text.percent(member(intervals, "level").is_number() ? numberAt(intervals, "level") : 0.95, 0),
                               plainText(member(intervals, "method")).toHtmlEscaped(), plainText(member(intervals, "resamples")),
                               plainText(member(intervals, "seed"))));
    else {
        missing.push_back("bootstrap intervals");
        s += noteParagraph(text.t(QT_TRANSLATE_NOOP("Report", "Intervals are not available: this run was evaluated before bootstrap "
                                                              "intervals were added.")));
    }

    const auto labels = labelsOf(m);
    const json &perClass = member(m, "per_class");
    if (perClass.is_array() && !perClass.empty()) {
        const QList<bool> num = {false, true, true, true, true, true};
        s += QStringLiteral("<h3>%1</h3>\n").arg(text.t(QT_TRANSLATE_NOOP("Report", "Per class")));
        s += tableStart({text.t(QT_TRANSLATE_NOOP("Report", "Class")), text.t(QT_TRANSLATE_NOOP("Report", "Precision")),
                         text.t(QT_TRANSLATE_NOOP("Report", "Recall")), text.t(QT_TRANSLATE_NOOP("Report", "F1")),
                         text.t(QT_TRANSLATE_NOOP("Report", "Images")), text.t(QT_TRANSLATE_NOOP("Report", "Predicted"))},
                        num);
        for (const auto &row : perClass)
            s += tableRow({plainText(member(row, "label")).toHtmlEscaped(), text.number(numberAt(row, "precision")), text.number(numberAt(row, "recall")),
                           text.number(numberAt(row, "f1")), plainText(member(row, "support")), plainText(member(row, "predicted"))},
                          num);
        s += QStringLiteral("</table>\n");
    }
    std::vector<std::vector<int64_t>> matrix;
    if (const json &c = member(m, "confusion"); c.is_array())
        try {
            matrix = c.get<std::vector<std::vector<int64_t>>>();
        } catch (const json::exception &) {
            matrix.clear();
        }
    s += QStringLiteral("<h3>%1</h3>\n").arg(text.t(QT_TRANSLATE_NOOP("Report", "Confusion matrix")));
    if (!matrix.empty() && matrix.size() == labels.size()) {
        const QImage image = confusionImage(matrix, labels, text);
        s += QStringLiteral("<p>%1</p>\n").arg(figures.add(image, image.width() / 2));
    } else {
        missing.push_back("confusion matrix");
        s += noteParagraph(text.t(QT_TRANSLATE_NOOP("Report", "not available")));
    }
    return s;
}

QString calibrationSection(const Inputs &in, const Text &text, Figures &figures, std::vector<std::string> &missing)
{
    QString s = heading(QT_TRANSLATE_NOOP("Report", "Calibration and prediction sets"), text);
    const json &cal = member(in.test, "calibration");
    const json &raw = member(cal, "raw"), &scaled = member(cal, "scaled");
    if (!raw.is_object() || !scaled.is_object()) {
        missing.push_back("calibration (no calibration figures in test/metrics.json)");
        s += noteParagraph(text.t(QT_TRANSLATE_NOOP("Report", "Calibration is not available: this run's test metrics hold no calibration "
                                                              "figures (a run made before temperature scaling was added, or one without a "
                                                              "test part).")));
    } else {
        const json &fitted = in.calibration;
        s += QStringLiteral("<p>%1</p>\n")
                 .arg(text.t(QT_TRANSLATE_NOOP("Report", "A probability is only useful if it means what it says: of the images shown with "
                                                         "90 %, about 9 in 10 should be right. Temperature scaling divides the model's "
                                                         "scores by one number T, fitted on the %1 validation images; it changes the "
                                                         "probabilities, never the predicted class. Measured on the test images:"))
                          .arg(member(fitted, "count").is_number() ? text.count(member(fitted, "count").get<int64_t>())
                                                                   : text.t(QT_TRANSLATE_NOOP("Report", "(number not recorded)"))));
        const QList<bool> numeric = {false, true, true};
        s += tableStart({text.t(QT_TRANSLATE_NOOP("Report", "Measure")), text.t(QT_TRANSLATE_NOOP("Report", "Before scaling")),
                         text.t(QT_TRANSLATE_NOOP("Report", "After scaling"))},
                        numeric);
        s += tableRow({text.t(QT_TRANSLATE_NOOP("Report", "Temperature T")), text.number(1.0, 3), text.number(numberAt(cal, "temperature"), 3)}, numeric);
        const std::pair<const char *, const char *> measures[] = {
            {QT_TRANSLATE_NOOP("Report", "Negative log-likelihood (NLL)"), "nll"},
            {QT_TRANSLATE_NOOP("Report", "Brier score"), "brier"},
            {QT_TRANSLATE_NOOP("Report", "Expected calibration error (ECE)"), "ece"},
            {QT_TRANSLATE_NOOP("Report", "Maximum calibration error (MCE)"), "mce"}};
        for (const auto &[name, key] : measures)
            s += tableRow({text.t(name), text.number(numberAt(raw, key), 4), text.number(numberAt(scaled, key), 4)}, numeric);
        s += QStringLiteral("</table>\n");
        s += QStringLiteral("<p class=\"small\">%1</p>\n")
                 .arg(text.t(QT_TRANSLATE_NOOP("Report", "ECE and MCE over %1 equal-width confidence bins; lower is better for all four."))
                          .arg(plainText(member(cal, "bins"))));
        const QImage diagram = reliabilityImage(raw, scaled, text);
        s += QStringLiteral("<p>%1</p>\n").arg(figures.add(diagram, diagram.width() / 2));
    }

    const json &conformal = member(in.test, "conformal");
    s += QStringLiteral("<h3>%1</h3>\n").arg(text.t(QT_TRANSLATE_NOOP("Report", "Prediction sets")));
    if (!member(conformal, "coverage").is_number()) {
        missing.push_back("prediction-set coverage");
        return s + noteParagraph(text.t(QT_TRANSLATE_NOOP("Report", "Prediction sets are not available for this run.")));
    }
    const double alpha = numberAt(conformal, "alpha");
    s += QStringLiteral("<p>%1</p>\n")
             .arg(text.t(QT_TRANSLATE_NOOP("Report", "Instead of one class, a prediction set holds every class whose probability passes a "
                                                     "threshold (q = %1, split conformal, score %2) chosen on the validation images so "
                                                     "that the set holds the true class for at least %3 of images like them. On the test "
                                                     "images the sets held the true class for %4, with %5 classes per set on average."))
                      .arg(text.number(numberAt(conformal, "qhat"), 4), plainText(member(conformal, "score")).toHtmlEscaped(),
                           text.percent(1.0 - alpha, 0), text.percent(numberAt(conformal, "coverage")),
                           text.number(numberAt(conformal, "mean_set_size"), 2)));
    const json &perClass = member(conformal, "per_class");
    if (perClass.is_array() && !perClass.empty()) {
        const QList<bool> numeric = {false, true, true, true};
        s += tableStart({text.t(QT_TRANSLATE_NOOP("Report", "Class")), text.t(QT_TRANSLATE_NOOP("Report", "Images")),
                         text.t(QT_TRANSLATE_NOOP("Report", "Coverage")), text.t(QT_TRANSLATE_NOOP("Report", "Mean set size"))},
                        numeric);
        for (const auto &row : perClass)
            s += tableRow({plainText(member(row, "label")).toHtmlEscaped(), plainText(member(row, "count")), text.percent(numberAt(row, "coverage")),
                           text.number(numberAt(row, "mean_set_size"), 2)},
                          numeric);
        s += QStringLiteral("</table>\n");
        s += QStringLiteral("<p class=\"small\">%1</p>\n")
                 .arg(text.t(QT_TRANSLATE_NOOP("Report", "The guarantee is for all images together, not for each class: a class can fall "
                                                         "below the target, most often a small one.")));
    }
    return s;
}

QString examplesSection(const ReportRequest &request, const Text &text, Figures &figures, std::vector<std::string> &missing)
{
    QString s = heading(QT_TRANSLATE_NOOP("Report", "What the model looked at"), text);
    if (request.examples.empty()) {
        missing.push_back("explanation examples");
        QString why = text.t(QT_TRANSLATE_NOOP("Report", "No explanation examples were computed for this report."));
        if (!request.examplesProblem.empty())
            why += QStringLiteral(" (") + escaped(request.examplesProblem) + QStringLiteral(")");
        return s + noteParagraph(why);
    }
    bool anyGradCam = false;
    for (const auto &e : request.examples)
        anyGradCam = anyGradCam || !e.gradCam.empty();
    s += QStringLiteral("<p>%1</p>\n")
             .arg(text.t(QT_TRANSLATE_NOOP("Report", "Test images as the model saw them, with Grad-CAM (the image regions that raised the "
                                                     "predicted class's score) and attention rollout (how much each patch fed the "
                                                     "classifier through all layers). Red is most, blue least. These maps show where the "
                                                     "model looked, not why, and can look convincing on a wrong answer.")));
    if (!anyGradCam) {
        missing.push_back("Grad-CAM maps");
        s += noteParagraph(text.t(QT_TRANSLATE_NOOP("Report", "Grad-CAM is not available in this build: attention rollout only.")));
    }
    for (const bool wrong : {false, true}) {
        QString rows;
        for (const auto &e : request.examples) {
            if ((e.trueLabel != e.predictedLabel) != wrong)
                continue;
            const QString caption = text.t(QT_TRANSLATE_NOOP("Report", "%1 &nbsp;&middot;&nbsp; true: <b>%2</b>, predicted: <b>%3</b> (%4)"))
                                        .arg(escaped(e.path), escaped(e.trueLabel), escaped(e.predictedLabel), text.percent(e.probability));
            rows += QStringLiteral("<p>%1<br><span class=\"small\">%2</span></p>\n").arg(figures.add(exampleImage(e, text), 354), caption);
        }
        s += QStringLiteral("<h3>%1</h3>\n").arg(wrong ? text.t(QT_TRANSLATE_NOOP("Report", "Misclassified")) : text.t(QT_TRANSLATE_NOOP("Report", "Correct")));
        if (rows.isEmpty()) {
            s += noteParagraph(wrong ? text.t(QT_TRANSLATE_NOOP("Report", "No misclassified test image.")) : text.t(QT_TRANSLATE_NOOP("Report", "No correct test image.")));
            continue;
        }
        s += rows;
    }
    return s;
}

QString limitationsSection(const Text &text)
{
    QString s = heading(QT_TRANSLATE_NOOP("Report", "Limitations"), text) + QStringLiteral("<ul>\n");
    for (const char *item :
         {QT_TRANSLATE_NOOP("Report", "The images come from one site. Figures measured here say little about another hospital, endoscope, "
                                      "light source or bowel preparation."),
          QT_TRANSLATE_NOOP("Report", "There are no patient identifiers, so images of one patient (often near-identical frames) may sit on "
                                      "both sides of the split; test figures can then be optimistic."),
          QT_TRANSLATE_NOOP("Report", "The model may rely on shortcut artefacts rather than the tissue, such as on-screen insets, text "
                                      "overlays, black borders or markers that happen to go with a class. The maps above can show this."),
          QT_TRANSLATE_NOOP("Report", "Calibration and the prediction-set guarantee hold only for images like the validation images, not for "
                                      "another hospital or scope, nor when the mix of classes changes."),
          QT_TRANSLATE_NOOP("Report", "Labels are the class folders as given; label errors in the data are neither found nor corrected.")})
        s += QStringLiteral("<li>%1</li>\n").arg(text.t(item));
    return s + QStringLiteral("</ul>\n");
}

} // namespace vitscope::report

// The report's figures, drawn with QPainter at twice their display size (sharp in the PDF): the
// confusion matrix, the reliability diagram, and an image with a heat map over it.
#include "report/report_internal.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

using nlohmann::json;

namespace vitscope::report {
namespace {

constexpr int kScale = 2;

QFont font(int pixels, bool bold = false)
{
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPixelSize(pixels * kScale);
    f.setBold(bold);
    return f;
}

// Blue (low) to red (high), as the app's attention view.
QColor heat(double v)
{
    v = std::clamp(v, 0.0, 1.0);
    const double r = std::clamp(1.5 - std::abs(4 * v - 3), 0.0, 1.0), g = std::clamp(1.5 - std::abs(4 * v - 2), 0.0, 1.0),
                 b = std::clamp(1.5 - std::abs(4 * v - 1), 0.0, 1.0);
    return QColor::fromRgbF(static_cast<float>(r), static_cast<float>(g), static_cast<float>(b));
}

QString elided(const QString &label, const QFontMetrics &metrics, int width)
{
    return metrics.elidedText(label, Qt::ElideMiddle, width);
}

} // namespace

QImage confusionImage(const std::vector<std::vector<int64_t>> &matrix, const std::vector<QString> &labels, const Text &text)
{
    const int n = static_cast<int>(matrix.size());
    const int cell = std::max(22, std::min(48, 440 / std::max(n, 1))) * kScale;
    const QFont labelFont = font(10), numberFont = font(std::max(8, std::min(12, cell / kScale / 3)));
    const QFontMetrics metrics(labelFont);
    int labelWidth = 0;
    for (const auto &l : labels)
        labelWidth = std::max(labelWidth, metrics.horizontalAdvance(l));
    labelWidth = std::min(labelWidth, 150 * kScale) + 8 * kScale;
    const int axis = 18 * kScale, left = axis + labelWidth, top = axis + labelWidth;
    QImage image(left + n * cell + 10 * kScale, top + n * cell + 10 * kScale, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    for (int r = 0; r < n; ++r) {
        int64_t rowTotal = 0;
        for (int64_t v : matrix[r])
            rowTotal += v;
        for (int c = 0; c < n && c < static_cast<int>(matrix[r].size()); ++c) {
            // Shaded by the share of the true class's images: the diagonal is the recall.
            const double share = rowTotal ? static_cast<double>(matrix[r][c]) / static_cast<double>(rowTotal) : 0;
            const QRect box(left + c * cell, top + r * cell, cell, cell);
            p.fillRect(box, r == c ? QColor::fromRgbF(1 - 0.75f * static_cast<float>(share), 1 - 0.45f * static_cast<float>(share), 1 - 0.2f * static_cast<float>(share))
                                   : QColor::fromRgbF(1, 1 - 0.6f * static_cast<float>(share), 1 - 0.6f * static_cast<float>(share)));
            p.setPen(QColor(200, 200, 200));
            p.drawRect(box);
            p.setPen(r == c && share > 0.8 ? Qt::white : Qt::black); // readable on the darkest cells only
            p.setFont(numberFont);
            p.drawText(box, Qt::AlignCenter, text.count(matrix[r][c]));
        }
    }
    p.setPen(Qt::black);
    p.setFont(labelFont);
    for (int i = 0; i < n; ++i) {
        const QString label = elided(i < static_cast<int>(labels.size()) ? labels[i] : QString::number(i), metrics, labelWidth - 8 * kScale);
        p.drawText(QRect(axis, top + i * cell, labelWidth - 6 * kScale, cell), Qt::AlignRight | Qt::AlignVCenter, label);
        p.save();
        p.translate(left + i * cell, top - 6 * kScale);
        p.rotate(-90);
        p.drawText(QRect(0, 0, labelWidth - 6 * kScale, cell), Qt::AlignLeft | Qt::AlignVCenter, label);
        p.restore();
    }
    p.setFont(font(11, true));
    p.drawText(QRect(left, 0, n * cell, axis), Qt::AlignCenter, text.t(QT_TRANSLATE_NOOP("Report", "predicted class")));
    p.save();
    p.translate(0, top + n * cell);
    p.rotate(-90);
    p.drawText(QRect(0, 0, n * cell, axis), Qt::AlignCenter, text.t(QT_TRANSLATE_NOOP("Report", "true class")));
    p.restore();
    return image;
}

QImage reliabilityImage(const json &raw, const json &scaled, const Text &text)
{
    const int plot = 230 * kScale, margin = 44 * kScale, gap = 30 * kScale, title = 34 * kScale;
    QImage image(2 * (margin + plot) + gap + 10 * kScale, title + plot + margin, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    const std::pair<const json *, QString> panels[] = {
        {&raw, text.t(QT_TRANSLATE_NOOP("Report", "Before scaling: ECE %1")).arg(text.number(numberAt(raw, "ece"), 3))},
        {&scaled, text.t(QT_TRANSLATE_NOOP("Report", "After scaling: ECE %1")).arg(text.number(numberAt(scaled, "ece"), 3))}};
    for (int k = 0; k < 2; ++k) {
        const int x0 = margin + k * (margin + plot + gap), y0 = title;
        auto px = [&](double v) { return x0 + v * plot; };
        auto py = [&](double v) { return y0 + (1 - v) * plot; };
        p.setPen(Qt::NoPen);
        p.fillRect(QRectF(x0, y0, plot, plot), QColor(248, 248, 248));
        const json &bins = member(*panels[k].first, "reliability");
        for (const auto &b : bins.is_array() ? bins : json::array()) {
            const double lo = numberAt(b, "lo"), hi = numberAt(b, "hi"), acc = numberAt(b, "accuracy"), conf = numberAt(b, "confidence");
            if (!(numberAt(b, "count") > 0) || !std::isfinite(lo) || !std::isfinite(hi) || !std::isfinite(acc))
                continue;
            const QRectF bar(QPointF(px(lo) + kScale, py(acc)), QPointF(px(hi) - kScale, py(0)));
            p.fillRect(bar, QColor(70, 120, 180));
            if (std::isfinite(conf)) { // the gap to the mean confidence: red where it is overconfident
                p.setPen(QPen(QColor(200, 60, 60), 2 * kScale));
                p.drawLine(QPointF(px(lo) + kScale, py(conf)), QPointF(px(hi) - kScale, py(conf)));
                p.setPen(Qt::NoPen);
            }
        }
        p.setPen(QPen(QColor(90, 90, 90), kScale, Qt::DashLine));
        p.drawLine(QPointF(px(0), py(0)), QPointF(px(1), py(1)));
        p.setPen(QPen(Qt::black, kScale));
        p.setBrush(Qt::NoBrush);
        p.drawRect(QRectF(x0, y0, plot, plot));
        p.setFont(font(9));
        for (double t : {0.0, 0.5, 1.0}) {
            p.drawText(QRectF(px(t) - 20 * kScale, py(0) + 2 * kScale, 40 * kScale, 14 * kScale), Qt::AlignCenter, text.number(t, 1));
            p.drawText(QRectF(x0 - 34 * kScale, py(t) - 7 * kScale, 30 * kScale, 14 * kScale), Qt::AlignRight | Qt::AlignVCenter, text.number(t, 1));
        }
        p.drawText(QRectF(x0, py(0) + 16 * kScale, plot, 14 * kScale), Qt::AlignCenter, text.t(QT_TRANSLATE_NOOP("Report", "confidence")));
        p.save();
        p.translate(x0 - 44 * kScale, y0 + plot);
        p.rotate(-90);
        p.drawText(QRectF(0, 0, plot, 14 * kScale), Qt::AlignCenter, text.t(QT_TRANSLATE_NOOP("Report", "accuracy")));
        p.restore();
        p.setFont(font(11, true));
        p.drawText(QRectF(x0, 0, plot, title - 6 * kScale), Qt::AlignCenter | Qt::AlignBottom, panels[k].second);
    }
    return image;
}

QImage inputImage(const ExplanationExample &e)
{
    if (e.width <= 0 || e.height <= 0 || e.rgb.size() != static_cast<std::size_t>(e.width) * e.height * 3) {
        QImage blank(224, 224, QImage::Format_RGB32);
        blank.fill(QColor(230, 230, 230));
        return blank;
    }
    const QImage image(e.rgb.data(), e.width, e.height, e.width * 3, QImage::Format_RGB888);
    return image.scaled(224, 224, Qt::IgnoreAspectRatio, Qt::SmoothTransformation).convertToFormat(QImage::Format_RGB32);
}

QImage overlayImage(const ExplanationExample &e, const std::vector<float> &map)
{
    QImage out = inputImage(e);
    if (e.gridH <= 0 || e.gridW <= 0 || map.size() != static_cast<std::size_t>(e.gridH) * e.gridW)
        return out;
    const auto [lo, hi] = std::minmax_element(map.begin(), map.end());
    const double range = *hi - *lo;
    QImage grid(e.gridW, e.gridH, QImage::Format_Grayscale8);
    for (int y = 0; y < e.gridH; ++y)
        for (int x = 0; x < e.gridW; ++x) {
            const double v = range > 0 ? (map[static_cast<std::size_t>(y) * e.gridW + x] - *lo) / range : 0;
            grid.scanLine(y)[x] = static_cast<uchar>(std::lround(255 * std::clamp(v, 0.0, 1.0)));
        }
    const QImage smooth = grid.scaled(out.width(), out.height(), Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    for (int y = 0; y < out.height(); ++y) {
        auto *line = reinterpret_cast<QRgb *>(out.scanLine(y));
        for (int x = 0; x < out.width(); ++x) {
            const QColor c = heat(smooth.constScanLine(y)[x] / 255.0);
            const QColor base(line[x]);
            constexpr double a = 0.45; // the image stays readable under the map
            line[x] = qRgb(static_cast<int>((1 - a) * base.red() + a * c.red()), static_cast<int>((1 - a) * base.green() + a * c.green()),
                           static_cast<int>((1 - a) * base.blue() + a * c.blue()));
        }
    }
    return out;
}

QImage exampleImage(const ExplanationExample &e, const Text &text)
{
    const int panel = 224, gap = 12, title = 18 * kScale;
    QImage image(3 * panel + 2 * gap, title + panel, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter p(&image);
    p.setRenderHint(QPainter::TextAntialiasing);
    const std::pair<const char *, const std::vector<float> *> panels[] = {{QT_TRANSLATE_NOOP("Report", "Image"), nullptr},
                                                                          {QT_TRANSLATE_NOOP("Report", "Grad-CAM"), &e.gradCam},
                                                                          {QT_TRANSLATE_NOOP("Report", "Attention rollout"), &e.rollout}};
    for (int k = 0; k < 3; ++k) {
        const QRect box(k * (panel + gap), title, panel, panel);
        p.setPen(Qt::black);
        p.setFont(font(9, true));
        p.drawText(QRect(box.x(), 0, panel, title - 2 * kScale), Qt::AlignLeft | Qt::AlignBottom, text.t(panels[k].first));
        const std::vector<float> *map = panels[k].second;
        if (map && map->empty()) {
            p.fillRect(box, QColor(235, 235, 235));
            p.setFont(font(9));
            p.drawText(box, Qt::AlignCenter, text.t(QT_TRANSLATE_NOOP("Report", "not available")));
        } else {
            p.drawImage(box, map ? overlayImage(e, *map) : inputImage(e));
        }
    }
    return image;
}

} // namespace vitscope::report

#include "ui/image_preview.h"

#include "ui/trust_text.h"

#include <QLabel>
#include <QPainter>
#include <QVBoxLayout>

namespace vitscope {
namespace {

// Blue (little) to red (most), more opaque where the map is stronger.
QImage heatImage(const AttentionMap &map)
{
    QImage heat(map.columns, map.rows, QImage::Format_ARGB32);
    for (int r = 0; r < map.rows; ++r)
        for (int c = 0; c < map.columns; ++c) {
            const double v = std::clamp<double>(map.values.value(r * map.columns + c), 0.0, 1.0);
            QColor color = QColor::fromHsvF(0.66 * (1.0 - v), 1.0, 1.0);
            color.setAlphaF(0.05 + 0.6 * v);
            heat.setPixelColor(c, r, color);
        }
    return heat;
}

} // namespace

ImagePreview::ImagePreview(QWidget *parent) : QWidget(parent)
{
    m_image = new QLabel;
    m_image->setObjectName(QStringLiteral("previewImage"));
    m_image->setAlignment(Qt::AlignCenter);
    m_image->setMinimumSize(320, 240);
    m_image->setFrameShape(QFrame::StyledPanel);
    m_image->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Ignored); // the pixmap follows the widget, not the reverse
    m_caption = new QLabel(explanationCaption());
    m_caption->setObjectName(QStringLiteral("mapCaption"));
    m_caption->setWordWrap(true);
    m_caption->setVisible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_image, 1);
    layout->addWidget(m_caption);
}

void ImagePreview::setImage(const QImage &image, const QString &placeholder)
{
    m_source = image;
    m_placeholder = placeholder;
    m_rollout = m_gradCam = QImage();
    render();
}

void ImagePreview::setMap(const AttentionMap &map)
{
    (map.kind == AttentionMap::Kind::Rollout ? m_rollout : m_gradCam) = heatImage(map);
    render();
}

void ImagePreview::clearMap(AttentionMap::Kind kind)
{
    (kind == AttentionMap::Kind::Rollout ? m_rollout : m_gradCam) = QImage();
    render();
}

void ImagePreview::setOverlay(Overlay overlay)
{
    m_overlay = overlay;
    render();
}

void ImagePreview::setGradCamTitle(const QString &title)
{
    m_gradCamTitle = title;
    render();
}

bool ImagePreview::hasMap(AttentionMap::Kind kind) const
{
    return !(kind == AttentionMap::Kind::Rollout ? m_rollout : m_gradCam).isNull();
}

bool ImagePreview::mapShown(AttentionMap::Kind kind) const
{
    return kind == AttentionMap::Kind::Rollout ? m_rolloutShown : m_gradCamShown;
}

void ImagePreview::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    render();
}

QImage ImagePreview::withMap(const QImage &heat, QSize size) const
{
    QImage shown = m_source.convertToFormat(QImage::Format_ARGB32).scaled(size, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    if (!heat.isNull()) {
        // The model sees the whole frame resized to a square, so its grid spans the whole frame.
        QPainter painter(&shown);
        painter.setRenderHint(QPainter::SmoothPixmapTransform);
        painter.drawImage(shown.rect(), heat.scaled(shown.size(), Qt::IgnoreAspectRatio, Qt::SmoothTransformation));
    }
    return shown;
}

void ImagePreview::render()
{
    m_rolloutShown = m_gradCamShown = false;
    m_caption->setVisible(m_overlay != Overlay::None && !m_source.isNull());
    if (m_source.isNull()) {
        m_image->setPixmap({});
        m_image->setText(m_placeholder);
        return;
    }
    const qreal dpr = devicePixelRatioF();
    const QSize area = m_image->contentsRect().size() * dpr;
    QImage shown;
    if (m_overlay == Overlay::Both) {
        // Two panels, each titled, so the two maps can be compared on the same frame.
        const int title = m_image->fontMetrics().height() * dpr + 4;
        const QSize half((area.width() - 8) / 2, std::max(1, area.height() - title));
        const QImage left = withMap(m_rollout, half), right = withMap(m_gradCam, half);
        shown = QImage(left.width() + right.width() + 8, std::max(left.height(), right.height()) + title, QImage::Format_ARGB32);
        shown.fill(Qt::transparent);
        QPainter p(&shown);
        QFont font = m_image->font();
        font.setPixelSize(static_cast<int>(m_image->fontMetrics().height() * dpr * 0.8));
        p.setFont(font);
        p.setPen(palette().color(QPalette::WindowText));
        p.drawText(QRect(0, 0, left.width(), title), Qt::AlignCenter, tr("Attention rollout"));
        p.drawText(QRect(left.width() + 8, 0, right.width(), title), Qt::AlignCenter, m_gradCamTitle.isEmpty() ? tr("Grad-CAM") : m_gradCamTitle);
        p.drawImage(0, title, left);
        p.drawImage(left.width() + 8, title, right);
        m_rolloutShown = !m_rollout.isNull();
        m_gradCamShown = !m_gradCam.isNull();
    } else {
        const QImage &heat = m_overlay == Overlay::Rollout ? m_rollout : m_overlay == Overlay::GradCam ? m_gradCam : QImage();
        shown = withMap(heat, area);
        m_rolloutShown = m_overlay == Overlay::Rollout && !m_rollout.isNull();
        m_gradCamShown = m_overlay == Overlay::GradCam && !m_gradCam.isNull();
    }
    shown.setDevicePixelRatio(dpr);
    m_image->setPixmap(QPixmap::fromImage(shown));
}

} // namespace vitscope

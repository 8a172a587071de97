#pragma once
// The Predict view's image, with the maps of where the model looked drawn over it: attention
// rollout, Grad-CAM for one class, or both side by side, and a caption saying what they are not.
#include "session/session_types.h"

#include <QImage>
#include <QWidget>

class QLabel;

namespace vitscope {

class ImagePreview : public QWidget {
    Q_OBJECT
public:
    enum class Overlay { None, Rollout, GradCam, Both };
    explicit ImagePreview(QWidget *parent = nullptr);

    void setImage(const QImage &image, const QString &placeholder); // forgets the maps
    void setMap(const AttentionMap &map);                            // for the current image
    void clearMap(AttentionMap::Kind kind);
    void setOverlay(Overlay overlay);
    void setGradCamTitle(const QString &title); // "Grad-CAM: polyps"
    bool hasMap(AttentionMap::Kind kind) const;
    bool mapShown(AttentionMap::Kind kind) const; // drawn now (tests)

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void render();
    QImage withMap(const QImage &heat, QSize size) const;

    QLabel *m_image, *m_caption;
    QImage m_source, m_rollout, m_gradCam;
    QString m_placeholder, m_gradCamTitle;
    Overlay m_overlay = Overlay::None;
    bool m_rolloutShown = false, m_gradCamShown = false;
};

} // namespace vitscope

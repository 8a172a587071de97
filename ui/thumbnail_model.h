#pragma once
// Image files as a list model whose thumbnails are decoded lazily, off the GUI thread, only when
// a view asks for them (that is, while they scroll into sight), and kept in a bounded cache.
#include <QAbstractListModel>
#include <QCache>
#include <QImage>
#include <QSet>

namespace vitscope {

class ThumbnailModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Roles { PathRole = Qt::UserRole + 1 };
    explicit ThumbnailModel(QObject *parent = nullptr);

    void setFiles(const QStringList &paths, const QStringList &captions);
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    int pendingThumbnails() const { return static_cast<int>(m_pending.size()); }

    static constexpr int kSize = 112;

private:
    void requestThumbnail(int row) const;

    QStringList m_paths, m_captions;
    mutable QCache<QString, QImage> m_cache;
    mutable QSet<QString> m_pending;
    int m_generation = 0;
};

} // namespace vitscope

#include "ui/thumbnail_model.h"

#include <QGuiApplication>

#include <QFutureWatcher>
#include <QImageReader>
#include <QPixmap>
#include <QtConcurrent>

namespace vitscope {

ThumbnailModel::ThumbnailModel(QObject *parent) : QAbstractListModel(parent)
{
    m_cache.setMaxCost(4000); // thumbnails, about 150 MB at most
}

void ThumbnailModel::setFiles(const QStringList &paths, const QStringList &captions)
{
    beginResetModel();
    m_paths = paths;
    m_captions = captions;
    m_pending.clear();
    ++m_generation; // results of thumbnails requested for the old list are dropped
    endResetModel();
}

int ThumbnailModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_paths.size());
}

QVariant ThumbnailModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QString &path = m_paths.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return m_captions.value(index.row());
    case Qt::ToolTipRole: // the caption may be elided in the grid: the whole name, then where it is
        return QStringLiteral("%1\n%2").arg(m_captions.value(index.row()), path);
    case PathRole:
        return path;
    case Qt::DecorationRole:
        if (const QImage *img = m_cache.object(path))
            return QPixmap::fromImage(*img);
        requestThumbnail(index.row());
        return {};
    default:
        return {};
    }
}

void ThumbnailModel::requestThumbnail(int row) const
{
    const QString path = m_paths.at(row);
    if (m_pending.contains(path))
        return;
    m_pending.insert(path);
    auto *self = const_cast<ThumbnailModel *>(this);
    auto *watcher = new QFutureWatcher<QImage>(self);
    const int generation = m_generation;
    connect(watcher, &QFutureWatcher<QImage>::finished, self, [self, watcher, path, generation] {
        const QImage img = watcher->result();
        watcher->deleteLater();
        if (generation != self->m_generation)
            return;
        self->m_pending.remove(path);
        self->m_cache.insert(path, new QImage(img.isNull() ? QImage(kSize, kSize, QImage::Format_RGB32) : img));
        const int r = static_cast<int>(self->m_paths.indexOf(path));
        if (r >= 0)
            Q_EMIT self->dataChanged(self->index(r), self->index(r), {Qt::DecorationRole});
    });
    // Decoded at the screen's pixel density: sharp at QT_SCALE_FACTOR=2 and on high-DPI screens.
    const qreal dpr = qApp ? qApp->devicePixelRatio() : 1.0;
    watcher->setFuture(QtConcurrent::run([path, dpr] {
        QImageReader reader(path);
        const QSize size = reader.size();
        const int side = qRound(kSize * dpr);
        if (size.isValid())
            reader.setScaledSize(size.scaled(side, side, Qt::KeepAspectRatio)); // JPEG decodes at reduced size
        QImage img = reader.read();
        img.setDevicePixelRatio(dpr);
        return img;
    }));
}

} // namespace vitscope

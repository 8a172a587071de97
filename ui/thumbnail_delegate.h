#pragma once
// Draws a thumbnail cell of the Dataset view's grid: the image in a fixed square above its file name,
// elided in the middle (names share long prefixes and differ in their numbers).
#include <QStyledItemDelegate>

namespace vitscope {

class ThumbnailDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace vitscope

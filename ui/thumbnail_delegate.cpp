#include "ui/thumbnail_delegate.h"

#include "ui/thumbnail_model.h"

namespace vitscope {
namespace {

constexpr int kMargin = 6; // on each side of the square, so neighbouring captions keep apart

} // namespace

void ThumbnailDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    // The square is reserved whether or not the thumbnail is decoded yet: a list view with uniform
    // item sizes measures one item, often before any thumbnail has arrived, and keeps that size.
    option->features |= QStyleOptionViewItem::HasDecoration;
    option->features &= ~QStyleOptionViewItem::WrapText;
    option->decorationSize = QSize(ThumbnailModel::kSize, ThumbnailModel::kSize);
    option->decorationPosition = QStyleOptionViewItem::Top;
    option->decorationAlignment = Qt::AlignCenter;
    option->displayAlignment = Qt::AlignHCenter | Qt::AlignTop;
    option->textElideMode = Qt::ElideMiddle;
}

QSize ThumbnailDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    // The style's height (square, spacing, one line of text); a fixed width, so that a long name
    // is elided instead of widening every cell.
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setWidth(ThumbnailModel::kSize + 2 * kMargin);
    return size;
}

} // namespace vitscope

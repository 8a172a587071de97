#include "ui/matrix_widgets.h"

#include <QPainter>

namespace vitscope {

VerticalLabel::VerticalLabel(QString text) : m_text(std::move(text))
{
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Preferred);
    setMinimumWidth(fontMetrics().height() + 4);
}

void VerticalLabel::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setPen(palette().color(QPalette::WindowText));
    p.translate(0, height());
    p.rotate(-90);
    p.drawText(QRect(0, 0, height(), width()), Qt::AlignCenter, m_text);
}

void CellDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem o = option;
    const bool selected = o.state & QStyle::State_Selected;
    o.state &= ~(QStyle::State_Selected | QStyle::State_HasFocus);
    QStyledItemDelegate::paint(painter, o, index);
    if (selected || (option.state & QStyle::State_HasFocus)) {
        painter->save();
        painter->setPen(QPen(option.palette.color(QPalette::Highlight), selected ? 4 : 2));
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(option.rect.adjusted(2, 2, -2, -2));
        painter->restore();
    }
}

} // namespace vitscope

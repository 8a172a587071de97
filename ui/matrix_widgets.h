#pragma once
// Pieces of the confusion-matrix figure: the rotated axis title beside its rows, and the cell
// delegate that marks the selected cell with a frame.
#include <QStyledItemDelegate>
#include <QWidget>

namespace vitscope {

// "True class", written bottom to top beside the matrix's rows.
class VerticalLabel : public QWidget {
public:
    explicit VerticalLabel(QString text);

protected:
    void paintEvent(QPaintEvent *) override;

private:
    QString m_text;
};

// A selected cell keeps its colour (an error stays red) and gets a thick frame instead of the
// selection fill, which would paint correct and wrong cells the same blue.
class CellDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace vitscope

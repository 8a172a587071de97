#pragma once
// A confusion matrix as a table model: rows are true classes, columns predicted ones. Shows
// counts or row-normalised shares; the background encodes the row share (blue on the diagonal,
// red off it) so mistakes stand out at any class count.
#include <QAbstractTableModel>
#include <QStringList>
#include <QVector>

namespace vitscope {

class ConfusionMatrixModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Roles { CountRole = Qt::UserRole + 1, RowShareRole };
    using QAbstractTableModel::QAbstractTableModel;

    void setMatrix(const QStringList &labels, const QVector<QVector<int>> &matrix);
    void setNormalized(bool normalized);
    bool normalized() const { return m_normalized; }
    const QStringList &labels() const { return m_labels; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    double rowShare(int row, int column) const;

    QStringList m_labels;
    QVector<QVector<int>> m_matrix;
    QVector<int> m_rowTotals;
    bool m_normalized = false;
};

} // namespace vitscope

#include "ui/confusion_model.h"

#include "ui/theme.h"

#include <QLocale>

#include <QColor>

#include <numeric>

namespace vitscope {

void ConfusionMatrixModel::setMatrix(const QStringList &labels, const QVector<QVector<int>> &matrix)
{
    beginResetModel();
    m_labels = labels;
    m_matrix = matrix;
    m_rowTotals.clear();
    for (const auto &row : m_matrix)
        m_rowTotals << std::accumulate(row.begin(), row.end(), 0);
    endResetModel();
}

void ConfusionMatrixModel::setNormalized(bool normalized)
{
    if (normalized == m_normalized)
        return;
    m_normalized = normalized;
    if (!m_labels.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1), {Qt::DisplayRole});
}

int ConfusionMatrixModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_matrix.size());
}

int ConfusionMatrixModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_labels.size());
}

double ConfusionMatrixModel::rowShare(int row, int column) const
{
    const int total = m_rowTotals.value(row);
    return total > 0 ? static_cast<double>(m_matrix[row].value(column)) / total : 0.0;
}

QVariant ConfusionMatrixModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int r = index.row(), c = index.column();
    const int count = m_matrix[r].value(c);
    const double share = rowShare(r, c);
    switch (role) {
    case Qt::DisplayRole:
        return m_normalized ? percentText(share) : QLocale().toString(count);
    case Qt::BackgroundRole: // an empty cell takes the palette's base (no white square on a dark palette)
        return count == 0 ? QVariant() : QVariant(r == c ? QColor::fromHsvF(0.6, 0.85 * share, 1.0) : QColor::fromHsvF(0.0, 0.85 * share, 1.0));
    case Qt::ForegroundRole:
        return count == 0 ? QVariant() : QVariant(share > 0.6 ? QColor(Qt::white) : QColor(Qt::black)); // readable on a saturated cell
    case Qt::TextAlignmentRole:
        return Qt::AlignCenter;
    case Qt::ToolTipRole:
        return tr("True %1, predicted %2: %n image(s), %3 of the row", nullptr, count).arg(m_labels[r], m_labels[c], percentText(share));
    case CountRole:
        return count;
    case RowShareRole:
        return share;
    default:
        return {};
    }
}

QVariant ConfusionMatrixModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (section < 0 || section >= m_labels.size())
        return {};
    if (role == Qt::DisplayRole) {
        // Hyphenated class names wrap onto lines so 8+ columns stay narrow.
        return orientation == Qt::Horizontal ? QString(m_labels[section]).replace(QLatin1Char('-'), QLatin1Char('\n'))
                                             : m_labels[section];
    }
    if (role == Qt::ToolTipRole)
        return orientation == Qt::Horizontal ? tr("Predicted: %1").arg(m_labels[section]) : tr("True: %1").arg(m_labels[section]);
    return {};
}

} // namespace vitscope

#include "ui/class_count_model.h"

namespace vitscope {

void ClassCountModel::setEntries(const QVector<Entry> &entries)
{
    beginResetModel();
    m_entries = entries;
    endResetModel();
}

void ClassCountModel::setSplitCounts(const QVector<std::array<int, 3>> &counts)
{
    for (int i = 0; i < m_entries.size() && i < counts.size(); ++i) {
        m_entries[i].train = counts[i][0];
        m_entries[i].val = counts[i][1];
        m_entries[i].test = counts[i][2];
    }
    if (!m_entries.isEmpty())
        Q_EMIT dataChanged(index(0), index(rowCount() - 1), {Qt::DisplayRole});
}

int ClassCountModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

QVariant ClassCountModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &e = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole: {
        QString text = e.nested ? tr("%1 (%n images, %2 from sub-folders)", nullptr, e.count).arg(e.name).arg(e.nested)
                                : tr("%1 (%n images)", nullptr, e.count).arg(e.name);
        if (e.train >= 0)
            text += tr(" — train %1 · val %2 · test %3").arg(e.train).arg(e.val).arg(e.test);
        return text;
    }
    case Qt::ToolTipRole:
        return e.name;
    case CountRole:
        return e.count;
    case NestedRole:
        return e.nested;
    default:
        return {};
    }
}

QHash<int, QByteArray> ClassCountModel::roleNames() const
{
    auto names = QAbstractListModel::roleNames();
    names[CountRole] = "count";
    names[NestedRole] = "nested";
    return names;
}

} // namespace vitscope

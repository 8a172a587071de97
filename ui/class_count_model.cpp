#include "ui/class_count_model.h"

namespace vitscope {

void ClassCountModel::setEntries(const QVector<Entry> &entries)
{
    beginResetModel();
    m_entries = entries;
    endResetModel();
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
    case Qt::DisplayRole:
        return e.nested ? tr("%1 (%n images, %2 from sub-folders)", nullptr, e.count).arg(e.name).arg(e.nested)
                        : tr("%1 (%n images)", nullptr, e.count).arg(e.name);
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

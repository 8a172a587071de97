#include "ui/run_list_model.h"

#include <QColor>
#include <QFileInfo>

namespace vitscope {

void RunListModel::setRuns(const QVector<RunHistory> &runs)
{
    beginResetModel();
    m_runs = runs;
    endResetModel();
}

int RunListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_runs.size());
}

QVariant RunListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RunHistory &r = m_runs.at(index.row());
    switch (role) {
    case Qt::DisplayRole: {
        const QString name = QFileInfo(r.runFolder).fileName();
        if (r.bestEpoch > 0)
            return tr("%1 — %2 — best %3 %4 (epoch %5)").arg(name, r.status, r.metric).arg(r.bestValue, 0, 'f', 4).arg(r.bestEpoch);
        return tr("%1 — %2").arg(name, r.status);
    }
    case Qt::ToolTipRole:
        return r.message.isEmpty() ? r.runFolder : r.runFolder + QLatin1Char('\n') + r.message;
    case Qt::ForegroundRole:
        return r.status == QLatin1String("failed") ? QColor(Qt::red) : QVariant();
    case FolderRole:
        return r.runFolder;
    case StatusRole:
        return r.status;
    case ResumableRole:
        return r.resumable;
    default:
        return {};
    }
}

} // namespace vitscope

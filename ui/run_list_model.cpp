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

QString RunListModel::statusText(const QString &status)
{
    if (status == QLatin1String("running"))
        return tr("running");
    if (status == QLatin1String("finished"))
        return tr("finished");
    if (status == QLatin1String("stopped"))
        return tr("stopped (resumable)");
    if (status == QLatin1String("early-stopped"))
        return tr("stopped early");
    if (status == QLatin1String("failed"))
        return tr("failed");
    return status;
}

QString RunListModel::metricText(const QString &metric)
{
    if (metric == QLatin1String("accuracy"))
        return tr("accuracy");
    if (metric == QLatin1String("weighted_f1"))
        return tr("weighted F1");
    if (metric == QLatin1String("macro_f1"))
        return tr("macro F1");
    if (metric == QLatin1String("loss"))
        return tr("validation loss");
    if (metric == QLatin1String("mcc"))
        return tr("MCC");
    return metric;
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
            return tr("%1 — %2 — best %3 %4 (epoch %5)").arg(name, statusText(r.status), metricText(r.metric)).arg(r.bestValue, 0, 'f', 4).arg(r.bestEpoch);
        return tr("%1 — %2").arg(name, statusText(r.status));
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

#include "ui/run_list_model.h"

#include <QLocale>
#include <QRegularExpression>
#include <QColor>
#include <QFileInfo>

namespace vitscope {

void RunListModel::setRuns(const QVector<RunHistory> &runs)
{
    beginResetModel();
    m_runs = runs;
    endResetModel();
}

QString RunListModel::statusText(RunStatus status)
{
    switch (status) {
    case RunStatus::Running:
        return tr("running");
    case RunStatus::Finished:
        return tr("finished");
    case RunStatus::Stopped:
        return tr("stopped (resumable)");
    case RunStatus::EarlyStopped:
        return tr("stopped early");
    case RunStatus::Failed:
        return tr("failed");
    }
    return {};
}

QString RunListModel::statusText(const RunHistory &run)
{
    if (!run.readable)
        return tr("unreadable");
    if (run.status == RunStatus::Running && run.trainedBy.isEmpty())
        return run.resumable ? tr("interrupted (resumable)") : tr("interrupted");
    return statusText(run.status);
}

QString RunListModel::holderText(const QString &holder)
{
    // The lock's note is written in English by whichever process holds it (engine/run_lock.cpp).
    static const QRegularExpression note(QStringLiteral("^process (\\d+) on host (.*) \\(since (.*)\\)$"));
    const auto m = note.match(holder);
    return m.hasMatch() ? tr("process %1 on host %2 (since %3)").arg(m.captured(1), m.captured(2), m.captured(3)) : holder;
}

QString RunListModel::metricText(Metric metric)
{
    switch (metric) {
    case Metric::Accuracy:
        return tr("accuracy");
    case Metric::WeightedF1:
        return tr("weighted F1");
    case Metric::MacroF1:
        return tr("macro F1");
    case Metric::Loss:
        return tr("validation loss");
    case Metric::Mcc:
        return tr("MCC");
    }
    return {};
}

void RunListModel::markRunning(const QString &runFolder)
{
    for (int r = 0; r < m_runs.size(); ++r) {
        if (m_runs[r].runFolder != runFolder)
            continue;
        m_runs[r].status = RunStatus::Running;
        m_runs[r].resumable = false;
        m_runs[r].trainedBy = tr("this window");
        Q_EMIT dataChanged(index(r), index(r));
    }
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
    const QString status = statusText(r);
    switch (role) {
    case Qt::DisplayRole: {
        const QString name = QFileInfo(r.runFolder).fileName();
        if (r.bestEpoch > 0)
            return tr("%1 — %2 — best %3 %4 (epoch %5)").arg(name, status, metricText(r.config.train.metric)).arg(QLocale().toString(r.bestValue, 'f', 4)).arg(r.bestEpoch);
        return tr("%1 — %2").arg(name, status);
    }
    case Qt::ToolTipRole: {
        QString tip = r.runFolder;
        if (!r.trainedBy.isEmpty())
            tip += QLatin1Char('\n') + tr("Being trained by %1").arg(holderText(r.trainedBy));
        return r.message.isEmpty() ? tip : tip + QLatin1Char('\n') + r.message;
    }
    case Qt::ForegroundRole:
        return !r.readable || r.status == RunStatus::Failed ? QColor(Qt::red) : QVariant();
    case FolderRole:
        return r.runFolder;
    case StatusRole:
        return QVariant::fromValue(r.status);
    case ResumableRole:
        return r.resumable;
    default:
        return {};
    }
}

} // namespace vitscope

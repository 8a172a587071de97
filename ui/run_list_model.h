#pragma once
// Run folders with their status and best metric (a list model for the Train view).
#include "session/run_results.h"

#include <QAbstractListModel>

namespace vitscope {

class RunListModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Roles { FolderRole = Qt::UserRole + 1, StatusRole, ResumableRole };
    using QAbstractListModel::QAbstractListModel;

    void setRuns(const QVector<RunHistory> &runs);
    const RunHistory &run(int row) const { return m_runs.at(row); }
    // The run in `runFolder` has started training again (a resume): shown as running at once,
    // before its run.json says so.
    void markRunning(const QString &runFolder);
    // Run states and metric names in the user's language.
    static QString statusText(RunStatus status);
    // The status of one run as the list shows it: "running" only while a process trains it, else
    // "interrupted" (killed while running).
    static QString statusText(const RunHistory &run);
    static QString metricText(Metric metric);
    // Who holds a run's lock ("process P on host H (since T)"), in the user's language.
    static QString holderText(const QString &holder);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    QVector<RunHistory> m_runs;
};

} // namespace vitscope

// RunListModel under QAbstractItemModelTester: what a run's row says about who trains it. A run
// whose run.json says "running" is running only while a process holds its lock; killed, it is
// "interrupted" and resumable; trained by another process (the CLI), it is running and cannot be
// resumed from here (#17 item 5).
#include "engine/run_lock.h"
#include "session/run_results.h"
#include "ui/run_list_model.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <optional>
#include <unistd.h>

using namespace vitscope;

class TestRunListModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void saysWhoTrainsARun_data()
    {
        QTest::addColumn<QByteArray>("status");
        QTest::addColumn<bool>("locked");
        QTest::addColumn<QString>("shown");
        QTest::addColumn<bool>("resumable");
        QTest::newRow("killed while running") << QByteArray("running") << false << QStringLiteral("interrupted (resumable)") << true;
        QTest::newRow("trained by another process") << QByteArray("running") << true << QStringLiteral("running") << false;
        QTest::newRow("stopped") << QByteArray("stopped") << false << QStringLiteral("stopped (resumable)") << true;
        QTest::newRow("finished") << QByteArray("finished") << false << QStringLiteral("finished") << false;
    }
    void saysWhoTrainsARun()
    {
        QFETCH(QByteArray, status);
        QFETCH(bool, locked);
        QFETCH(QString, shown);
        QFETCH(bool, resumable);
        QTemporaryDir dir;
        const QString run = dir.filePath(QStringLiteral("20261203-100000"));
        QVERIFY(QDir().mkpath(run));
        QFile runJson(run + QStringLiteral("/run.json"));
        QVERIFY(runJson.open(QIODevice::WriteOnly));
        runJson.write("{\"status\":\"" + status + "\",\"labels\":[\"a\",\"b\"],\"config\":{\"train\":{\"metric\":\"accuracy\"}}}");
        runJson.close();
        // The lock as a training process holds it: flock conflicts between open files, so this
        // process's own lock stands for another process's.
        std::optional<RunLock> lock;
        if (locked)
            lock.emplace(run.toStdString());

        const RunHistory history = loadRunHistory(run);
        QCOMPARE(history.resumable, resumable);
        QCOMPARE(history.trainedBy.isEmpty(), !locked);
        RunListModel runs;
        QAbstractItemModelTester tester(&runs, QAbstractItemModelTester::FailureReportingMode::QtTest);
        runs.setRuns({history});
        const QModelIndex row = runs.index(0);
        QCOMPARE(row.data().toString(), QStringLiteral("20261203-100000 — ") + shown);
        QCOMPARE(row.data(RunListModel::ResumableRole).toBool(), resumable);
        const QString tip = row.data(Qt::ToolTipRole).toString();
        QCOMPARE(tip.contains(QStringLiteral("Being trained by process %1 on host").arg(::getpid())), locked);

        // Once the process lets go (it ended, or was killed), the run is no longer shown as running.
        lock.reset();
        QCOMPARE(RunListModel::statusText(loadRunHistory(run)), status == "running" ? QStringLiteral("interrupted (resumable)") : shown);
    }

    void aResumeHereIsShownAsRunningAtOnce()
    {
        RunHistory killed;
        killed.runFolder = QStringLiteral("/runs/a");
        killed.status = RunStatus::Running;
        killed.resumable = true;
        RunListModel runs;
        QAbstractItemModelTester tester(&runs, QAbstractItemModelTester::FailureReportingMode::QtTest);
        runs.setRuns({killed});
        QCOMPARE(runs.index(0).data().toString(), QStringLiteral("a — interrupted (resumable)"));
        QSignalSpy changed(&runs, &QAbstractItemModel::dataChanged);
        runs.markRunning(QStringLiteral("/runs/a"));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(runs.index(0).data().toString(), QStringLiteral("a — running"));
        QVERIFY(runs.index(0).data(Qt::ToolTipRole).toString().contains(QStringLiteral("Being trained by this window")));
        QCOMPARE(runs.index(0).data(RunListModel::ResumableRole).toBool(), false);
    }
};

QTEST_MAIN(TestRunListModel)
#include "test_run_list_model.moc"

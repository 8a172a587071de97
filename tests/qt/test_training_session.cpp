// The QThread session: signals arrive in order, on the receiver's thread; Stop takes effect within
// a step and leaves a run that Resume finishes; failures arrive as messages.
#include "data/demo_data.h"
#include "engine/file_util.h"
#include "engine/vit_config.h"
#include "session/run_results.h"
#include "session/training_session.h"

#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace vitscope;

class TestTrainingSession : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        writeDemoDataset(m_dir.filePath(QStringLiteral("data")).toStdString(), 8, 3);
        ViTConfig c = vitTinyConfig(32);
        c.hiddenSize = 32;
        c.numHiddenLayers = 1;
        c.intermediateSize = 64;
        QDir().mkpath(m_dir.filePath(QStringLiteral("model")));
        writeTextAtomically(m_dir.filePath(QStringLiteral("model/config.json")).toStdString(), viTConfigToJson(c));
    }

    void signalsInOrderOnReceiverThread()
    {
        TrainingSession session;
        QVector<qint64> steps;
        QVector<int> epochs;
        bool allOnMainThread = true;
        connect(&session, &TrainingSession::step, this, [&](const StepPoint &p) {
            steps << p.step;
            allOnMainThread = allOnMainThread && QThread::currentThread() == thread();
        });
        connect(&session, &TrainingSession::epoch, this, [&](const EpochPoint &p) {
            epochs << p.epoch;
            allOnMainThread = allOnMainThread && QThread::currentThread() == thread();
        });
        QSignalSpy finished(&session, &TrainingSession::finished);
        session.start(request(QStringLiteral("ordered"), 3));
        QVERIFY(session.isRunning());
        QVERIFY(finished.wait(120000));
        QCOMPARE(finished.first().at(1).value<RunStatus>(), RunStatus::Finished);
        QVERIFY(!session.isRunning());
        QVERIFY(allOnMainThread);
        QCOMPARE(epochs, (QVector<int>{1, 2, 3}));
        QVERIFY(!steps.isEmpty());
        for (int i = 0; i < steps.size(); ++i)
            QCOMPARE(steps[i], i + 1);
    }

    void stopThenResume()
    {
        TrainingSession session;
        QSignalSpy finished(&session, &TrainingSession::finished);
        qint64 stoppedAt = 0;
        connect(&session, &TrainingSession::step, this, [&](const StepPoint &p) {
            if (p.step == 5 && stoppedAt == 0) {
                stoppedAt = p.step;
                session.stop();
            }
        });
        const TrainJob r = request(QStringLiteral("stopped"), 3);
        const QString out = QString::fromStdString(r.out);
        session.start(r);
        QVERIFY(finished.wait(120000));
        QCOMPARE(finished.first().at(1).value<RunStatus>(), RunStatus::Stopped);
        const RunHistory stopped = loadRunHistory(out);
        QVERIFY(stopped.resumable);
        QVERIFY(stopped.steps.last().step <= stoppedAt + 1); // within one step of the request

        TrainJob resume;
        resume.resume = true;
        resume.out = r.out;
        session.start(resume);
        QVERIFY(finished.wait(120000));
        QCOMPARE(finished.last().at(1).value<RunStatus>(), RunStatus::Finished);
        QCOMPARE(loadRunHistory(out).epochs.size(), 3);
    }

    void failureIsAMessage_data()
    {
        QTest::addColumn<QString>("data");
        QTest::addColumn<QString>("expected");
        QTest::newRow("missing data set") << QStringLiteral("/nonexistent/folder") << QStringLiteral("does not exist");
        QTest::newRow("bad ratios") << QString() << QStringLiteral("add up to 1");
    }
    void failureIsAMessage()
    {
        QFETCH(QString, data);
        QFETCH(QString, expected);
        TrainingSession session;
        QSignalSpy failed(&session, &TrainingSession::failed);
        TrainJob r = request(QStringLiteral("failing-%1").arg(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-')), 1);
        if (!data.isEmpty())
            r.config.data.data = data.toStdString();
        else
            r.config.data.split.val = 0.5;
        session.start(r);
        QVERIFY(failed.wait(60000));
        QVERIFY2(failed.first().first().toString().contains(expected), qPrintable(failed.first().first().toString()));
    }

private:
    TrainJob request(const QString &name, int epochs) const
    {
        TrainJob r;
        r.config.data.data = m_dir.filePath(QStringLiteral("data")).toStdString();
        r.config.model = m_dir.filePath(QStringLiteral("model")).toStdString();
        r.out = m_dir.filePath(QStringLiteral("runs/") + name).toStdString();
        r.config.data.cacheDir = m_dir.filePath(QStringLiteral("cache")).toStdString();
        TrainConfig &t = r.config.train;
        t.epochs = epochs;
        t.batchSize = 8;
        t.lr = 1e-3;
        t.warmupSteps = 2;
        t.device = "cpu";
        t.threads = 2;
        return r;
    }

    QTemporaryDir m_dir;
};

QTEST_MAIN(TestTrainingSession)
#include "test_training_session.moc"

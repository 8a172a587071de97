// The Train view plots exactly the points the session signals carry.
#include "config/config_fields.h"
#include "session/run_results.h"
#include "session/training_session.h"
#include "data/demo_data.h"
#include "ui/estimate_panel.h"
#include "ui/run_list_model.h"
#include "ui/train_view.h"
#include "ui/plot.h"

#include <cmath>

#include <QAbstractItemModelTester>
#include <QAbstractButton>
#include <QApplication>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QTableWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace vitscope;

class TestTrainView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // QSettings go to a test location
        QCoreApplication::setOrganizationName(QStringLiteral("vitscope-test"));
        QCoreApplication::setApplicationName(QStringLiteral("test_train_view"));
        QSettings().clear();
    }

    // Form -> configuration -> QSettings -> form: every field the form shows comes back unchanged,
    // and the fields it does not show are kept.
    void formRoundTripsTheConfiguration_data()
    {
        QTest::addColumn<bool>("changed");
        QTest::newRow("defaults") << false;
        QTest::newRow("every shown field changed") << true;
    }
    void formRoundTripsTheConfiguration()
    {
        QFETCH(bool, changed);
        JobConfig c;
        if (changed) {
            c.model = "/models/vit";
            c.data.data = "/data/kvasir";
            c.data.split = {0.6, 0.25, 0.15};
            TrainConfig &t = c.train;
            t.epochs = 7;
            t.batchSize = 12;
            t.gradAccum = 3;
            t.lr = 3.5e-4;
            t.warmupSteps = 17;
            t.weightDecay = 0.05;
            t.metric = Metric::Mcc;
            t.fineTune = {FineTune::Mode::LastBlocks, 3}; // not among the combo's choices: added
            t.device = "cpu";
            t.precision = Precision::Bf16;
            t.seed = 7;
            t.augment = {Augmentation::HFlip, Augmentation::Jitter};
            t.logEvery = 5;       // not on the form: kept
            t.evalBatchSize = 24; // not on the form: kept
        }
        TrainingSession session;
        {
            TrainView view(&session);
            view.setFormConfig(c);
            QCOMPARE(QString::fromStdString(jobConfigToText(view.formConfig())), QString::fromStdString(jobConfigToText(c)));
        } // saves the form to QSettings
        TrainView restored(&session);
        JobConfig back = restored.formConfig();
        // The data set and model follow what the window opens, not the settings.
        back.model = c.model;
        back.data.data = c.data.data;
        QCOMPARE(QString::fromStdString(jobConfigToText(back)), QString::fromStdString(jobConfigToText(c)));
    }

    void plotsSignalledPoints_data()
    {
        QTest::addColumn<int>("steps");
        QTest::addColumn<int>("epochs");
        QTest::addColumn<int>("resumedAt"); // a resume from the checkpoint after this step and epoch (0: none)
        QTest::newRow("one epoch") << 5 << 1 << 0;
        QTest::newRow("burst of steps") << 2000 << 3 << 0;
        QTest::newRow("resumed from an earlier checkpoint") << 30 << 3 << 2;
    }
    void plotsSignalledPoints()
    {
        QFETCH(int, steps);
        QFETCH(int, epochs);
        QFETCH(int, resumedAt);
        TrainingSession session;
        TrainView view(&session);
        QVector<double> losses, accuracies;
        for (int s = 1; s <= steps; ++s) {
            losses << 2.0 / s;
            Q_EMIT session.step(StepPoint{s, steps, 1, 2.0 / s, 1e-5, 1.0, 100.0, 10.0});
        }
        for (int e = 1; e <= epochs; ++e) {
            accuracies << 0.5 + 0.1 * e;
            EpochPoint p;
            p.epoch = e;
            p.valAccuracy = 0.5 + 0.1 * e;
            Q_EMIT session.epoch(p);
        }
        if (resumedAt > 0) { // the points after the checkpoint come again, and replace the old ones
            losses.resize(resumedAt);
            for (int s = resumedAt + 1; s <= steps; ++s) {
                losses << 3.0 / s;
                Q_EMIT session.step(StepPoint{s, steps, 1, 3.0 / s, 1e-5, 1.0, 100.0, 10.0});
            }
            accuracies.resize(resumedAt);
            for (int e = resumedAt + 1; e <= epochs; ++e) {
                accuracies << 0.4 + 0.1 * e;
                EpochPoint p;
                p.epoch = e;
                p.valAccuracy = 0.4 + 0.1 * e;
                Q_EMIT session.epoch(p);
            }
        }
        // Redraws are rate-limited; the data arrives at the next tick.
        QTRY_COMPARE_WITH_TIMEOUT(view.plottedStepLosses(), losses, 2000);
        QTRY_COMPARE_WITH_TIMEOUT(view.plottedValAccuracy(), accuracies, 2000);
    }

    // The estimate runs off the GUI thread and fills one row per mode and precision.
    void estimateFillsTheTable()
    {
        QTemporaryDir dir;
        writeDemoDataset(dir.filePath(QStringLiteral("data")).toStdString(), 3, 4);
        TrainingSession session;
        TrainView view(&session);
        JobConfig c;
        c.model = VITSCOPE_TEST_DATA "/vit-tiny-classifier";
        c.data.data = dir.filePath(QStringLiteral("data")).toStdString();
        c.data.cacheDir = dir.filePath(QStringLiteral("cache")).toStdString();
        c.train.device = "cpu";
        c.train.batchSize = 4;
        view.setFormConfig(c);
        // In a window of the default size, the estimate's tab shows its whole table: the recipe scrolls.
        view.resize(1200, 720);
        view.show();
        QWidget *w = view.estimatePanel();
        while (w && !qobject_cast<QTabWidget *>(w))
            w = w->parentWidget();
        QVERIFY(w);
        qobject_cast<QTabWidget *>(w)->setCurrentWidget(view.estimatePanel());
        QSignalSpy done(view.estimatePanel(), &EstimatePanel::estimated);
        view.estimatePanel()->estimate();
        QVERIFY(done.wait(60000));
        auto *table = view.estimatePanel()->findChild<QTableWidget *>();
        QVERIFY(view.estimatePanel()->rowCount() >= 3); // full, last:2, head (and bf16 where native)
        QTRY_VERIFY2(table->viewport()->height() >= table->rowCount() * table->rowHeight(0),
                     qPrintable(QStringLiteral("%1 rows of %2 pixels in %3").arg(table->rowCount()).arg(table->rowHeight(0)).arg(table->viewport()->height())));
        QTRY_VERIFY(table->mapTo(&view, QPoint(0, table->height())).y() <= view.height()); // inside the view, not cut off
        QCOMPARE(view.height(), 720);
    }

    // The notebook's recipe on a small data set and a tiny model: Start first asks, and the
    // answer decides what starts.
    void startWarnsAboutTheRecipe_data()
    {
        QTest::addColumn<QString>("answer");
        QTest::addColumn<bool>("starts");
        QTest::addColumn<double>("lr");
        QTest::addColumn<bool>("head"); // only the classifier trains, on the config-only model's random body
        QTest::newRow("cancel") << QStringLiteral("Cancel") << false << 2e-5 << false;
        QTest::newRow("the suggested recipe") << QStringLiteral("Use the suggested recipe") << true << 1e-3 << false;
        QTest::newRow("as it is") << QStringLiteral("Start as it is") << true << 2e-5 << false;
        QTest::newRow("head on random weights, suggested") << QStringLiteral("Use the suggested recipe") << true << 1e-3 << true;
        QTest::newRow("head on random weights, as it is") << QStringLiteral("Start as it is") << true << 2e-5 << true;
    }
    void startWarnsAboutTheRecipe()
    {
        QFETCH(QString, answer);
        QFETCH(bool, starts);
        QFETCH(double, lr);
        QFETCH(bool, head);
        QTemporaryDir dir;
        writeDemoDataset(dir.filePath(QStringLiteral("data")).toStdString(), 3, 4);
        TrainingSession session;
        TrainView view(&session);
        JobConfig c; // the notebook's recipe
        c.model = VITSCOPE_TEST_DATA "/vit-tiny-classifier";
        c.data.data = dir.filePath(QStringLiteral("data")).toStdString();
        c.data.cacheDir = dir.filePath(QStringLiteral("cache")).toStdString();
        c.train.device = "cpu";
        c.train.epochs = 1;
        if (head) { // the tiny model without its weights
            const QString model = dir.filePath(QStringLiteral("config-only"));
            QVERIFY(QDir().mkpath(model));
            QVERIFY(QFile::copy(QStringLiteral(VITSCOPE_TEST_DATA "/vit-tiny-classifier/config.json"), model + QStringLiteral("/config.json")));
            c.model = model.toStdString();
            c.train.fineTune = {FineTune::Mode::Head, 0};
        }
        view.setFormConfig(c);
        view.setRunFolder(dir.filePath(QStringLiteral("run")));
        QString text;
        QTimer::singleShot(0, this, [&] {
            for (QWidget *w : QApplication::topLevelWidgets())
                if (auto *box = qobject_cast<QMessageBox *>(w); box && box->objectName() == QLatin1String("recipeWarning")) {
                    text = box->text();
                    for (QAbstractButton *b : box->buttons())
                        if (b->text().remove(QLatin1Char('&')) == answer)
                            b->click();
                }
        });
        QSignalSpy finished(&session, &TrainingSession::finished);
        view.start();
        QVERIFY2(text.contains(QStringLiteral("500")) && text.contains(QStringLiteral("steps")), qPrintable(text));
        QCOMPARE(session.isRunning(), starts);
        QCOMPARE(view.formConfig().train.lr, lr);
        QCOMPARE(text.contains(QStringLiteral("no pretrained weights: its weights stay random")), head);
        // The suggestion trains the whole network; started as it is, the log says why it may learn little.
        const bool suggested = answer == QLatin1String("Use the suggested recipe");
        QCOMPARE(view.formConfig().train.fineTune.mode, head && !suggested ? FineTune::Mode::Head : FineTune::Mode::Full);
        if (starts)
            QVERIFY(finished.wait(60000));
        const QString log = view.findChild<QPlainTextEdit *>()->toPlainText();
        QCOMPARE(log.contains(QStringLiteral("the frozen part stays random")), head && !suggested);
        QCOMPARE(log.contains(QStringLiteral("Training the whole network.")), head && suggested);
    }

    void replaysRunHistory_data()
    {
        QTest::addColumn<QByteArray>("status");
        QTest::addColumn<bool>("resumable");
        QTest::newRow("finished") << QByteArray("finished") << false;
        QTest::newRow("stopped, with a checkpoint") << QByteArray("stopped") << true;
    }
    void replaysRunHistory()
    {
        QFETCH(QByteArray, status);
        QFETCH(bool, resumable);
        QTemporaryDir dir;
        const QString run = dir.filePath(QStringLiteral("20261129-120000"));
        QDir().mkpath(run + QStringLiteral("/checkpoints/last"));
        QFile(run + QStringLiteral("/checkpoints/last/trainer_state.json")).open(QIODevice::WriteOnly);
        QFile runJson(run + QStringLiteral("/run.json"));
        QVERIFY(runJson.open(QIODevice::WriteOnly));
        runJson.write("{\"status\":\"" + status + "\",\"labels\":[\"a\",\"b\"],\"config\":{\"train\":{\"metric\":\"accuracy\"}}}");
        runJson.close();
        // A resumed run re-logs step 3: the history must stay monotonic.
        QFile metrics(run + QStringLiteral("/metrics.jsonl"));
        QVERIFY(metrics.open(QIODevice::WriteOnly));
        metrics.write(R"({"type":"step","step":1,"epoch":1,"loss":2.0,"lr":0.1}
{"type":"step","step":2,"epoch":1,"loss":1.5,"lr":0.2}
{"type":"epoch","epoch":1,"best":true,"best_epoch":1,"val":{"accuracy":0.5,"loss":1.4},"train":{"accuracy":0.6,"loss":1.3}}
{"type":"step","step":3,"epoch":2,"loss":9.0,"lr":0.2}
{"type":"step","step":3,"epoch":2,"loss":1.2,"lr":0.2}
{"type":"step","step":4,"epoch":2,"loss":1.0,"lr":0.1}
{"type":"epoch","epoch":2,"best":true,"best_epoch":2,"val":{"accuracy":0.75,"loss":1.1},"train":{"accuracy":0.8,"loss":0.9}}
)");
        metrics.close();
        const RunHistory history = loadRunHistory(run);
        QCOMPARE(history.status, parseChoice<RunStatus>(status.toStdString(), "status"));
        QCOMPARE(history.resumable, resumable);
        QCOMPARE(history.bestEpoch, 2);
        QCOMPARE(history.bestValue, 0.75);

        TrainingSession session;
        TrainView view(&session);
        view.showHistory(history);
        QTRY_COMPARE_WITH_TIMEOUT(view.plottedStepLosses(), (QVector<double>{2.0, 1.5, 1.2, 1.0}), 2000);
        QCOMPARE(view.plottedValAccuracy(), (QVector<double>{0.5, 0.75}));
        QCOMPARE(view.markedBestEpoch(), 2);
        // The epoch charts tick at whole epochs only.
        int epochCharts = 0;
        for (auto *plot : view.findChildren<QCustomPlot *>()) {
            if (!plot->xAxis->label().startsWith(QStringLiteral("Epoch")))
                continue;
            ++epochCharts;
            plot->replot();
            QVERIFY(!plot->xAxis->tickVector().isEmpty());
            for (double t : plot->xAxis->tickVector())
                QCOMPARE(t, std::round(t));
        }
        QCOMPARE(epochCharts, 2);
        // The bar under the charts says which run is shown and how it ended (a bar below its
        // minimum draws no text).
        QCOMPARE(view.findChild<QProgressBar *>()->text(),
                 QStringLiteral("Run 20261129-120000: ") + RunListModel::statusText(parseChoice<RunStatus>(status.toStdString(), "status")));

        RunListModel runs;
        QAbstractItemModelTester tester(&runs, QAbstractItemModelTester::FailureReportingMode::QtTest);
        runs.setRuns({history});
        QCOMPARE(runs.rowCount(), 1);
        QVERIFY(runs.index(0).data().toString().contains(QStringLiteral("best accuracy 0.7500 (epoch 2)")));
        QCOMPARE(runs.index(0).data(RunListModel::ResumableRole).toBool(), resumable);
        QCOMPARE(findRuns(dir.path()), QStringList{run});
        // A resume shows the run as running at once; showing the history again adds no log lines.
        QSignalSpy changed(&runs, &QAbstractItemModel::dataChanged);
        runs.markRunning(run);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(runs.index(0).data(RunListModel::ResumableRole).toBool(), false);
        QCOMPARE(runs.index(0).data(RunListModel::StatusRole).value<RunStatus>(), RunStatus::Running);
        auto *log = view.findChild<QPlainTextEdit *>();
        const QString before = log->toPlainText();
        view.showHistory(history);
        QCOMPARE(log->toPlainText(), before);
        QVERIFY(!before.contains(QStringLiteral("Epoch 1:")));
    }

    // A run picked in the list shows its own recipe in the form, next to its charts; Start then
    // trains a new run with that recipe. A run whose run.json cannot be read leaves the form alone.
    void selectingARunShowsItsRecipe_data()
    {
        QTest::addColumn<bool>("readable");
        QTest::addColumn<bool>("training");
        QTest::newRow("readable run") << true << false;
        QTest::newRow("damaged run.json") << false << false;
        QTest::newRow("readable run, while another trains") << true << true;
    }
    void selectingARunShowsItsRecipe()
    {
        QFETCH(bool, readable);
        QFETCH(bool, training);
        QSettings().clear();
        QTemporaryDir dir;
        const QString run = dir.filePath(QStringLiteral("20261130-090000"));
        QVERIFY(QDir().mkpath(run));
        JobConfig recipe;
        recipe.model = "/models/vit-tiny";
        recipe.data.data = "/data/kvasir";
        recipe.train.epochs = 3;
        recipe.train.lr = 4e-4;
        recipe.train.fineTune = {FineTune::Mode::Head, 0};
        recipe.train.precision = Precision::Bf16;
        recipe.train.augment = {Augmentation::VFlip};
        QFile runJson(run + QStringLiteral("/run.json"));
        QVERIFY(runJson.open(QIODevice::WriteOnly));
        const std::string config = jobConfigToText(recipe);
        runJson.write(readable ? QByteArray("{\"status\":\"finished\",\"labels\":[\"a\",\"b\"],\"config\":") + config.c_str() + "}"
                               : QByteArray("{\"status\":\"finished\",\"config\":"));
        runJson.close();
        const RunHistory history = loadRunHistory(run);
        QCOMPARE(history.readable, readable);

        TrainingSession session;
        TrainView view(&session);
        view.setRunsDirectory(dir.path());
        QSignalSpy finished(&session, &TrainingSession::finished);
        QString liveRun;
        if (training) { // a tiny job; the session counts as running until its end reaches this thread
            writeDemoDataset(dir.filePath(QStringLiteral("data")).toStdString(), 3, 4);
            JobConfig live;
            live.model = VITSCOPE_TEST_DATA "/vit-tiny-classifier";
            live.data.data = dir.filePath(QStringLiteral("data")).toStdString();
            live.data.cacheDir = dir.filePath(QStringLiteral("cache")).toStdString();
            live.train.device = "cpu";
            live.train.epochs = 1;
            live.train.lr = 1e-3;
            live.train.warmupSteps = 0;
            view.setFormConfig(live);
            liveRun = dir.filePath(QStringLiteral("live"));
            view.setRunFolder(liveRun);
            QTimer::singleShot(0, this, [] { // should the recipe check ask anything: start as it is
                for (QWidget *w : QApplication::topLevelWidgets())
                    if (auto *box = qobject_cast<QMessageBox *>(w))
                        for (QAbstractButton *b : box->buttons())
                            if (b->text().remove(QLatin1Char('&')) == QStringLiteral("Start as it is"))
                                b->click();
            });
            view.start();
            QVERIFY(session.isRunning());
        }
        const std::string before = jobConfigToText(view.formConfig());
        QSignalSpy selected(&view, &TrainView::runSelected);
        view.selectRun(history);
        QCOMPARE(selected.count(), 1);
        QCOMPARE(selected.at(0).at(0).toString(), run);
        const QString log = view.findChild<QPlainTextEdit *>()->toPlainText();
        if (training) {
            // The running job keeps the form, its run folder and the charts.
            QCOMPARE(QString::fromStdString(jobConfigToText(view.formConfig())), QString::fromStdString(before));
            QVERIFY2(log.contains(QStringLiteral("the charts here follow the training in progress")), qPrintable(log));
            QCOMPARE(view.findChild<QLineEdit *>(QStringLiteral("runFolder"))->text(), liveRun);
            QVERIFY(finished.wait(60000));
        } else if (readable) {
            QCOMPARE(QString::fromStdString(jobConfigToText(view.formConfig())), QString::fromStdString(config));
            QVERIFY2(log.contains(QStringLiteral("recipe of run 20261130-090000")), qPrintable(log));
            // Start would write a new run beside the shown one, never into it.
            const TrainJob next = view.job();
            QCOMPARE(QString::fromStdString(jobConfigToText(next.config)), QString::fromStdString(config));
            QVERIFY(QString::fromStdString(next.out) != run);
            QCOMPARE(QFileInfo(QString::fromStdString(next.out)).absolutePath(), QFileInfo(dir.path()).absoluteFilePath());
        } else {
            QCOMPARE(QString::fromStdString(jobConfigToText(view.formConfig())), QString::fromStdString(before));
            QVERIFY2(log.contains(QStringLiteral("cannot be read")), qPrintable(log));
        }
    }

    // After Stop the stopped run can be resumed at once, without picking it in the list.
    void resumeAfterStop_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<bool>("resumable");
        QTest::newRow("stopped") << int(RunStatus::Stopped) << true;
        QTest::newRow("finished") << int(RunStatus::Finished) << false;
    }
    void resumeAfterStop()
    {
        QFETCH(int, status);
        QFETCH(bool, resumable);
        TrainingSession session;
        TrainView view(&session);
        Q_EMIT session.finished(QStringLiteral("/tmp/run"), static_cast<RunStatus>(status));
        QPushButton *resume = nullptr;
        for (auto *b : view.findChildren<QPushButton *>())
            if (b->text() == QStringLiteral("&Resume"))
                resume = b;
        QVERIFY(resume);
        QCOMPARE(resume->isEnabled(), resumable);
    }

    // A resume refused for a damaged last checkpoint asks whether to continue from the best epoch's
    // checkpoint (#17 item 7); only "Resume from epoch N" starts that resume.
    void offersTheBestCheckpointWhenLastIsDamaged_data()
    {
        QTest::addColumn<QString>("answer");
        QTest::addColumn<bool>("resumes");
        QTest::newRow("cancel") << QStringLiteral("Cancel") << false;
        QTest::newRow("resume from the best epoch") << QStringLiteral("Resume from epoch 2") << true;
    }
    void offersTheBestCheckpointWhenLastIsDamaged()
    {
        QFETCH(QString, answer);
        QFETCH(bool, resumes);
        QTemporaryDir dir;
        const QString run = dir.filePath(QStringLiteral("run")); // no run there: the resume itself fails
        TrainingSession session;
        TrainView view(&session);
        QString text, details;
        QTimer::singleShot(0, this, [&] {
            for (QWidget *w : QApplication::topLevelWidgets())
                if (auto *box = qobject_cast<QMessageBox *>(w); box && box->objectName() == QLatin1String("damagedCheckpoint")) {
                    text = box->text() + QLatin1Char(' ') + box->informativeText();
                    details = box->detailedText();
                    for (QAbstractButton *b : box->buttons())
                        if (b->text().remove(QLatin1Char('&')) == answer)
                            b->click();
                }
        });
        QSignalSpy started(&session, &TrainingSession::started);
        QSignalSpy failed(&session, &TrainingSession::failed);
        Q_EMIT session.checkpointDamaged(run, QStringLiteral("model.safetensors does not match the checksum"), 2);
        QVERIFY2(text.contains(QStringLiteral("damaged")) && text.contains(QStringLiteral("epoch 2")), qPrintable(text));
        QCOMPARE(details, QStringLiteral("model.safetensors does not match the checksum"));
        QCOMPARE(started.count(), resumes ? 1 : 0);
        if (resumes)
            QVERIFY(failed.wait(30000)); // the job ran (and found no run): it was asked for
    }
};

QTEST_MAIN(TestTrainView)
#include "test_train_view.moc"

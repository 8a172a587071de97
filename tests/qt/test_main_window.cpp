// The main window: every view is one shortcut away, and the research notice is always visible in
// the Predict view.
#include "session/predictor.h"
#include "ui/evaluate_view.h"
#include "ui/main_window.h"
#include "ui/train_view.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QSettings>
#include <QStatusBar>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>

using namespace vitscope;

class TestMainWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("vitscope-tests")); // settings apart from the user's
        QStandardPaths::setTestModeEnabled(true);
    }

    void shortcutsReachEveryView_data()
    {
        QTest::addColumn<int>("key");
        QTest::addColumn<int>("view");
        QTest::newRow("Ctrl+1 dataset") << int(Qt::Key_1) << 0;
        QTest::newRow("Ctrl+2 train") << int(Qt::Key_2) << 1;
        QTest::newRow("Ctrl+3 evaluate") << int(Qt::Key_3) << 2;
        QTest::newRow("Ctrl+4 predict") << int(Qt::Key_4) << 3;
    }
    void shortcutsReachEveryView()
    {
        QFETCH(int, key);
        QFETCH(int, view);
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.showView(view == 0 ? 3 : 0);
        QTest::keyClick(&window, static_cast<Qt::Key>(key), Qt::ControlModifier);
        auto *tabs = window.findChild<QTabWidget *>();
        QCOMPARE(tabs->currentIndex(), view);
        QCOMPARE(tabs->currentWidget(), window.view(view));
    }

    void researchNoticeAlwaysInSight_data()
    {
        QTest::addColumn<QString>("where");
        QTest::newRow("Predict view") << QStringLiteral("researchNotice");
        QTest::newRow("status bar") << QStringLiteral("statusResearchNotice");
    }
    void researchNoticeAlwaysInSight()
    {
        QFETCH(QString, where);
        MainWindow window;
        auto *notice = window.findChild<QLabel *>(where);
        QVERIFY(notice);
        QCOMPARE(notice->text(), QStringLiteral("For research use only. Not for use in diagnostic procedures."));
    }

    // A status message (here: why a model could not be loaded) gets the room the model and device
    // labels take while it shows, and the model label keeps the reason as its tooltip afterwards.
    void statusMessagesHaveRoom_data()
    {
        QTest::addColumn<bool>("configOnly");
        QTest::newRow("config.json only, no weights") << true;
        QTest::newRow("not a model folder") << false;
    }
    void statusMessagesHaveRoom()
    {
        QFETCH(bool, configOnly);
        QTemporaryDir dir;
        if (configOnly)
            QVERIFY(QFile::copy(QStringLiteral(VITSCOPE_TEST_DATA "/vit-tiny-classifier/config.json"), dir.filePath(QStringLiteral("config.json"))));
        MainWindow window;
        window.resize(1200, 780);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *model = window.findChild<QLabel *>(QStringLiteral("statusModel"));
        auto *device = window.findChild<QLabel *>(QStringLiteral("statusDevice"));
        QVERIFY(model && device);
        window.statusBar()->clearMessage();
        QVERIFY(model->isVisible() && device->isVisible());
        window.openModel(dir.path());
        // A folder meant to be trained is not a failure: the window says what to do with it.
        const QString expected = configOnly ? QStringLiteral("has no trained weights yet: train it in the Train view")
                                            : QStringLiteral("The model could not be loaded: ");
        QTRY_VERIFY_WITH_TIMEOUT(window.statusBar()->currentMessage().contains(expected), 30000);
        const QString message = window.statusBar()->currentMessage();
        QVERIFY(!model->isVisible());
        QVERIFY(!device->isVisible());
        QCOMPARE(window.statusBar()->toolTip(), message);
        QVERIFY2(model->toolTip().contains(configOnly ? QStringLiteral("no model.safetensors") : QStringLiteral("config.json")),
                 qPrintable(model->toolTip()));
        window.statusBar()->clearMessage();
        QVERIFY(model->isVisible() && device->isVisible());
        QCOMPARE(model->text(), configOnly ? QStringLiteral("Untrained model: ") + QFileInfo(dir.path()).fileName() : QStringLiteral("No model loaded"));
        QVERIFY(window.statusBar()->toolTip().isEmpty());
        // Evaluate does not claim that Predict uses the folder that failed (a run with no best
        // checkpoint yet, which cannot give Predict a model either).
        QTemporaryDir runs;
        const QString run = runs.filePath(QStringLiteral("20261204-030000"));
        QVERIFY(QDir().mkpath(run));
        window.openRun(run);
        QCOMPARE(window.findChild<QLabel *>(QStringLiteral("predictModelNote"))->text(),
                 QStringLiteral("The Predict view has no model; an image opened from the gallery below gives it this run's best model."));
    }

    // A finished run offers its best model for Predict; an image opened from a run's Evaluate
    // gallery is predicted by that run's best model, whatever Predict had before.
    void predictUsesTheRunsModel_data()
    {
        QTest::addColumn<bool>("fromGallery");
        QTest::newRow("run finished, offer accepted") << false;
        QTest::newRow("image opened from the Evaluate gallery") << true;
    }
    void predictUsesTheRunsModel()
    {
        QFETCH(bool, fromGallery);
        const QString run = finishedRun();
        QVERIFY(!run.isEmpty());
        const QString best = QDir(run).filePath(QStringLiteral("checkpoints/best"));
        MainWindow window;
        QSignalSpy ready(&window, &MainWindow::modelReady);
        window.openModel(QStringLiteral(VITSCOPE_TEST_DATA "/vit-tiny-classifier")); // another model
        QVERIFY(ready.wait(30000));
        auto *label = window.findChild<QLabel *>(QStringLiteral("predictModelNote"));
        window.openRun(run);
        QVERIFY(label->text().contains(QStringLiteral("another model")));
        if (fromGallery) {
            Q_EMIT window.evaluateView()->openInPredict(m_image, run);
        } else {
            Q_EMIT window.trainView()->runFinished(run);
            auto *offer = window.findChild<QMessageBox *>(QStringLiteral("useRunModel"));
            QVERIFY(offer);
            offer->button(QMessageBox::Yes)->click();
        }
        QVERIFY(ready.wait(30000));
        QCOMPARE(QDir::cleanPath(ready.last().first().toString()), QDir::cleanPath(best));
        QCOMPARE(label->text(), QStringLiteral("The Predict view uses this run's best model."));
    }

    // Picking a finished run gives Predict the run's best model when Predict has none that can
    // predict (the demo's untrained one); a trained model the user opened is kept. The Train form
    // keeps its model either way.
    void pickedRunGivesPredictAModel_data()
    {
        QTest::addColumn<bool>("trainedBefore");
        QTest::addColumn<bool>("finished"); // the run has just finished (else: picked in the list)
        // As at start-up, which restores the last model and the last run: the run is opened while
        // the model is still loading, and the model's failure comes after.
        QTest::addColumn<bool>("restored");
        QTest::newRow("untrained model before, run picked") << false << false << false;
        QTest::newRow("untrained model before, run finished") << false << true << false;
        QTest::newRow("trained model before, run picked") << true << false << false;
        QTest::newRow("untrained model and run restored together") << false << false << true;
    }
    void pickedRunGivesPredictAModel()
    {
        QFETCH(bool, trainedBefore);
        QFETCH(bool, finished);
        QFETCH(bool, restored);
        const QString run = finishedRun();
        QVERIFY(!run.isEmpty());
        QTemporaryDir dir;
        QVERIFY(QFile::copy(QStringLiteral(VITSCOPE_TEST_DATA "/vit-tiny-classifier/config.json"), dir.filePath(QStringLiteral("config.json"))));
        const QString before = trainedBefore ? QStringLiteral(VITSCOPE_TEST_DATA "/vit-tiny-classifier") : dir.path();
        MainWindow window;
        QSignalSpy ready(&window, &MainWindow::modelReady);
        QSignalSpy failed(window.predictor(), &Predictor::modelFailed);
        window.openModel(before);
        if (restored) {
            QVERIFY(!window.openRun(run)); // the model has not failed yet
            QVERIFY(failed.wait(30000));
        } else {
            QVERIFY(trainedBefore ? ready.wait(30000) : failed.wait(30000));
            ready.clear();
            if (finished)
                Q_EMIT window.trainView()->runFinished(run);
            else
                QCOMPARE(window.openRun(run), !trainedBefore);
        }
        auto *note = window.findChild<QLabel *>(QStringLiteral("predictModelNote"));
        if (trainedBefore) {
            QVERIFY(!ready.wait(1000)); // nothing else loads
            QVERIFY(note->text().contains(QStringLiteral("another model")));
        } else {
            QVERIFY(ready.wait(30000));
            QCOMPARE(QDir::cleanPath(ready.last().first().toString()), QDir::cleanPath(QDir(run).filePath(QStringLiteral("checkpoints/best"))));
            QCOMPARE(note->text(), QStringLiteral("The Predict view uses this run's best model."));
            // A finish that gave Predict the run's model asks nothing more.
            QVERIFY(!window.findChild<QMessageBox *>(QStringLiteral("useRunModel")));
        }
        QCOMPARE(QString::fromStdString(window.trainView()->formConfig().model), before);
    }

private:
    // One tiny training run, made once with the CLI.
    QString finishedRun()
    {
        if (!m_run.isEmpty())
            return m_run;
        const QString data = m_dir.filePath(QStringLiteral("data")), out = m_dir.filePath(QStringLiteral("run"));
        if (QProcess::execute(QStringLiteral(VITSCOPE_CLI), {QStringLiteral("demo-data"), data, QStringLiteral("--per-class"), QStringLiteral("4")}) != 0)
            return {};
        const QStringList train = {QStringLiteral("train"), QStringLiteral("--model"), QStringLiteral(VITSCOPE_TEST_DATA "/vit-tiny-classifier"),
                                   QStringLiteral("--data"), data, QStringLiteral("--out"), out, QStringLiteral("--cache-dir"),
                                   m_dir.filePath(QStringLiteral("cache")), QStringLiteral("--epochs"), QStringLiteral("1"),
                                   QStringLiteral("--device"), QStringLiteral("cpu"), QStringLiteral("--threads"), QStringLiteral("2")};
        if (QProcess::execute(QStringLiteral(VITSCOPE_CLI), train) != 0)
            return {};
        m_image = QDir(data).filePath(QStringLiteral("polyps/polyps_0000.jpg"));
        return m_run = out;
    }

    QTemporaryDir m_dir;
    QString m_run, m_image;
};

QTEST_MAIN(TestMainWindow)
#include "test_main_window.moc"

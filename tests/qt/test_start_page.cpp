// What a user finds first: the start page and its actions, "Open with" (images to Predict, a
// folder as the data set), the user guide in both languages, the About box and the icons.
#include "job/demo.h"
#include "ui/icons.h"
#include "ui/main_window.h"
#include "ui/predict_view.h"
#include "ui/start_page.h"
#include "ui/user_guide.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

using namespace vitscope;

class TestStartPage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("vitscope-tests")); // settings apart from the user's
        QStandardPaths::setTestModeEnabled(true);
        m_demo = ensureDemo(m_dir.path().toStdString());
    }

    void demoLeavesTheStartPage()
    {
        MainWindow window;
        window.setDemo(QString::fromStdString(m_demo.data), QString::fromStdString(m_demo.model));
        window.showStartPage();
        window.show();
        QVERIFY(window.startPageShown());
        QVERIFY(window.startPage()->isVisible());
        QVERIFY(window.findChild<FolderDiagram *>());
        QCOMPARE(window.findChild<QLabel *>(QStringLiteral("startResearchNotice"))->text(),
                 QStringLiteral("For research use only. Not for use in diagnostic procedures."));
        QVERIFY(window.findChild<QLabel *>(QStringLiteral("startShortcuts"))->text().contains(QStringLiteral("F1")));
        QSignalSpy scanned(&window, &MainWindow::datasetScanned);
        QSignalSpy ready(&window, &MainWindow::modelReady);
        window.startPage()->demoButton()->click();
        QVERIFY(!window.startPageShown());
        QCOMPARE(window.findChild<QTabWidget *>()->currentIndex(), 0);
        QVERIFY(scanned.wait(30000));
        QCOMPARE(QDir::cleanPath(scanned.first().first().toString()), QDir::cleanPath(QString::fromStdString(m_demo.data)));
        // The demo model has no weights: Train uses it, Predict says it cannot (#17 item 16).
        QTRY_VERIFY_WITH_TIMEOUT(window.statusBar()->currentMessage().contains(QStringLiteral("has no trained weights yet: train it in the Train view")),
                                 30000);
        QCOMPARE(window.findChild<QLabel *>(QStringLiteral("statusModel"))->text(),
                 QStringLiteral("Untrained model: ") + QFileInfo(QString::fromStdString(m_demo.model)).fileName());
        QCOMPARE(ready.count(), 0);
    }

    void demoModelCannotPredict()
    {
        MainWindow window;
        window.setDemo(QString::fromStdString(m_demo.data), QString::fromStdString(m_demo.model));
        window.openModel(QString::fromStdString(m_demo.model));
        window.openPaths({QDir(QString::fromStdString(m_demo.data)).filePath(QStringLiteral("polyps/polyps_0000.jpg"))});
        QVERIFY(window.statusBar()->currentMessage().contains(QStringLiteral("The demo model has no trained weights")));
        QCOMPARE(window.findChild<QTabWidget *>()->currentIndex(), 3);
    }

    void startPageIsUnderHelp()
    {
        MainWindow window;
        window.show();
        QVERIFY(!window.startPageShown());
        QAction *action = findAction(window, QStringLiteral("&Start page"));
        QVERIFY(action);
        action->trigger();
        QVERIFY(window.startPageShown());
        window.showView(3);
        QVERIFY(!window.startPageShown());
    }

    // vitscope FILE... and vitscope DIR, as a file manager's "Open with" calls them.
    void openPathsByKind_data()
    {
        QTest::addColumn<QStringList>("paths");
        QTest::addColumn<int>("view");
        QTest::addColumn<int>("predicted");
        QTest::addColumn<QString>("message");
        QTest::newRow("two images") << QStringList{QStringLiteral("polyps/polyps_0000.jpg"), QStringLiteral("ulcerative-colitis/ulcerative-colitis_0001.jpg")}
                                    << 3 << 2 << QString();
        QTest::newRow("a data set folder") << QStringList{QStringLiteral(".")} << 0 << 0 << QString();
        QTest::newRow("a missing file") << QStringList{QStringLiteral("no-such-frame.jpg")} << -1 << 0 << QStringLiteral("Not found:");
    }
    void openPathsByKind()
    {
        QFETCH(QStringList, paths);
        QFETCH(int, view);
        QFETCH(int, predicted);
        QFETCH(QString, message);
        const QDir data(QString::fromStdString(m_demo.data));
        for (QString &p : paths)
            p = data.filePath(p);
        MainWindow window;
        window.setDemo(data.path(), QString::fromStdString(m_demo.model));
        QSignalSpy ready(&window, &MainWindow::modelReady);
        window.openModel(QStringLiteral(VITSCOPE_TEST_DATA "/vit-tiny-classifier")); // trained: the demo model cannot predict
        QVERIFY(ready.wait(30000));
        window.showStartPage();
        QSignalSpy scanned(&window, &MainWindow::datasetScanned);
        window.openPaths(paths);
        if (view >= 0) {
            QVERIFY(!window.startPageShown());
            QCOMPARE(window.findChild<QTabWidget *>()->currentIndex(), view);
        } else {
            QVERIFY(window.startPageShown()); // nothing to show: the page stays
        }
        if (predicted > 0)
            QTRY_COMPARE_WITH_TIMEOUT(window.predictView()->resultCount(), predicted, 30000);
        if (view == 0) {
            QVERIFY(scanned.wait(30000));
            QCOMPARE(QDir::cleanPath(scanned.first().first().toString()), QDir::cleanPath(data.path()));
        }
        if (!message.isEmpty())
            QVERIFY2(window.statusBar()->currentMessage().contains(message), qPrintable(window.statusBar()->currentMessage()));
    }

    void userGuideInTheInterfaceLanguage_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("heading");
        QTest::addColumn<QString>("term");
        QTest::newRow("English") << QStringLiteral("en") << QStringLiteral("What the numbers mean") << QStringLiteral("Prediction set, coverage");
        QTest::newRow("Turkish") << QStringLiteral("tr") << QStringLiteral("Sayıların anlamı") << QStringLiteral("Tahmin kümesi, kapsama");
    }
    void userGuideInTheInterfaceLanguage()
    {
        QFETCH(QString, language);
        QFETCH(QString, heading);
        QFETCH(QString, term);
        const QLocale before;
        QLocale::setDefault(QLocale(language));
        MainWindow window;
        findAction(window, QStringLiteral("&User guide"))->trigger();
        QLocale::setDefault(before);
        auto *guide = window.findChild<QDialog *>(QStringLiteral("userGuide"));
        QVERIFY(guide);
        const QString text = guide->findChild<QTextBrowser *>()->toPlainText();
        QVERIFY2(text.contains(heading), qPrintable(text.left(200)));
        QVERIFY(text.contains(term));
        QVERIFY(text.contains(QStringLiteral("runs/")));
        findAction(window, QStringLiteral("&User guide"))->trigger(); // a second F1: the same window
        QCOMPARE(window.findChildren<QDialog *>(QStringLiteral("userGuide")).size(), 1);
    }

    void aboutBoxShowsTheIcon()
    {
        MainWindow window;
        findAction(window, QStringLiteral("&About vitscope"))->trigger();
        auto *box = window.findChild<QMessageBox *>(QStringLiteral("aboutBox"));
        QVERIFY(box);
        QCOMPARE(box->iconPixmap().size(), QSize(96, 96) * box->iconPixmap().devicePixelRatio());
        QVERIFY(box->text().contains(QStringLiteral("For research use only")));
        QVERIFY(box->text().contains(QStringLiteral(VITSCOPE_VERSION)));
    }

    void iconsAtTheirSizes_data()
    {
        QTest::addColumn<int>("id");
        QTest::addColumn<int>("largest");
        QTest::newRow("application") << int(IconId::App) << 256;
        for (IconId id : {IconId::Dataset, IconId::Train, IconId::Evaluate, IconId::Predict, IconId::Review, IconId::Start, IconId::Open,
                          IconId::Model, IconId::Download, IconId::Run, IconId::Stop, IconId::Export, IconId::Guide, IconId::About})
            QTest::newRow(qPrintable(QStringLiteral("icon %1").arg(int(id)))) << int(id) << 96;
    }
    void iconsAtTheirSizes()
    {
        QFETCH(int, id);
        QFETCH(int, largest);
        const QIcon i = icon(static_cast<IconId>(id));
        const QList<QSize> sizes = i.availableSizes();
        QVERIFY(sizes.contains(QSize(16, 16)));
        QVERIFY(sizes.contains(QSize(largest, largest)));
        // Drawn, not blank: the 16 px rendering has opaque pixels.
        const QImage small = i.pixmap(QSize(16, 16)).toImage();
        int opaque = 0;
        for (int y = 0; y < small.height(); ++y)
            for (int x = 0; x < small.width(); ++x)
                opaque += qAlpha(small.pixel(x, y)) > 128;
        QVERIFY2(opaque >= 20, qPrintable(QString::number(opaque)));
    }

private:
    static QAction *findAction(MainWindow &window, const QString &text)
    {
        for (QAction *a : window.menuBar()->findChildren<QAction *>())
            if (a->text() == text)
                return a;
        return nullptr;
    }

    QTemporaryDir m_dir;
    DemoAssets m_demo;
};

QTEST_MAIN(TestStartPage)
#include "test_start_page.moc"

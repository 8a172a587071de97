// The main window: every view is one shortcut away, and the research notice is always visible in
// the Predict view.
#include "ui/main_window.h"

#include <QLabel>
#include <QSettings>
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

    void researchNoticeInPredictView()
    {
        MainWindow window;
        auto *notice = window.view(3)->findChild<QLabel *>(QStringLiteral("researchNotice"));
        QVERIFY(notice);
        QCOMPARE(notice->text(), QStringLiteral("For research use only. Not for use in diagnostic procedures."));
    }
};

QTEST_MAIN(TestMainWindow)
#include "test_main_window.moc"

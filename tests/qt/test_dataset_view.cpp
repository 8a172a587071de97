// The Dataset view scans off the GUI thread, fills thumbnails only when asked, shows split counts,
// and cancels cleanly.
#include "data/demo_data.h"
#include "ui/class_count_model.h"
#include "ui/dataset_view.h"
#include "ui/thumbnail_model.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace vitscope;

class TestDatasetView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        writeDemoDataset(m_dir.path().toStdString(), 5, 2);
    }

    void scanShowsClassesAndSplit_data()
    {
        QTest::addColumn<double>("val");
        QTest::addColumn<double>("test");
        QTest::addColumn<QString>("counts");
        QTest::newRow("70/15/15") << 0.15 << 0.15 << QStringLiteral("train 3 · val 1 · test 1");
        QTest::newRow("notebook 85/15/0") << 0.15 << 0.0 << QStringLiteral("train 4 · val 1 · test 0");
    }
    void scanShowsClassesAndSplit()
    {
        QFETCH(double, val);
        QFETCH(double, test);
        QFETCH(QString, counts);
        DatasetView view;
        QAbstractItemModelTester classes(view.classes(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester thumbs(view.thumbnails(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy scanned(&view, &DatasetView::scanned);
        view.scan(m_dir.path(), QString());
        QVERIFY(scanned.wait(30000));
        QCOMPARE(scanned.first().at(1).toBool(), true);
        QCOMPARE(view.classes()->rowCount(), 8);
        QCOMPARE(view.thumbnails()->rowCount(), 40);
        view.showSplit(1.0 - val - test, val, test, 42);
        QVERIFY(view.classes()->index(0).data().toString().endsWith(counts));
    }

    void thumbnailsAreLazy()
    {
        DatasetView view;
        QSignalSpy scanned(&view, &DatasetView::scanned);
        view.scan(m_dir.path(), QString());
        QVERIFY(scanned.wait(30000));
        auto *model = view.thumbnails();
        QCOMPARE(model->pendingThumbnails(), 0); // nothing decoded until a view asks
        const QModelIndex first = model->index(0);
        QVERIFY(first.data(Qt::DecorationRole).isNull());
        QCOMPARE(model->pendingThumbnails(), 1);
        QSignalSpy changed(model, &QAbstractItemModel::dataChanged);
        QTRY_VERIFY_WITH_TIMEOUT(!first.data(Qt::DecorationRole).isNull(), 10000);
        QCOMPARE(first.data(Qt::DecorationRole).value<QPixmap>().width(), ThumbnailModel::kSize);
        QCOMPARE(model->pendingThumbnails(), 0);
    }

    void unusableFolderIsReported()
    {
        QTemporaryDir empty;
        DatasetView view;
        QSignalSpy scanned(&view, &DatasetView::scanned);
        view.scan(empty.path(), QString());
        QVERIFY(scanned.wait(30000));
        QCOMPARE(scanned.first().at(1).toBool(), false);
        QCOMPARE(view.classes()->rowCount(), 0);
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestDatasetView)
#include "test_dataset_view.moc"

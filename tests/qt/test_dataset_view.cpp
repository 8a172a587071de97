// The Dataset view scans off the GUI thread, fills thumbnails only when asked, shows split counts,
// and cancels cleanly; picking a class (mouse or keys) shows its images at full size, and the
// preview shows the whole frame at any device-pixel ratio (ctest runs it again at QT_SCALE_FACTOR=2).
#include "data/demo_data.h"
#include "ui/class_count_model.h"
#include "ui/dataset_view.h"
#include "ui/thumbnail_model.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QListView>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace vitscope;

namespace {

// A shown view with the demo data scanned, as a user sees it.
bool showScanned(DatasetView &view, const QString &folder)
{
    view.resize(1200, 700);
    view.show();
    if (!QTest::qWaitForWindowExposed(&view))
        return false;
    QSignalSpy scanned(&view, &DatasetView::scanned);
    view.scan(folder, QString());
    return scanned.wait(30000);
}

void clickClass(DatasetView &view, int row)
{
    auto *classes = view.findChild<QListView *>(QStringLiteral("classList"));
    QVERIFY(classes);
    const QRect rect = classes->visualRect(view.classes()->index(row));
    QVERIFY(rect.isValid());
    QTest::mouseClick(classes->viewport(), Qt::LeftButton, {}, rect.center());
}

// The class folder of every image the grid lists.
QStringList shownClasses(const DatasetView &view)
{
    QStringList out;
    for (int r = 0; r < view.thumbnails()->rowCount(); ++r)
        out << QFileInfo(view.thumbnails()->index(r).data(ThumbnailModel::PathRole).toString()).dir().dirName();
    out.removeDuplicates();
    return out;
}

} // namespace

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

    void classPickKeepsFullSizeThumbnails_data()
    {
        QTest::addColumn<int>("row");
        QTest::newRow("first class") << 0;
        QTest::newRow("last class") << 7;
    }
    void classPickKeepsFullSizeThumbnails()
    {
        QFETCH(int, row);
        DatasetView view;
        QVERIFY(showScanned(view, m_dir.path()));
        auto *grid = view.findChild<QListView *>(QStringLiteral("thumbnailGrid"));
        QVERIFY(grid);
        clickClass(view, row);
        QCOMPARE(view.thumbnails()->rowCount(), 5);
        // Before and after the thumbnails arrive: each cell holds the square and a line for the name.
        const int minHeight = ThumbnailModel::kSize + grid->fontMetrics().height();
        for (bool decoded : {false, true}) {
            if (decoded)
                QTRY_COMPARE_WITH_TIMEOUT(view.thumbnails()->pendingThumbnails(), 0, 10000);
            QCoreApplication::processEvents(); // the view's delayed layout
            for (int r = 0; r < view.thumbnails()->rowCount(); ++r) {
                const QRect rect = grid->visualRect(view.thumbnails()->index(r));
                QVERIFY2(rect.width() >= ThumbnailModel::kSize && rect.height() >= minHeight,
                         qPrintable(QStringLiteral("row %1 is %2x%3").arg(r).arg(rect.width()).arg(rect.height())));
            }
        }
        // A click on a thumbnail previews it.
        const QModelIndex third = view.thumbnails()->index(2);
        QTest::mouseClick(grid->viewport(), Qt::LeftButton, {}, grid->visualRect(third).center());
        QCOMPARE(grid->currentIndex(), third);
        auto *details = view.findChild<QLabel *>(QStringLiteral("details"));
        QVERIFY(details);
        QVERIFY(details->text().startsWith(third.data(ThumbnailModel::PathRole).toString()));
    }

    void keysPickClass_data()
    {
        QTest::addColumn<int>("from");
        QTest::addColumn<int>("key");
        QTest::addColumn<int>("to");
        QTest::newRow("down") << 0 << int(Qt::Key_Down) << 1;
        QTest::newRow("up") << 3 << int(Qt::Key_Up) << 2;
        QTest::newRow("end") << 0 << int(Qt::Key_End) << 7;
    }
    void keysPickClass()
    {
        QFETCH(int, from);
        QFETCH(int, key);
        QFETCH(int, to);
        DatasetView view;
        QVERIFY(showScanned(view, m_dir.path()));
        const auto name = [&view](int label) { return QString::fromStdString(view.report().classes[label].name); };
        clickClass(view, from);
        QCOMPARE(shownClasses(view), QStringList{name(from)});
        auto *classes = view.findChild<QListView *>(QStringLiteral("classList"));
        QTest::keyClick(classes, static_cast<Qt::Key>(key));
        QCOMPARE(classes->currentIndex().row(), to);
        QCOMPARE(shownClasses(view), QStringList{name(to)});
        // The preview follows: an image of the new class, not one left from the previous.
        auto *details = view.findChild<QLabel *>(QStringLiteral("details"));
        QVERIFY(details->text().startsWith(view.thumbnails()->index(0).data(ThumbnailModel::PathRole).toString()));
    }

    void previewShowsWholeFrame()
    {
        DatasetView view;
        QVERIFY(showScanned(view, m_dir.path()));
        bool scaled = false;
        const double factor = qEnvironmentVariable("QT_SCALE_FACTOR").toDouble(&scaled);
        if (scaled)
            QCOMPARE(view.devicePixelRatioF(), factor); // the case under test really is high-DPI
        auto *preview = view.findChild<QLabel *>(QStringLiteral("preview"));
        QVERIFY(preview);
        QTRY_VERIFY_WITH_TIMEOUT(!preview->pixmap().isNull(), 5000);
        const QPixmap pixmap = preview->pixmap();
        // The frame (720x576) fits the label whole: its size in the label's pixels, not device pixels.
        const QSizeF shown = pixmap.deviceIndependentSize();
        const QSize room = preview->contentsRect().size();
        QVERIFY2(shown.width() <= room.width() + 0.5 && shown.height() <= room.height() + 0.5,
                 qPrintable(QStringLiteral("%1x%2 in %3x%4").arg(shown.width()).arg(shown.height()).arg(room.width()).arg(room.height())));
        QVERIFY(shown.width() >= room.width() - 1 || shown.height() >= room.height() - 1); // as large as fits
        QCOMPARE(pixmap.devicePixelRatio(), view.devicePixelRatioF());                      // and sharp
        QVERIFY(qAbs(shown.width() / shown.height() - 720.0 / 576.0) < 0.02);
    }

    void ctrlOOpensDataSet()
    {
        DatasetView view;
        view.show();
        QVERIFY(QTest::qWaitForWindowActive(&view));
        QSignalSpy open(&view, &DatasetView::openRequested);
        QTest::keyClick(&view, Qt::Key_O, Qt::ControlModifier);
        QCOMPARE(open.count(), 1);
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestDatasetView)
#include "test_dataset_view.moc"

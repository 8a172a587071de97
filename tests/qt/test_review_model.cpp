// The Review view's queue model: score order, the pair and reviewed filters, and labels reread from
// the label manifest (a decision, its undo) announced as row changes, under QAbstractItemModelTester.
#include "data/label_manifest.h"
#include "ui/review_model.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace vitscope;

namespace {

const QStringList kClasses = {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")};

ReviewEntry entry(const QString &rel, int given, int suggested, double score)
{
    ReviewEntry e;
    e.relPath = rel;
    e.path = QStringLiteral("/nonexistent/") + rel;
    e.sha256 = QStringLiteral("sha-") + rel;
    e.folder = kClasses.value(given);
    e.folderLabel = e.given = given;
    e.suggested = suggested;
    e.probabilities = {0.2, 0.3, 0.5};
    e.score = score;
    return e;
}

QVector<ReviewEntry> entries()
{
    return {entry(QStringLiteral("a/1.jpg"), 0, 2, 0.4), entry(QStringLiteral("a/2.jpg"), 0, 2, 0.1),
            entry(QStringLiteral("b/3.jpg"), 1, 2, 0.3), entry(QStringLiteral("c/4.jpg"), 2, 2, 0.9),
            entry(QStringLiteral("b/5.jpg"), 1, 0, 0.2)};
}

QStringList shown(const ReviewModel &m)
{
    QStringList out;
    for (int r = 0; r < m.rowCount(); ++r)
        out << m.entry(r).relPath;
    return out;
}

} // namespace

class TestReviewModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void filters_data()
    {
        QTest::addColumn<int>("given");
        QTest::addColumn<int>("suggested");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("every pair") << -1 << -1 << QStringList{"a/2.jpg", "b/5.jpg", "b/3.jpg", "a/1.jpg", "c/4.jpg"};
        QTest::newRow("a -> c") << 0 << 2 << QStringList{"a/2.jpg", "a/1.jpg"};
        QTest::newRow("b -> a") << 1 << 0 << QStringList{"b/5.jpg"};
        QTest::newRow("c -> a, none") << 2 << 0 << QStringList{};
    }
    void filters()
    {
        QFETCH(int, given);
        QFETCH(int, suggested);
        QFETCH(QStringList, expected);
        ReviewModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m.setEntries(kClasses, entries());
        m.setPairFilter(given, suggested);
        QCOMPARE(shown(m), expected);
        QCOMPARE(m.entryCount(), 5);
    }

    void pairsMostFrequentFirst()
    {
        ReviewModel m;
        m.setEntries(kClasses, entries());
        const auto pairs = m.pairs();
        QCOMPARE(pairs.size(), 3);
        QCOMPARE(pairs[0], std::make_tuple(0, 2, 2));
    }

    void manifestDecisionsAndUndo()
    {
        QTemporaryDir dir;
        for (const auto &c : kClasses)
            QVERIFY(QDir(dir.path()).mkpath(c));
        LabelManifest manifest(dir.path().toStdString());
        ReviewModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m.setEntries(kClasses, entries());
        m.setStateFilter(ReviewModel::StateFilter::Unreviewed);
        QSignalSpy removed(&m, &QAbstractItemModel::rowsRemoved), inserted(&m, &QAbstractItemModel::rowsInserted);

        LabelEdit e;
        e.path = "a/2.jpg";
        e.sha256 = "sha-a/2.jpg";
        e.folder = "a";
        e.label = "c";
        manifest.record({e});
        m.refresh(manifest);
        QCOMPARE(removed.count(), 1); // reviewed: it leaves the "not reviewed" list
        QCOMPARE(shown(m).first(), QStringLiteral("b/5.jpg"));
        QCOMPARE(m.reviewedCount(), 1);
        m.setStateFilter(ReviewModel::StateFilter::Reviewed);
        QCOMPARE(shown(m), QStringList{"a/2.jpg"});
        QCOMPARE(m.data(m.index(0), ReviewModel::GivenRole).toInt(), 2);
        QVERIFY(m.data(m.index(0)).toString().contains(QStringLiteral("\n✓ ")));

        m.setStateFilter(ReviewModel::StateFilter::Unreviewed);
        QVERIFY(manifest.undo());
        m.refresh(manifest);
        QCOMPARE(inserted.count(), 1); // back in the queue, in its place
        QCOMPARE(shown(m).first(), QStringLiteral("a/2.jpg"));
        QCOMPARE(m.reviewedCount(), 0);
        QCOMPARE(m.entry(0).given, 0);

        // A file whose content changed since the decision keeps its folder's label.
        e.sha256 = "another content";
        manifest.record({e});
        m.refresh(manifest);
        QCOMPARE(m.entry(0).given, 0);
        QCOMPARE(m.reviewedCount(), 0);
    }
};

QTEST_MAIN(TestReviewModel)
#include "test_review_model.moc"

// ClassCountModel under QAbstractItemModelTester, with its signals observed.
#include "ui/class_count_model.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace vitscope;

class TestClassCountModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void entries_data()
    {
        QTest::addColumn<int>("classes");
        QTest::addColumn<int>("nested");
        QTest::newRow("empty") << 0 << 0;
        QTest::newRow("kvasir") << 8 << 0;
        QTest::newRow("with nested") << 3 << 2;
    }
    void entries()
    {
        QFETCH(int, classes);
        QFETCH(int, nested);
        ClassCountModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QVector<ClassCountModel::Entry> entries;
        for (int i = 0; i < classes; ++i)
            entries.push_back({QStringLiteral("class-%1").arg(i), 10 * (i + 1), nested});
        model.setEntries(entries);
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.rowCount(), classes);
        for (int i = 0; i < classes; ++i) {
            const auto index = model.index(i);
            QCOMPARE(model.data(index, ClassCountModel::CountRole).toInt(), 10 * (i + 1));
            QVERIFY(model.data(index).toString().startsWith(QStringLiteral("class-%1").arg(i)));
            QCOMPARE(model.data(index).toString().contains(QStringLiteral("sub-folders")), nested > 0);
        }
    }
};

QTEST_MAIN(TestClassCountModel)
#include "test_class_count_model.moc"

// The Review view as an annotator uses it: a k-fold review of the demo data, the keys (1-9, X,
// Space, Ctrl+Z, Ctrl+Shift+Z) acting on the selection and moving on, bulk relabelling, new frames
// confirmed into the data set, and the image files left byte-identical.
#include "data/dataset_scan.h"
#include "data/demo_data.h"
#include "data/label_manifest.h"
#include "data/sha256.h"
#include "ui/review_model.h"
#include "ui/review_view.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QDir>
#include <QDirIterator>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListView>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace vitscope;

namespace {

QMap<QString, QString> imageHashes(const QString &root)
{
    QMap<QString, QString> out;
    QDirIterator it(root, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (!path.endsWith(QLatin1String(kLabelManifestName)))
            out[path] = QString::fromStdString(sha256File(path.toStdString()));
    }
    return out;
}

const LabelState *stateOf(const ReviewView &view, int row)
{
    static std::unique_ptr<LabelManifest> m;
    m = std::make_unique<LabelManifest>(view.dataset().toStdString());
    return m->state(view.model()->entry(row).relPath.toStdString());
}

} // namespace

class TestReviewView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_data = m_dir.filePath(QStringLiteral("data"));
        writeDemoDataset(m_data.toStdString(), 4, 3);
        qputenv("XDG_CACHE_HOME", m_dir.filePath(QStringLiteral("cache")).toUtf8());
        m_before = imageHashes(m_data);
        // The tiny backbone with the data set's classes (a fresh head), as a run's model would have.
        m_model = m_dir.filePath(QStringLiteral("model"));
        QVERIFY(QDir().mkpath(m_model));
        const QString src = QStringLiteral(VITSCOPE_TEST_DATA "/vit-tiny-backbone/");
        for (const QString &f : QDir(src).entryList(QDir::Files))
            QVERIFY(QFile::copy(src + f, m_model + QLatin1Char('/') + f));
        QFile config(m_model + QStringLiteral("/config.json"));
        QVERIFY(config.open(QIODevice::ReadOnly));
        QJsonObject c = QJsonDocument::fromJson(config.readAll()).object();
        config.close();
        QJsonObject id2label, label2id;
        const auto names = kvasirClassNames();
        for (int i = 0; i < static_cast<int>(names.size()); ++i) {
            id2label[QString::number(i)] = QString::fromStdString(names[i]);
            label2id[QString::fromStdString(names[i])] = i;
        }
        c[QStringLiteral("id2label")] = id2label;
        c[QStringLiteral("label2id")] = label2id;
        QVERIFY(config.open(QIODevice::WriteOnly | QIODevice::Truncate));
        config.write(QJsonDocument(c).toJson());
    }

    void init()
    {
        QFile::remove(QDir(m_data).filePath(QLatin1String(kLabelManifestName)));
        m_view = std::make_unique<ReviewView>();
        m_view->resize(1300, 800);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
        m_view->setDataset(m_data);
        m_view->setModel(m_model);
        QSignalSpy busy(m_view.get(), &ReviewView::busyChanged);
        m_view->findLabelErrors();
        QTRY_VERIFY_WITH_TIMEOUT(busy.count() == 2, 60000);
        QCOMPARE(m_view->model()->rowCount(), 32);
        QVERIFY(m_view->grid()->hasFocus());
        QCOMPARE(m_view->grid()->currentIndex().row(), 0);
    }

    void cleanup()
    {
        m_view.reset();
        QCOMPARE(imageHashes(m_data), m_before); // no image file moved, renamed, changed or deleted
    }

    void keys_data()
    {
        QTest::addColumn<int>("key");
        QTest::addColumn<int>("label"); // >= 0: that class; -1: excluded; -2: kept (its given label)
        QTest::newRow("1 assigns the first class") << int(Qt::Key_1) << 0;
        QTest::newRow("3 assigns the third class") << int(Qt::Key_3) << 2;
        QTest::newRow("8 assigns the eighth class") << int(Qt::Key_8) << 7;
        QTest::newRow("X excludes") << int(Qt::Key_X) << -1;
        QTest::newRow("Space keeps and marks reviewed") << int(Qt::Key_Space) << -2;
    }
    void keys()
    {
        QFETCH(int, key);
        QFETCH(int, label);
        auto *grid = m_view->grid();
        const ReviewEntry first = m_view->model()->entry(0);
        const QString second = m_view->model()->entry(1).relPath;
        QTest::keyClick(grid, static_cast<Qt::Key>(key));
        const LabelState *st = stateOf(*m_view, 0);
        QVERIFY(st);
        QCOMPARE(st->edit.excluded, label == -1);
        if (label >= 0)
            QCOMPARE(QString::fromStdString(st->edit.label), m_view->model()->classes()[label]);
        if (label == -2)
            QCOMPARE(QString::fromStdString(st->edit.label), m_view->model()->classes()[first.given]);
        QCOMPARE(QString::fromStdString(st->edit.sha256), first.sha256);
        // The next image is selected.
        QCOMPARE(m_view->model()->entry(grid->currentIndex().row()).relPath, second);
        QVERIFY(m_view->statusText().startsWith(QStringLiteral("1 of 32")));
        // Undo and redo from the keyboard.
        grid->setCurrentIndex(m_view->model()->index(0));
        QTest::keyClick(grid, Qt::Key_Z, Qt::ControlModifier);
        QVERIFY(!stateOf(*m_view, 0));
        QVERIFY(m_view->statusText().startsWith(QStringLiteral("0 of 32")));
        QTest::keyClick(grid, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(stateOf(*m_view, 0));
        // The scan, and so training, sees the decision.
        const ScanReport scan = scanDataset(m_data.toStdString());
        QCOMPARE(static_cast<int>(scan.items.size()), label == -1 ? 31 : 32);
    }

    void bulkRelabelIsOneChange()
    {
        auto *grid = m_view->grid();
        grid->selectionModel()->select(QItemSelection(m_view->model()->index(0), m_view->model()->index(2)), QItemSelectionModel::Select);
        QTest::keyClick(grid, Qt::Key_2);
        for (int r = 0; r < 3; ++r)
            QCOMPARE(QString::fromStdString(stateOf(*m_view, r)->edit.label), m_view->model()->classes()[1]);
        QCOMPARE(grid->currentIndex().row(), 3);
        QCOMPARE(LabelManifest(m_data.toStdString()).changeCount(), 1);
        m_view->undo();
        for (int r = 0; r < 3; ++r)
            QVERIFY(!stateOf(*m_view, r));
    }

    void unreviewedFilterMovesOn()
    {
        auto *state = m_view->findChildren<QComboBox *>().at(1);
        state->setCurrentIndex(1);
        Q_EMIT state->activated(1);
        const QString second = m_view->model()->entry(1).relPath;
        QTest::keyClick(m_view->grid(), Qt::Key_Space);
        QCOMPARE(m_view->model()->rowCount(), 31); // reviewed: out of the queue
        QCOMPARE(m_view->model()->entry(m_view->grid()->currentIndex().row()).relPath, second);
    }

    void newFramesJoinTheDataSet()
    {
        const QString inbox = m_dir.filePath(QStringLiteral("inbox"));
        QVERIFY(QDir().mkpath(inbox));
        writeDemoDataset(m_dir.filePath(QStringLiteral("fresh")).toStdString(), 1, 99);
        for (const QString &c : {QStringLiteral("polyps"), QStringLiteral("esophagitis")})
            QVERIFY(QFile::copy(m_dir.filePath(QStringLiteral("fresh/%1/%1_0000.jpg").arg(c)), inbox + QStringLiteral("/%1.jpg").arg(c)));
        QSignalSpy busy(m_view.get(), &ReviewView::busyChanged);
        m_view->openFrames(inbox);
        QTRY_VERIFY_WITH_TIMEOUT(busy.count() == 2, 60000);
        QCOMPARE(m_view->model()->rowCount(), 2);
        QCOMPARE(m_view->model()->entry(0).given, -1);
        QTest::keyClick(m_view->grid(), Qt::Key_Space); // confirm the suggestion
        QTest::keyClick(m_view->grid(), Qt::Key_4);     // correct it
        // Both count as reviewed, with the label given (frames come without a content hash).
        QCOMPARE(m_view->model()->reviewedCount(), 2);
        QVERIFY2(m_view->statusText().startsWith(QStringLiteral("2 of 2 reviewed")), qPrintable(m_view->statusText()));
        QVERIFY(m_view->model()->entry(0).given >= 0 && m_view->model()->entry(1).given >= 0);
        const ScanReport scan = scanDataset(m_data.toStdString());
        QCOMPARE(scan.added, 2);
        QCOMPARE(static_cast<int>(scan.items.size()), 34);
        QVERIFY(m_view->labelsFile().startsWith(m_data));
    }

    void mnemonicsAvoidTabsAndMenus()
    {
        QList<QKeySequence> taken;
        for (const char key : {'D', 'T', 'E', 'P', 'F', 'V', 'H'})
            taken << QKeySequence(Qt::ALT | static_cast<Qt::Key>(key));
        for (const auto *button : m_view->findChildren<QAbstractButton *>()) {
            const QKeySequence mnemonic = QKeySequence::mnemonic(button->text());
            QVERIFY2(!mnemonic.isEmpty() && !taken.contains(mnemonic), qPrintable(button->text()));
            taken << mnemonic;
        }
        for (const auto *label : m_view->findChildren<QLabel *>()) {
            if (!label->buddy())
                continue;
            const QKeySequence mnemonic = QKeySequence::mnemonic(label->text());
            QVERIFY2(!mnemonic.isEmpty() && !taken.contains(mnemonic), qPrintable(label->text()));
            taken << mnemonic;
        }
    }

private:
    QTemporaryDir m_dir;
    QString m_data, m_model;
    QMap<QString, QString> m_before;
    std::unique_ptr<ReviewView> m_view;
};

QTEST_MAIN(TestReviewView)
#include "test_review_view.moc"

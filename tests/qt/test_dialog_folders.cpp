// Where the file dialogs open: beside the last pick of the same kind, else home (Documents for
// exports), and never a folder that has gone since.
#include "ui/dialog_folders.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace vitscope;

class TestDialogFolders : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // settings apart from the user's
        QCoreApplication::setOrganizationName(QStringLiteral("vitscope-tests"));
    }
    void init() { QSettings().clear(); }

    void opensBesideTheLastPick_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("picked"); // relative to a temporary folder; "" picks nothing
        QTest::addColumn<QString>("opens");  // relative to it; "~" is the home folder
        QTest::newRow("nothing picked yet") << int(DialogKind::Dataset) << QString() << QStringLiteral("~");
        QTest::newRow("a data set: its parent") << int(DialogKind::Dataset) << QStringLiteral("data/kvasir") << QStringLiteral("data");
        QTest::newRow("images: their folder") << int(DialogKind::Images) << QStringLiteral("frames/a.jpg") << QStringLiteral("frames");
        QTest::newRow("a run: its parent") << int(DialogKind::Run) << QStringLiteral("runs/20261204-120000") << QStringLiteral("runs");
        QTest::newRow("an export: its folder") << int(DialogKind::Export) << QStringLiteral("out/confusion.png") << QStringLiteral("out");
    }
    void opensBesideTheLastPick()
    {
        QFETCH(int, kind);
        QFETCH(QString, picked);
        QFETCH(QString, opens);
        QTemporaryDir dir;
        const auto k = static_cast<DialogKind>(kind);
        if (!picked.isEmpty()) {
            const QString path = dir.filePath(picked);
            if (picked.endsWith(QLatin1String(".jpg")) || picked.endsWith(QLatin1String(".png"))) {
                QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
                QFile f(path);
                QVERIFY(f.open(QIODevice::WriteOnly));
            } else {
                QVERIFY(QDir().mkpath(path));
            }
            rememberDialogChoice(k, path);
        }
        const QString expected = opens == QLatin1String("~") ? QDir::homePath() : dir.filePath(opens);
        QCOMPARE(QDir::cleanPath(dialogFolder(k)), QDir::cleanPath(expected));
        // Another kind keeps its own place.
        const auto other = k == DialogKind::Model ? DialogKind::Frames : DialogKind::Model;
        QCOMPARE(dialogFolder(other), QDir::homePath());
    }

    void aVanishedFolderIsNotOffered()
    {
        QString gone;
        {
            QTemporaryDir dir;
            QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("a/b"))));
            rememberDialogChoice(DialogKind::Model, dir.filePath(QStringLiteral("a/b")));
            gone = dialogFolder(DialogKind::Model);
            QCOMPARE(QDir::cleanPath(gone), QDir::cleanPath(dir.filePath(QStringLiteral("a"))));
        }
        QCOMPARE(dialogFolder(DialogKind::Model), QDir::homePath());
        QCOMPARE(QFileInfo(exportPath(QStringLiteral("metrics.csv"))).fileName(), QStringLiteral("metrics.csv"));
        QVERIFY(QFileInfo(QFileInfo(exportPath(QStringLiteral("metrics.csv"))).absolutePath()).isDir());
    }
};

QTEST_MAIN(TestDialogFolders)
#include "test_dialog_folders.moc"

// File -> Get pretrained model: the catalogue's rows, the choice it returns (a row, or a typed
// repository id that must look like one), and the estimate before anything is downloaded.
#include "data/demo_data.h"
#include "session/hub_model.h"
#include "ui/pretrained_dialog.h"

#include <QPushButton>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace vitscope;

class TestPretrainedDialog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_cache.isValid());
        qputenv("HF_HUB_CACHE", m_cache.path().toLocal8Bit()); // nothing is on this computer
    }

    void listsTheCatalogue()
    {
        PretrainedDialog dialog([] { return JobConfig{}; });
        auto *table = dialog.findChild<QTableWidget *>();
        QVERIFY(table);
        const auto catalogue = pretrainedCatalogue();
        QCOMPARE(table->rowCount(), catalogue.size());
        for (int r = 0; r < catalogue.size(); ++r) {
            QCOMPARE(table->item(r, 0)->text(), catalogue[r].repo);
            QCOMPARE(table->item(r, 3)->text(), QStringLiteral("no"));
        }
        QCOMPARE(dialog.chosenRepo(), QString::fromLatin1(kIn21kRepo)); // the notebook's, preselected
        QVERIFY(table->item(0, 1)->text().contains(QStringLiteral("85.8"))); // ViT-B/16 without a head: 85.8 M parameters
    }

    void choice_data()
    {
        QTest::addColumn<int>("row");
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("chosen");
        QTest::addColumn<bool>("canGet");
        QTest::newRow("a row") << 3 << QString() << QStringLiteral("facebook/deit-tiny-patch16-224") << true;
        QTest::newRow("a typed id wins") << 0 << QStringLiteral(" google/vit-large-patch16-224 ") << QStringLiteral("google/vit-large-patch16-224") << true;
        QTest::newRow("not an id") << 0 << QStringLiteral("vit large") << QStringLiteral("vit large") << false;
    }
    void choice()
    {
        QFETCH(int, row);
        QFETCH(QString, typed);
        QFETCH(QString, chosen);
        QFETCH(bool, canGet);
        PretrainedDialog dialog([] { return JobConfig{}; });
        dialog.selectRow(row);
        dialog.findChild<QLineEdit *>()->setText(typed);
        QCOMPARE(dialog.chosenRepo(), chosen);
        QPushButton *get = nullptr;
        for (auto *b : dialog.findChildren<QPushButton *>())
            if (b->text() == QStringLiteral("&Get"))
                get = b;
        QVERIFY(get);
        QCOMPARE(get->isEnabled(), canGet);
    }

    // Before a download, the estimate times the architecture itself (a config-only model).
    void estimatesBeforeDownload()
    {
        QTemporaryDir dir;
        writeDemoDataset(dir.filePath(QStringLiteral("data")).toStdString(), 2, 5);
        JobConfig c;
        c.data.data = dir.filePath(QStringLiteral("data")).toStdString();
        c.data.cacheDir = dir.filePath(QStringLiteral("cache")).toStdString();
        c.train.device = "cpu";
        c.train.batchSize = 1;
        c.train.evalBatchSize = 1;
        PretrainedDialog dialog([c] { return c; });
        dialog.selectRow(3); // DeiT-Ti: the quickest to time
        QSignalSpy done(&dialog, &PretrainedDialog::estimated);
        dialog.estimateSelected();
        QVERIFY(done.wait(120000));
        const QString text = dialog.estimateText(3);
        QVERIFY2(text.contains(QStringLiteral("Classifier only")) && text.contains(QStringLiteral("Whole network")), qPrintable(text));
    }

private:
    QTemporaryDir m_cache;
};

QTEST_MAIN(TestPretrainedDialog)
#include "test_pretrained_dialog.moc"

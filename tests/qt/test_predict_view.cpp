// A dropped fixture image yields bars equal to vitscope-cli predict; bad drops give a message; the
// chart and the message describe the selected item; Open replaces the list, Add and Ctrl+V add to it.
#include "session/predictor.h"
#include "ui/predict_view.h"

#include "ui/plot.h"

#include <algorithm>

#include <QAbstractButton>
#include <QCheckBox>
#include <QClipboard>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QMimeData>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace vitscope;

namespace {

void drop(QWidget *target, const QStringList &paths)
{
    QMimeData mime;
    QList<QUrl> urls;
    for (const auto &p : paths)
        urls << QUrl::fromLocalFile(p);
    mime.setUrls(urls);
    // As a real drag does: Qt delivers a drop only to a widget that accepted the drag's entry.
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent event(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &event);
}

const QString kModel = QStringLiteral(VITSCOPE_TEST_DATA "/vit-tiny-classifier");

bool loadFixtureModel(Predictor &predictor)
{
    QSignalSpy loaded(&predictor, &Predictor::modelLoaded);
    predictor.loadModel(kModel);
    return loaded.wait(20000);
}

const QString kFrame = QStringLiteral(VITSCOPE_TEST_DATA "/preprocess/frame_720x576.jpg");
const QString kGray = QStringLiteral(VITSCOPE_TEST_DATA "/preprocess/gray_160x120.png");

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(content) == content.size();
}

// What the chart draws: its bars and the labels beside them.
int drawnBars(const PredictView &view) { return view.findChild<QCustomPlot *>()->plottableCount(); }
int drawnLabels(const PredictView &view)
{
    const auto ticker = view.findChild<QCustomPlot *>()->yAxis->ticker().dynamicCast<QCPAxisTickerText>();
    return ticker ? static_cast<int>(ticker->ticks().size()) : 0;
}


} // namespace

class TestPredictView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void dropMatchesCli_data()
    {
        QTest::addColumn<QString>("image");
        QTest::newRow("jpeg 720x576") << QStringLiteral("frame_720x576.jpg");
        QTest::newRow("greyscale png") << QStringLiteral("gray_160x120.png");
        QTest::newRow("rgba png") << QStringLiteral("rgba_96x96.png");
    }
    void dropMatchesCli()
    {
        QFETCH(QString, image);
        const QString path = QStringLiteral(VITSCOPE_TEST_DATA "/preprocess/") + image;
        Predictor predictor;
        QVERIFY(loadFixtureModel(predictor));
        PredictView view(&predictor);
        QSignalSpy shown(&view, &PredictView::predictionShown);
        drop(&view, {path});
        QVERIFY(shown.wait(20000));

        QProcess cli;
        cli.start(QStringLiteral(VITSCOPE_CLI), {QStringLiteral("predict"), QStringLiteral("--model"), kModel, QStringLiteral("--json"),
                                                 QStringLiteral("--device"), QStringLiteral("cpu"), path});
        QVERIFY(cli.waitForFinished(60000));
        QCOMPARE(cli.exitCode(), 0);
        const QJsonObject probs = QJsonDocument::fromJson(cli.readAllStandardOutput()).object().value(QStringLiteral("probabilities")).toObject();
        const auto labels = view.barLabels();
        const auto values = view.barValues();
        QCOMPARE(labels.size(), probs.size());
        for (int i = 0; i < labels.size(); ++i)
            QCOMPARE(values[i], probs.value(labels[i]).toDouble());
        for (int i = 1; i < values.size(); ++i)
            QVERIFY(values[i - 1] <= values[i]); // sorted, most likely drawn last (on top)
        // The attention overlay comes from its own pass and leaves the probabilities untouched.
        QSignalSpy attention(&predictor, &Predictor::attentionReady);
        view.setAttentionVisible(true);
        QVERIFY(attention.wait(20000));
        QVERIFY(attention.first().first().value<AttentionMap>().error.isEmpty());
        QCOMPARE(attention.first().first().value<AttentionMap>().values.size(), 16); // 4x4 patches at 32 px
        QTRY_VERIFY_WITH_TIMEOUT(view.attentionShown(), 2000);
        QCOMPARE(view.barValues(), values);
    }

    // Every answer on screen is the loaded model's: images listed before any model wait for one
    // (the file is not at fault), and a newly loaded model predicts the whole list again, so no
    // other model's numbers are shown with its calibration.
    void answersFollowTheModel_data()
    {
        QTest::addColumn<QString>("before"); // the model the images were first predicted with; empty: none
        QTest::newRow("no model yet") << QString();
        QTest::newRow("another model") << QStringLiteral(VITSCOPE_TEST_DATA "/vit-tiny-backbone");
    }
    void answersFollowTheModel()
    {
        QFETCH(QString, before);
        // The reference: the fixture model's bars for the frame, predicted directly.
        QVector<double> expected;
        {
            Predictor reference;
            QVERIFY(loadFixtureModel(reference));
            PredictView view(&reference);
            QSignalSpy shown(&view, &PredictView::predictionShown);
            view.predictFiles({kFrame});
            QVERIFY(shown.wait(20000));
            expected = view.barValues();
        }
        Predictor predictor;
        PredictView view(&predictor);
        QSignalSpy loaded(&predictor, &Predictor::modelLoaded);
        if (!before.isEmpty()) {
            predictor.loadModel(before);
            QVERIFY(loaded.wait(20000));
        }
        QSignalSpy shown(&view, &PredictView::predictionShown);
        view.predictFiles({kFrame, kGray});
        auto *list = view.findChild<QListWidget *>();
        QTRY_COMPARE_WITH_TIMEOUT(list->count(), 2, 20000);
        const QString waiting = QStringLiteral("frame_720x576.jpg — waiting for a model");
        if (before.isEmpty()) {
            QCOMPARE(list->item(0)->text(), waiting);
            QCOMPARE(list->item(0)->foreground().color(), view.palette().text().color()); // not an error of the file
            const auto labels = view.findChildren<QLabel *>();
            QVERIFY(std::any_of(labels.begin(), labels.end(), [](QLabel *l) { return l->text() == QStringLiteral("No model to predict with"); }));
        } else {
            QVERIFY(!view.barValues().isEmpty());
            QVERIFY(view.barValues() != expected);
        }
        predictor.loadModel(kModel);
        QVERIFY(loaded.wait(20000));
        QTRY_VERIFY_WITH_TIMEOUT(list->count() == 2 && !list->item(1)->text().contains(QStringLiteral("waiting")) && list->currentRow() >= 0, 20000);
        QCOMPARE(view.resultCount(), 2);
        list->setCurrentRow(0);
        QCOMPARE(list->item(0)->text().startsWith(QStringLiteral("frame_720x576.jpg — ")), true);
        QVERIFY(list->item(0)->text() != waiting);
        QCOMPARE(view.barValues(), expected);
    }

    void untrainedHeadIsFlagged_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<bool>("warned");
        QTest::newRow("fine-tuned classifier") << kModel << false;
        QTest::newRow("backbone only (like in21k)") << QStringLiteral(VITSCOPE_TEST_DATA "/vit-tiny-backbone") << true;
    }
    void untrainedHeadIsFlagged()
    {
        QFETCH(QString, model);
        QFETCH(bool, warned);
        Predictor predictor;
        PredictView view(&predictor);
        QSignalSpy loaded(&predictor, &Predictor::modelLoaded);
        predictor.loadModel(model);
        QVERIFY(loaded.wait(20000));
        QTRY_COMPARE_WITH_TIMEOUT(view.modelWarning().contains(QStringLiteral("not been trained")), warned, 2000);
        if (warned) { // a trained model loaded afterwards clears the warning
            predictor.loadModel(kModel);
            QVERIFY(loaded.wait(20000));
            QTRY_VERIFY_WITH_TIMEOUT(view.modelWarning().isEmpty(), 2000);
        }
    }

    void badDropGivesMessage_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("expected");
        QTest::newRow("text renamed .jpg") << QByteArray("not really a picture\n") << QStringLiteral("cannot be used");
        QTest::newRow("empty file") << QByteArray() << QStringLiteral("empty file");
    }
    void badDropGivesMessage()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bad.jpg"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
        f.close();
        Predictor predictor;
        QVERIFY(loadFixtureModel(predictor));
        PredictView view(&predictor);
        QSignalSpy message(&view, &PredictView::messageChanged);
        drop(&view, {path});
        QTRY_VERIFY_WITH_TIMEOUT(view.message().contains(expected), 20000);
        QVERIFY(view.barValues().isEmpty());
    }

    void chartAndMessageFollowSelection_data()
    {
        // Dropped in this order: a frame, text renamed .jpg, a README.txt, a grey PNG.
        QTest::addColumn<int>("first");
        QTest::addColumn<int>("then");
        QTest::newRow("good, then text renamed .jpg") << 0 << 1;
        QTest::newRow("good, then README.txt") << 0 << 2;
        QTest::newRow("README.txt, then text renamed .jpg") << 2 << 1;
        QTest::newRow("text renamed .jpg, then good") << 1 << 3;
    }
    void chartAndMessageFollowSelection()
    {
        QFETCH(int, first);
        QFETCH(int, then);
        QTemporaryDir dir;
        const QStringList files = {kFrame, dir.filePath(QStringLiteral("bad.jpg")), dir.filePath(QStringLiteral("README.txt")), kGray};
        QVERIFY(writeFile(files[1], "not really a picture\n"));
        QVERIFY(writeFile(files[2], "This folder holds the demo data.\n"));
        const QList<bool> usable = {true, false, false, true};
        Predictor predictor;
        QVERIFY(loadFixtureModel(predictor));
        PredictView view(&predictor);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        drop(&view, files);
        QTRY_COMPARE_WITH_TIMEOUT(view.resultCount(), 4, 30000);
        auto *list = view.findChild<QListWidget *>();
        QVERIFY(list);
        list->setCurrentRow(first);
        list->setCurrentRow(then);
        const QString name = QFileInfo(files[then]).fileName();
        if (usable[then]) {
            QCOMPARE(drawnBars(view), 1);
            QCOMPARE(drawnLabels(view), view.barLabels().size());
            QVERIFY(!view.barLabels().isEmpty());
            QVERIFY2(view.message().isEmpty(), qPrintable(view.message()));
        } else {
            // Nothing of the image before: no bars, no labels, no numbers.
            QCOMPARE(drawnBars(view), 0);
            QCOMPARE(drawnLabels(view), 0);
            QVERIFY(view.barValues().isEmpty());
            QVERIFY2(view.message().startsWith(name + QStringLiteral(" cannot be used")), qPrintable(view.message()));
            // And the reason fits the file: README.txt has no image extension.
            const QString reason = name.endsWith(QStringLiteral(".jpg")) ? QStringLiteral("not an image (a text file with an image extension)")
                                                                          : QStringLiteral("not an image: a .txt file (vitscope reads JPEG, PNG, BMP, TIFF and WebP)");
            QCOMPARE(view.message(), name + QStringLiteral(" cannot be used: ") + reason);
        }
        if (first != then)
            QVERIFY(!view.message().contains(QFileInfo(files[first]).fileName()));
    }

    void emptyChartSaysSo()
    {
        Predictor predictor;
        PredictView view(&predictor);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(!view.findChild<QCustomPlot *>()->isVisible()); // no axes without bars
        auto *placeholder = view.findChild<QLabel *>(QStringLiteral("chartPlaceholder"));
        QVERIFY(placeholder && placeholder->isVisible());
        QVERIFY(placeholder->text().startsWith(QStringLiteral("Open or drop an image")));
    }

    void openReplacesAddAdds_data()
    {
        QTest::addColumn<PredictView::ListMode>("mode");
        QTest::addColumn<int>("rows");
        QTest::newRow("open replaces") << PredictView::ListMode::Replace << 1;
        QTest::newRow("add adds") << PredictView::ListMode::Add << 2;
    }
    void openReplacesAddAdds()
    {
        QFETCH(PredictView::ListMode, mode);
        QFETCH(int, rows);
        Predictor predictor;
        QVERIFY(loadFixtureModel(predictor));
        PredictView view(&predictor);
        QSignalSpy finished(&predictor, &Predictor::batchFinished);
        view.predictFiles({kFrame});
        QVERIFY(finished.wait(20000));
        view.predictFiles({kGray}, mode);
        QVERIFY(finished.wait(20000));
        QCOMPARE(view.resultCount(), rows);
        // Each row says what the model predicts for its file, the number kept with its % sign.
        auto *list = view.findChild<QListWidget *>();
        QCOMPARE(list->count(), rows);
        QCOMPARE(list->currentRow(), rows - 1);
        const QString text = list->item(rows - 1)->text();
        QVERIFY2(text.startsWith(QStringLiteral("gray_160x120.png — ") + view.barLabels().last() + QLatin1Char(' ')), qPrintable(text));
        QVERIFY2(text.endsWith(QString(QChar::Nbsp) + QLatin1Char('%')), qPrintable(text));
    }

    void replaceDropsTheOldBatch()
    {
        Predictor predictor;
        QVERIFY(loadFixtureModel(predictor));
        PredictView view(&predictor);
        QSignalSpy finished(&predictor, &Predictor::batchFinished);
        view.predictFiles({kFrame, kFrame, kFrame});
        view.predictFiles({kGray}); // before the first list is done
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 30000);
        QCOMPARE(view.resultCount(), 1);
        QVERIFY(view.findChild<QListWidget *>()->item(0)->text().startsWith(QStringLiteral("gray_160x120.png")));
    }

    void pasteAdds_data()
    {
        QTest::addColumn<bool>("asFile");
        QTest::newRow("image data (a screenshot)") << false;
        QTest::newRow("a copied file") << true;
    }
    void pasteAdds()
    {
        QFETCH(bool, asFile);
        Predictor predictor;
        QVERIFY(loadFixtureModel(predictor));
        PredictView view(&predictor);
        view.show();
        QVERIFY(QTest::qWaitForWindowActive(&view));
        QSignalSpy finished(&predictor, &Predictor::batchFinished);
        view.predictFiles({kFrame});
        QVERIFY(finished.wait(20000));
        const auto classes = view.barLabels().size();
        QVERIFY(classes > 0);
        auto *mime = new QMimeData; // the clipboard owns it
        if (asFile)
            mime->setUrls({QUrl::fromLocalFile(kGray)});
        else
            mime->setImageData(QImage(kGray));
        QGuiApplication::clipboard()->setMimeData(mime);
        QTest::keyClick(&view, Qt::Key_V, Qt::ControlModifier);
        QVERIFY(finished.wait(20000));
        QCOMPARE(view.resultCount(), 2);
        const QString added = view.findChild<QListWidget *>()->item(1)->toolTip();
        QVERIFY2(asFile ? added == kGray : QFileInfo(added).fileName() == QStringLiteral("pasted-1.png"), qPrintable(added));
        QVERIFY(view.message().isEmpty());
        QCOMPARE(view.barValues().size(), classes); // the pasted image is shown
    }

    void mnemonicsAvoidTabsAndMenus()
    {
        Predictor predictor;
        PredictView view(&predictor);
        // The main window's tabs (Dataset, Train, Evaluate, Predict) and menus (File, View, Help).
        QList<QKeySequence> taken;
        for (const char key : {'D', 'T', 'E', 'P', 'F', 'V', 'H'})
            taken << QKeySequence(Qt::ALT | static_cast<Qt::Key>(key));
        for (const auto *button : view.findChildren<QAbstractButton *>()) {
            const QKeySequence mnemonic = QKeySequence::mnemonic(button->text());
            QVERIFY2(!mnemonic.isEmpty(), qPrintable(button->text()));
            QVERIFY2(!taken.contains(mnemonic), qPrintable(button->text()));
            taken << mnemonic;
        }
        for (const auto *label : view.findChildren<QLabel *>()) {
            if (!label->buddy())
                continue;
            const QKeySequence mnemonic = QKeySequence::mnemonic(label->text());
            QVERIFY2(!mnemonic.isEmpty() && !taken.contains(mnemonic), qPrintable(label->text()));
            taken << mnemonic;
        }
    }
};

QTEST_MAIN(TestPredictView)
#include "test_predict_view.moc"

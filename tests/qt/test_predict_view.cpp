// A dropped fixture image yields bars equal to vitscope-cli predict; bad drops give a message.
#include "session/predictor.h"
#include "ui/predict_view.h"

#include <QJsonDocument>
#include <QJsonObject>
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
};

QTEST_MAIN(TestPredictView)
#include "test_predict_view.moc"

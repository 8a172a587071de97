// The prediction worker in bf16: where the CPU computes bf16 natively the probabilities come
// under autocast and stay within 1e-2 of fp32; where it does not (also simulated with
// VITSCOPE_CPU_BF16=off, a second ctest entry) asking for bf16 predicts in exact fp32.
#include "engine/cpu_features.h"
#include "session/predictor.h"

#include <QSignalSpy>
#include <QTest>

using namespace vitscope;

namespace {

Prediction predictOne(Predictor &predictor, const QString &image)
{
    QSignalSpy done(&predictor, &Predictor::predicted);
    predictor.predict({image});
    if (!done.wait(30000))
        return {};
    return done.first().first().value<Prediction>();
}

} // namespace

class TestPredictor : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void bf16FollowsTheCpu_data()
    {
        QTest::addColumn<QString>("image");
        QTest::newRow("jpeg 720x576") << QStringLiteral("frame_720x576.jpg");
        QTest::newRow("jpeg 1920x1072") << QStringLiteral("frame_1920x1072.jpg");
        QTest::newRow("greyscale png") << QStringLiteral("gray_160x120.png");
    }
    void bf16FollowsTheCpu()
    {
        QFETCH(QString, image);
        const QString path = QStringLiteral(VITSCOPE_TEST_DATA "/preprocess/") + image;
        Predictor predictor;
        QSignalSpy loaded(&predictor, &Predictor::modelLoaded);
        predictor.loadModel(QStringLiteral(VITSCOPE_TEST_DATA "/vit-tiny-classifier"));
        QVERIFY(loaded.wait(30000));
        const Prediction exact = predictOne(predictor, path);
        QVERIFY2(exact.error.isEmpty(), qPrintable(exact.error));
        QVERIFY(!exact.bf16);
        predictor.setPrecision(Precision::Bf16);
        const Prediction fast = predictOne(predictor, path);
        QVERIFY2(fast.error.isEmpty(), qPrintable(fast.error));
        QCOMPARE(fast.bf16, cpuHasNativeBf16());
        QCOMPARE(fast.probabilities.size(), exact.probabilities.size());
        double worst = 0;
        for (int i = 0; i < exact.probabilities.size(); ++i)
            worst = std::max(worst, std::abs(fast.probabilities[i] - exact.probabilities[i]));
        if (fast.bf16)
            QVERIFY2(worst < 1e-2 && worst > 0, qPrintable(QString::number(worst)));
        else
            QCOMPARE(worst, 0.0); // fp32 both times: identical
        predictor.setPrecision(Precision::Fp32);
        QCOMPARE(predictOne(predictor, path).probabilities, exact.probabilities);
    }
};

QTEST_MAIN(TestPredictor)
#include "test_predictor.moc"

// The Train view plots exactly the points the session signals carry.
#include "session/training_session.h"
#include "ui/train_view.h"

#include <QTest>

using namespace vitscope;

class TestTrainView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void plotsSignalledPoints_data()
    {
        QTest::addColumn<int>("steps");
        QTest::addColumn<int>("epochs");
        QTest::newRow("one epoch") << 5 << 1;
        QTest::newRow("burst of steps") << 2000 << 3;
    }
    void plotsSignalledPoints()
    {
        QFETCH(int, steps);
        QFETCH(int, epochs);
        TrainingSession session;
        TrainView view(&session);
        QVector<double> losses, accuracies;
        for (int s = 1; s <= steps; ++s) {
            losses << 2.0 / s;
            Q_EMIT session.step(StepPoint{s, steps, 1, 2.0 / s, 1e-5, 1.0, 100.0, 10.0});
        }
        for (int e = 1; e <= epochs; ++e) {
            accuracies << 0.5 + 0.1 * e;
            EpochPoint p;
            p.epoch = e;
            p.valAccuracy = 0.5 + 0.1 * e;
            Q_EMIT session.epoch(p);
        }
        // Redraws are rate-limited; the data arrives at the next tick.
        QTRY_COMPARE_WITH_TIMEOUT(view.plottedStepLosses(), losses, 2000);
        QTRY_COMPARE_WITH_TIMEOUT(view.plottedValAccuracy(), accuracies, 2000);
    }
};

QTEST_MAIN(TestTrainView)
#include "test_train_view.moc"

#include "ui/screenshot_tour.h"

#include "job/demo.h"
#include "ui/evaluate_view.h"
#include "ui/main_window.h"
#include "ui/predict_view.h"
#include "ui/review_view.h"
#include "ui/train_view.h"

#include <QApplication>
#include <QDir>
#include <QEventLoop>
#include <QTabWidget>
#include <QTimer>

#include <iostream>

namespace vitscope {

namespace {

void settle(int milliseconds) // lazy thumbnails and queued replots finish off the GUI thread first
{
    QEventLoop loop;
    QTimer::singleShot(milliseconds, &loop, &QEventLoop::quit);
    loop.exec();
}

} // namespace

void startScreenshotTour(MainWindow &window, const QString &out, const QString &demoData)
{
    QDir().mkpath(out);
    auto grab = [&window, out](int view, const QString &name) {
        window.showView(view);
        settle(1500);
        window.grab().save(QDir(out).filePath(name));
    };
    QObject::connect(&window, &MainWindow::datasetScanned, &window, [&window, grab, out] {
        window.showStartPage(); // what a first run opens on
        settle(1000);
        window.grab().save(QDir(out).filePath(QStringLiteral("start.png")));
        grab(0, QStringLiteral("dataset.png"));
        window.showView(1);
        auto *tv = window.trainView();
        tv->applyRecipe(demoRecipe());
        QMetaObject::invokeMethod(tv, [tv] { tv->start(); }, Qt::QueuedConnection);
    });
    QObject::connect(window.trainView(), &TrainView::runFinished, &window, [&window, grab](const QString &run) {
        grab(1, QStringLiteral("train.png"));
        window.openRun(run);
        window.evaluateView()->selectCell(6, 6); // polyps predicted as polyps: the gallery
        grab(2, QStringLiteral("evaluate.png"));
        if (auto *tabs = window.evaluateView()->findChild<QTabWidget *>()) { // the calibration tab, then back
            tabs->setCurrentIndex(1);
            grab(2, QStringLiteral("calibration.png"));
            tabs->setCurrentIndex(0);
        }
        window.openModel(QDir(run).filePath(QStringLiteral("checkpoints/best")));
    });
    QObject::connect(&window, &MainWindow::modelReady, &window, [&window, demoData](const QString &folder) {
        if (!folder.contains(QStringLiteral("checkpoints")))
            return;
        window.showView(3);
        window.predictView()->predictFiles({QDir(demoData).filePath(QStringLiteral("polyps/polyps_0003.jpg"))});
    });
    QObject::connect(window.predictView(), &PredictView::predictionShown, &window, [&window, grab, out] {
        window.predictView()->setAttentionVisible(true); // computed while grab() lets events run
        grab(3, QStringLiteral("predict.png"));
        window.predictView()->setGradCamVisible(true);
        grab(3, QStringLiteral("gradcam.png"));
        window.showView(4);
        window.reviewView()->findLabelErrors(); // reads the labels, writes nothing
    });
    QObject::connect(window.reviewView(), &ReviewView::busyChanged, &window, [grab, out](bool busy) {
        if (busy)
            return;
        grab(4, QStringLiteral("review.png"));
        std::cout << "screenshots written to " << out.toStdString() << std::endl;
        QTimer::singleShot(0, qApp, &QApplication::quit);
    });
}

} // namespace vitscope

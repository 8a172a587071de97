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
#include <QStringList>
#include <QTabWidget>
#include <QTimer>

#include <iostream>
#include <memory>

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
    // A shot that shows another view than its name says (a step that ran inside another's grab)
    // fails the tour: the README's headless command and the package test rely on these files.
    auto wrong = std::make_shared<QStringList>();
    auto grab = [&window, out, wrong](int view, const QString &name) {
        window.showView(view);
        settle(1500);
        if (window.currentView() != view)
            *wrong << name;
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
    // Each grab lets events run, so a step must not start inside another's grab: opening the run
    // already gives Predict its model, and the Predict step waits until the Evaluate shots are taken.
    auto evaluated = std::make_shared<bool>(false);
    QObject::connect(window.trainView(), &TrainView::runFinished, &window, [&window, grab, evaluated](const QString &run) {
        grab(1, QStringLiteral("train.png"));
        window.openRun(run);
        window.evaluateView()->selectCell(6, 6); // polyps predicted as polyps: the gallery
        grab(2, QStringLiteral("evaluate.png"));
        if (auto *tabs = window.evaluateView()->findChild<QTabWidget *>()) { // the calibration tab, then back
            tabs->setCurrentIndex(1);
            grab(2, QStringLiteral("calibration.png"));
            tabs->setCurrentIndex(0);
        }
        *evaluated = true;
        window.openModel(QDir(run).filePath(QStringLiteral("checkpoints/best")));
    });
    QObject::connect(&window, &MainWindow::modelReady, &window, [&window, demoData, evaluated](const QString &folder) {
        if (!*evaluated || !folder.contains(QStringLiteral("checkpoints")))
            return;
        *evaluated = false; // once
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
    QObject::connect(window.reviewView(), &ReviewView::busyChanged, &window, [grab, out, wrong](bool busy) {
        if (busy)
            return;
        grab(4, QStringLiteral("review.png"));
        if (!wrong->isEmpty()) {
            std::cerr << "screenshots showing another view than named: " << wrong->join(QStringLiteral(", ")).toStdString() << std::endl;
            QTimer::singleShot(0, qApp, [] { QApplication::exit(1); });
            return;
        }
        std::cout << "screenshots written to " << out.toStdString() << std::endl;
        QTimer::singleShot(0, qApp, &QApplication::quit);
    });
}

} // namespace vitscope

// vitscope: the desktop application. Wiring only: demo data on first start, the main window,
// and --screenshot DIR, which trains briefly on the demo data and saves a PNG of every view.
#include "data/demo_data.h"
#include "engine/file_util.h"
#include "engine/vit_config.h"
#include "session/predictor.h"
#include "ui/evaluate_view.h"
#include "ui/main_window.h"
#include "ui/predict_view.h"
#include "ui/theme.h"
#include "ui/train_view.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QEventLoop>
#include <QLibraryInfo>
#include <QLocale>
#include <QStandardPaths>
#include <QSettings>
#include <QTimer>
#include <QTranslator>

#include <iostream>

using namespace vitscope;

namespace {

// The embedded demo: synthetic Kvasir-like data and a small from-scratch ViT config.
QString ensureDemo(const QString &base, QString *model)
{
    const QString data = QDir(base).filePath(QStringLiteral("demo-data"));
    if (!QFileInfo::exists(QDir(data).filePath(QStringLiteral("README.txt"))))
        writeDemoDataset(data.toStdString(), 40, 1);
    *model = QDir(base).filePath(QStringLiteral("demo-model"));
    QDir().mkpath(*model);
    ViTConfig c = vitTinyConfig(64);
    for (const auto &n : kvasirClassNames())
        c.labels.push_back(n);
    writeTextAtomically(QDir(*model).filePath(QStringLiteral("config.json")).toStdString(), viTConfigToJson(c));
    writeTextAtomically(QDir(*model).filePath(QStringLiteral("preprocessor_config.json")).toStdString(),
                        preprocessConfigToJson(defaultPreprocessConfig(64)));
    return data;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("vitscope"));
    QApplication::setApplicationName(QStringLiteral("vitscope"));
    QApplication::setApplicationVersion(QStringLiteral(VITSCOPE_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("vitscope"));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption screenshot(QStringLiteral("screenshot"), QStringLiteral("Train briefly on the demo data, save a PNG of each view to DIR, exit."),
                                  QStringLiteral("DIR"));
    QCommandLineOption demoDir(QStringLiteral("demo-dir"), QStringLiteral("Where the demo data and model live."), QStringLiteral("DIR"));
    QCommandLineOption dark(QStringLiteral("dark"), QStringLiteral("Use a dark colour palette."));
    parser.addOption(dark);
    QCommandLineOption language(QStringLiteral("lang"), QStringLiteral("User interface language: en or tr (default: settings, then the system locale)."),
                                QStringLiteral("LANG"));
    parser.addOption(screenshot);
    parser.addOption(demoDir);
    parser.addOption(language);
    parser.process(app);

    if (parser.isSet(dark) || QSettings().value(QStringLiteral("ui/dark")).toBool())
        useDarkPalette();

    // English is the source language; a translation is installed for any other chosen locale.
    const QString chosen = parser.isSet(language) ? parser.value(language) : QSettings().value(QStringLiteral("ui/language")).toString();
    const QLocale locale = chosen.isEmpty() ? QLocale() : QLocale(chosen);
    QTranslator translator, qtTranslator;
    if (translator.load(locale, QStringLiteral("vitscope"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(&translator);
    if (qtTranslator.load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator); // standard dialogs and buttons

    const QString base = parser.isSet(demoDir) ? parser.value(demoDir) : QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QString model;
    const QString data = ensureDemo(base, &model);

    MainWindow window;
    window.setRunsDirectory(parser.isSet(screenshot) ? QDir(parser.value(screenshot)).filePath(QStringLiteral("runs"))
                                                     : QDir(base).filePath(QStringLiteral("runs")));
    window.show();
    // The last session's data set, model and run; the embedded demo when there was none.
    const QSettings settings;
    auto last = [&](const char *key, const QString &fallback) {
        const QString v = settings.value(QStringLiteral("last/") + QLatin1String(key)).toString();
        return !parser.isSet(screenshot) && !v.isEmpty() && QFileInfo::exists(v) ? v : fallback;
    };
    window.openDataset(last("dataset", data));
    window.openModel(last("model", model));
    if (const QString run = last("run", QString()); !run.isEmpty())
        window.openRun(run);

    if (parser.isSet(screenshot)) {
        const QString out = parser.value(screenshot);
        QDir().mkpath(out);
        auto grab = [&window, out](int view, const QString &name) {
            window.showView(view);
            QEventLoop settle; // lazy thumbnails and queued replots finish off the GUI thread first
            QTimer::singleShot(1500, &settle, &QEventLoop::quit);
            settle.exec();
            window.grab().save(QDir(out).filePath(name));
        };
        QObject::connect(&window, &MainWindow::datasetScanned, &window, [&, out] {
            grab(0, QStringLiteral("dataset.png"));
            window.showView(1);
            auto *tv = window.trainView();
            tv->applyDemoRecipe(); // the notebook's rate suits a pretrained ViT-B, not a tiny one from scratch
            QMetaObject::invokeMethod(tv, [tv] { tv->start(); }, Qt::QueuedConnection);
        });
        QObject::connect(window.trainView(), &TrainView::runFinished, &window, [&, out](const QString &run) {
            grab(1, QStringLiteral("train.png"));
            window.openRun(run);
            window.evaluateView()->selectCell(6, 6); // polyps predicted as polyps: the gallery
            grab(2, QStringLiteral("evaluate.png"));
            window.openModel(QDir(run).filePath(QStringLiteral("checkpoints/best")));
        });
        QObject::connect(&window, &MainWindow::modelReady, &window, [&, out, data](const QString &folder) {
            if (!folder.contains(QStringLiteral("checkpoints")))
                return;
            window.showView(3);
            window.predictView()->predictFiles({QDir(data).filePath(QStringLiteral("polyps/polyps_0003.jpg"))});
        });
        QObject::connect(window.predictView(), &PredictView::predictionShown, &window, [&, out] {
            window.predictView()->setAttentionVisible(true); // computed while grab() lets events run
            grab(3, QStringLiteral("predict.png"));
            std::cout << "screenshots written to " << out.toStdString() << std::endl;
            QTimer::singleShot(0, &app, &QApplication::quit);
        });
    }
    return QApplication::exec();
}

// vitscope: the desktop application. Wiring only: options, language, palette, the demo assets,
// the main window with the files given (how "Open with" calls it), else the last session's data
// set, model and run, else the start page; and the screenshot tour.
#include "engine/host_memory.h"
#include "job/demo.h"
#include "ui/icons.h"
#include "ui/main_window.h"
#include "ui/screenshot_tour.h"
#include "ui/theme.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QStandardPaths>
#include <QTranslator>

#include <algorithm>

using namespace vitscope;

int main(int argc, char *argv[])
{
    reuseFreedHostMemory();
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("vitscope"));
    QApplication::setApplicationName(QStringLiteral("vitscope"));
    QApplication::setApplicationVersion(QStringLiteral(VITSCOPE_VERSION));
    QApplication::setWindowIcon(icon(IconId::App));
    QGuiApplication::setDesktopFileName(QStringLiteral("vitscope")); // Wayland finds the icon and name through it

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("vitscope"));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption screenshot(QStringLiteral("screenshot"), QStringLiteral("Train briefly on the demo data, save a PNG of each view to DIR, exit."),
                                  QStringLiteral("DIR"));
    QCommandLineOption demoDir(QStringLiteral("demo-dir"), QStringLiteral("Where the demo data and model live."), QStringLiteral("DIR"));
    QCommandLineOption demoOption(QStringLiteral("demo"), QStringLiteral("Open the demo data set and model (the start page's first action)."));
    parser.addOption(demoOption);
    QCommandLineOption dark(QStringLiteral("dark"), QStringLiteral("Use a dark colour palette."));
    parser.addOption(dark);
    QCommandLineOption language(QStringLiteral("lang"), QStringLiteral("User interface language: en or tr (default: settings, then the system locale)."),
                                QStringLiteral("LANG"));
    parser.addOption(screenshot);
    parser.addOption(demoDir);
    parser.addOption(language);
    parser.addPositionalArgument(QStringLiteral("paths"), QStringLiteral("Images to predict, or a data set folder (one sub-folder per class)."),
                                 QStringLiteral("[FILE... | DIR]"));
    parser.process(app);
    const QStringList paths = parser.positionalArguments();

    if (parser.isSet(dark) || QSettings().value(QStringLiteral("ui/dark")).toBool())
        useDarkPalette();

    // English is the source language; a translation is installed for any other chosen locale, and
    // for English (or a language without one) the English plural forms ("1 image", "2 images").
    const QString chosen = parser.isSet(language) ? parser.value(language) : QSettings().value(QStringLiteral("ui/language")).toString();
    const QLocale locale = chosen.isEmpty() ? QLocale() : QLocale(chosen);
    QLocale::setDefault(locale); // numbers in the language's format (a decimal comma in Turkish)
    QTranslator translator, qtTranslator;
    // An installed translation (share/vitscope/translations next to bin/) wins over the embedded one,
    // so that a corrected .qm can be dropped in without rebuilding.
    const QString installed = QDir(QApplication::applicationDirPath()).filePath(QStringLiteral("../share/vitscope/translations"));
    if (translator.load(locale, QStringLiteral("vitscope"), QStringLiteral("_"), installed) ||
        translator.load(locale, QStringLiteral("vitscope"), QStringLiteral("_"), QStringLiteral(":/i18n")) ||
        translator.load(QStringLiteral(":/i18n/vitscope_en.qm")))
        QApplication::installTranslator(&translator);
    if (qtTranslator.load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator); // standard dialogs and buttons

    const QString base = parser.isSet(demoDir) ? parser.value(demoDir) : QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    const DemoAssets demo = ensureDemo(base.toStdString());
    const QString data = QString::fromStdString(demo.data), model = QString::fromStdString(demo.model);

    MainWindow window;
    window.setDemo(data, model);
    window.setRunsDirectory(parser.isSet(screenshot) ? QDir(parser.value(screenshot)).filePath(QStringLiteral("runs"))
                                                     : QDir(base).filePath(QStringLiteral("runs")));
    window.show();
    // The last session's data set, model and run; the embedded demo when there was none.
    const QSettings settings;
    auto last = [&](const char *key, const QString &fallback) {
        const QString v = settings.value(QStringLiteral("last/") + QLatin1String(key)).toString();
        return !parser.isSet(screenshot) && !v.isEmpty() && QFileInfo::exists(v) ? v : fallback;
    };
    const bool firstRun = !settings.contains(QStringLiteral("last/dataset")) && !settings.contains(QStringLiteral("last/model"));
    if (parser.isSet(demoOption)) {
        window.openModel(model);
        window.openDataset(data);
    } else if (firstRun && paths.isEmpty() && !parser.isSet(screenshot)) {
        window.showStartPage();
    } else {
        window.openModel(last("model", model));
        // A folder given replaces the last data set (openPaths scans it): no scan of the other first.
        if (std::none_of(paths.begin(), paths.end(), [](const QString &p) { return QFileInfo(p).isDir(); }))
            window.openDataset(last("dataset", data));
        if (const QString run = last("run", QString()); !run.isEmpty())
            window.openRun(run);
        window.openPaths(paths);
    }

    if (parser.isSet(screenshot))
        startScreenshotTour(window, parser.value(screenshot), data);
    return QApplication::exec();
}

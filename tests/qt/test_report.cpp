// The run report on a synthetic run folder (tests/support/run_fixture.h): every section in English
// and Turkish, nothing outside the HTML file, numbers in the language's format, plain words where
// an input is missing, and a PDF that renders.
#include "report/report.h"
#include "run_fixture.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

QString readAll(const std::string &path)
{
    QFile f(QString::fromStdString(path));
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

// One example with a made-up image and maps: the report must embed three images for it.
vitscope::ExplanationExample example(bool wrong)
{
    vitscope::ExplanationExample e;
    e.path = wrong ? "ulcerative-colitis/test0.jpg" : "normal-cecum/test1.jpg";
    e.trueLabel = wrong ? "ulcerative-colitis" : "normal-cecum";
    e.predictedLabel = "normal-cecum";
    e.probability = 0.9312;
    e.width = e.height = 32;
    for (int i = 0; i < 32 * 32; ++i)
        e.rgb.insert(e.rgb.end(), {static_cast<unsigned char>(i % 32 * 8), static_cast<unsigned char>(i / 32 * 8), 90});
    e.gridH = e.gridW = 4;
    for (int i = 0; i < 16; ++i) {
        e.gradCam.push_back(static_cast<float>(i));
        e.rollout.push_back(static_cast<float>(15 - i));
    }
    return e;
}

} // namespace

class TestReport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sections_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<bool>("complete");
        QTest::addColumn<QStringList>("expected");
        QTest::addColumn<QString>("suffix"); // after the run folder's path, as a shell's completion leaves it
        const QStringList en = {"Intended use", "Out-of-scope use", "<h2>Data</h2>", "Model and recipe", "Hardware, run time and versions",
                                "Test results", "Calibration and prediction sets", "What the model looked at", "Limitations",
                                "For research use only. Not for use in diagnostic procedures.",
                                "no label manifest: labels are the class folders", "google/vit-base-patch16-224-in21k",
                                "polyps/broken.jpg", "normal-cecum/a copy.jpg", "Images per class", "Confusion matrix"};
        const QStringList tr = {"Kullanım amacı", "Kapsam dışı kullanım", "<h2>Veri</h2>", "Model ve eğitim tarifi", "Donanım, süre ve sürümler",
                                "Test sonuçları", "Kalibrasyon ve tahmin kümeleri", "Modelin baktığı yerler", "Sınırlamalar",
                                "Yalnızca araştırma amaçlıdır. Tanı işlemlerinde kullanılmaz.",
                                "etiket listesi yok: etiketler sınıf klasörleridir", "Sınıf başına görüntü sayısı", "Karışıklık matrisi"};
        QTest::newRow("en, complete") << "en" << true
                                      << (en + QStringList{"88.9\u00a0%", "0.765", "0.490\u20131.000", "Expected calibration error (ECE)",
                                                           "1.734", "predicted: <b>normal-cecum</b>", "Misclassified", "December 2026",
                                                           "<h1>Run report: run</h1>", "CPU, 2 threads"})
                                      << QString();
        QTest::newRow("tr, complete") << "tr" << true
                                      << (tr + QStringList{"%88,9", "0,765", "0,490\u20131,000", "Beklenen kalibrasyon hatası (ECE)", "1,734",
                                                           "tahmin: <b>normal-cecum</b>", "Yanlış sınıflandırılanlar", "Aralık 2026",
                                                           "CPU, 2 iş parçacığı"})
                                      << QString();
        QTest::newRow("en, an old run without test part or calibration")
            << "en" << false
            << QStringList{"Intended use", "Limitations", "This run has no test part", "Calibration is not available",
                           "Prediction sets are not available", "No explanation examples were computed", "could not be used"}
            << QString();
        QTest::newRow("tr, an old run without test part or calibration")
            << "tr" << false << QStringList{"Kullanım amacı", "Bu eğitimin test bölümü yok", "Kalibrasyon yok", "Bu eğitim için tahmin kümeleri yok"}
            << QString();
        QTest::newRow("en, the run folder given with a trailing slash") << "en" << false << QStringList{"<h1>Run report: run</h1>", "<title>"}
                                                                        << QStringLiteral("/");
    }
    void sections()
    {
        QFETCH(QString, language);
        QFETCH(bool, complete);
        QFETCH(QStringList, expected);
        QFETCH(QString, suffix);
        QTemporaryDir dir;
        testsupport::RunFixture fixture;
        fixture.calibration = fixture.test = fixture.lists = complete;
        vitscope::ReportRequest request;
        request.run = testsupport::writeRunFixture(dir.filePath("run").toStdString(), fixture) + suffix.toStdString();
        request.language = language.toStdString();
        if (complete)
            request.examples = {example(false), example(true)};
        const auto result = vitscope::writeRunReport(request);
        QCOMPARE(QString::fromStdString(result.html),
                 QDir(dir.filePath("run")).filePath(language == "en" ? "report.html" : "report-tr.html"));
        QVERIFY(result.pdf.empty());
        const QString html = readAll(result.html);
        for (const auto &e : expected)
            QVERIFY2(html.contains(e), qPrintable(e));
        QCOMPARE(result.missing.empty(), complete);
        // Self-contained: every image a data URI, no style sheet or script from elsewhere.
        const int images = static_cast<int>(html.count(QStringLiteral("<img ")));
        QCOMPARE(html.count(QStringLiteral("src=\"data:image/png;base64,")), images);
        QCOMPARE(images, complete ? 2 + 2 : 0); // confusion, reliability, one per example (image, Grad-CAM, rollout)
        for (const char *external : {"src=\"http", "href=", "<link", "<script", "url(", "file:"})
            QVERIFY2(!html.contains(QLatin1String(external)), external);
    }

    void pdf_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << "en";
        QTest::newRow("tr") << "tr";
    }
    void pdf()
    {
        QFETCH(QString, language);
        QTemporaryDir dir;
        vitscope::ReportRequest request;
        request.run = testsupport::writeRunFixture(dir.filePath("run").toStdString());
        request.language = language.toStdString();
        request.pdf = true;
        request.examples = {example(true)};
        const auto result = vitscope::writeRunReport(request);
        QFile pdf(QString::fromStdString(result.pdf));
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        QVERIFY(pdf.read(4) == "%PDF");
        const QString pdftoppm = QStandardPaths::findExecutable(QStringLiteral("pdftoppm"));
        if (pdftoppm.isEmpty())
            QSKIP("pdftoppm (poppler-utils) is not installed: the PDF is not rendered");
        QProcess render;
        render.start(pdftoppm, {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("20"), pdf.fileName(), dir.filePath(QStringLiteral("page"))});
        QVERIFY(render.waitForFinished(60000));
        QCOMPARE(render.exitCode(), 0);
        QVERIFY(QDir(dir.path()).entryList({QStringLiteral("page*.png")}).size() >= 2);
    }

    void refusesAnUnknownLanguageAndAFolderWithoutRun()
    {
        QTemporaryDir dir;
        vitscope::ReportRequest request;
        request.run = testsupport::writeRunFixture(dir.filePath("run").toStdString());
        request.language = "de";
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, vitscope::writeRunReport(request));
        request.language = "en";
        request.run = dir.filePath("nothing").toStdString();
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, vitscope::writeRunReport(request));
    }
};

QTEST_MAIN(TestReport)
#include "test_report.moc"

// The Evaluate view on a run folder: the matrix model is well-behaved, and clicking a cell lists
// exactly that cell's images, most confident first (paths with commas and quotes included).
#include "ui/confusion_model.h"
#include "ui/evaluate_view.h"
#include "ui/trust_panel.h"
#include "ui/trust_text.h"

#include "engine/model_calibration.h"

#include <nlohmann/json.hpp>

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QScopeGuard>
#include <QTableView>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QStandardPaths>
#include <QTest>

using namespace vitscope;

namespace {

void write(const QString &path, const QByteArray &text)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(text);
}

// Three classes; predictions chosen so every kind of cell occurs, including an empty one.
QString makeRun(const QTemporaryDir &dir)
{
    const QString run = dir.filePath(QStringLiteral("run"));
    write(run + QStringLiteral("/run.json"), QByteArrayLiteral(R"({"status":"finished","labels":["a","b","c"],"config":{},"dataset":{"root":"/data/set","test_root":""}})"));
    write(run + QStringLiteral("/test/metrics.json"), QByteArrayLiteral(R"({"labels":["a","b","c"],"confusion":[[2,1,0],[1,1,0],[0,0,1]],
        "accuracy":0.6667,"weighted_f1":0.65,"macro_f1":0.7,"mcc":0.5,"loss":0.9,"count":6,
        "per_class":[{"label":"a","precision":0.6667,"recall":0.6667,"f1":0.6667,"support":3},
                     {"label":"b","precision":0.5,"recall":0.5,"f1":0.5,"support":2},
                     {"label":"c","precision":1,"recall":1,"f1":1,"support":1}]})"));
    write(run + QStringLiteral("/test/predictions.csv"),
          "path,true_label,predicted_label,confidence,\"p_a\",\"p_b\",\"p_c\"\n"
          "\"a/1.jpg\",\"a\",\"a\",0.6,0.6,0.3,0.1\n"
          "\"a/with, comma.jpg\",\"a\",\"a\",0.9,0.9,0.05,0.05\n"
          "\"a/\"\"quoted\"\".jpg\",\"a\",\"b\",0.7,0.2,0.7,0.1\n"
          "\"b/1.jpg\",\"b\",\"a\",0.55,0.55,0.4,0.05\n"
          "\"b/2.jpg\",\"b\",\"b\",0.8,0.1,0.8,0.1\n"
          "\"c/1.jpg\",\"c\",\"c\",0.99,0.005,0.005,0.99\n");
    return run;
}

// The same run with a calibration fitted on its six images' stored probabilities, and the test
// part's trust figures written as the trainer writes them.
QString makeCalibratedRun(const QTemporaryDir &dir)
{
    const QString run = makeRun(dir);
    const ScoreMatrix probs{6, 3, {0.6, 0.3, 0.1, 0.9, 0.05, 0.05, 0.2, 0.7, 0.1, 0.55, 0.4, 0.05, 0.1, 0.8, 0.1, 0.005, 0.005, 0.99}};
    const std::vector<int64_t> labels{0, 0, 0, 1, 1, 2}, predicted{0, 0, 1, 0, 1, 2};
    const auto logits = logitsFromProbabilities(probs);
    const auto calibration = fitCalibration(logits, labels, "val", ConformalScore::Lac, 0.5);
    QDir().mkpath(run + QStringLiteral("/checkpoints/best"));
    writeCalibration((run + QStringLiteral("/checkpoints/best")).toStdString(), calibration);
    QFile f(run + QStringLiteral("/test/metrics.json"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    auto json = nlohmann::json::parse(f.readAll().toStdString());
    f.close();
    addTrustJson(json, partTrust(calibration, logits, labels, predicted, 7), {"a", "b", "c"});
    write(f.fileName(), QByteArray::fromStdString(json.dump()));
    return run;
}

} // namespace

class TestEvaluateView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void cellClickListsItsImages_data()
    {
        QTest::addColumn<int>("row");
        QTest::addColumn<int>("column");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("a as a, by confidence") << 0 << 0 << QStringList{QStringLiteral("/data/set/a/with, comma.jpg"), QStringLiteral("/data/set/a/1.jpg")};
        QTest::newRow("a as b") << 0 << 1 << QStringList{QStringLiteral("/data/set/a/\"quoted\".jpg")};
        QTest::newRow("b as a") << 1 << 0 << QStringList{QStringLiteral("/data/set/b/1.jpg")};
        QTest::newRow("c as c") << 2 << 2 << QStringList{QStringLiteral("/data/set/c/1.jpg")};
        QTest::newRow("empty cell") << 2 << 0 << QStringList{};
    }
    void cellClickListsItsImages()
    {
        QFETCH(int, row);
        QFETCH(int, column);
        QFETCH(QStringList, expected);
        QTemporaryDir dir;
        EvaluateView view;
        QAbstractItemModelTester tester(view.matrixModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        view.openRun(makeRun(dir));
        QCOMPARE(view.matrixModel()->rowCount(), 3);
        QCOMPARE(view.matrixModel()->index(row, column).data(ConfusionMatrixModel::CountRole).toInt(), expected.size());
        view.selectCell(row, column);
        QCOMPARE(view.cellImages(), expected);
        // "Review these images" hands the cell to the Review view, when it has images.
        QPushButton *review = nullptr;
        for (auto *b : view.findChildren<QPushButton *>())
            if (b->text() == EvaluateView::tr("Revie&w these images"))
                review = b;
        QVERIFY(review);
        QCOMPARE(review->isEnabled(), !expected.isEmpty());
        QSignalSpy spy(&view, &EvaluateView::reviewCell);
        review->click();
        QCOMPARE(spy.count(), expected.isEmpty() ? 0 : 1);
        if (!expected.isEmpty())
            QCOMPARE(spy.first(), (QList<QVariant>{view.runFolder(), QStringLiteral("test"), row, column}));
    }

    void normalisedRows_data()
    {
        QTest::addColumn<bool>("normalized");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("locale");
        QTest::newRow("counts") << false << QStringLiteral("2") << QStringLiteral("en_US");
        QTest::newRow("row shares") << true << QStringLiteral("66.7\u00A0%") << QStringLiteral("en_US");
        QTest::newRow("row shares in Turkish: decimal comma") << true << QStringLiteral("66,7\u00A0%") << QStringLiteral("tr_TR");
    }
    void normalisedRows()
    {
        QFETCH(bool, normalized);
        QFETCH(QString, text);
        QFETCH(QString, locale);
        QLocale::setDefault(QLocale(locale));
        const auto restore = qScopeGuard([] { QLocale::setDefault(QLocale::c()); });
        ConfusionMatrixModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setMatrix({QStringLiteral("dyed-lifted-polyps"), QStringLiteral("b")}, {{2, 1}, {0, 0}});
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setNormalized(normalized);
        QCOMPARE(changed.count(), normalized ? 1 : 0);
        QCOMPARE(model.index(0, 0).data().toString(), text);
        QCOMPARE(model.index(1, 0).data(ConfusionMatrixModel::RowShareRole).toDouble(), 0.0); // empty row: no division by zero
        QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("dyed\nlifted\npolyps"));
    }

    void exportsAndPredictRequest()
    {
        QTemporaryDir dir;
        EvaluateView view;
        view.openRun(makeRun(dir));
        const QString csv = dir.filePath(QStringLiteral("table.csv")), png = dir.filePath(QStringLiteral("matrix.png"));
        QVERIFY(view.exportTableCsv(csv));
        QVERIFY(view.exportMatrixPng(png));
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        // The notice first, then RFC 4180 records with C-locale numbers.
        QVERIFY(f.readAll().startsWith("# For research use only. Not for use in diagnostic procedures.\r\n"
                                       "class,precision,recall,f1,support\r\na,0.6667,0.6667,0.6667,3\r\n"));
        // The PNG is the same whether or not a cell is selected (no highlight in the figure), and
        // has the footer below the matrix.
        view.resize(900, 700);
        const QString selected = dir.filePath(QStringLiteral("selected.png"));
        QVERIFY(view.exportMatrixPng(png));
        view.selectCell(0, 1);
        QVERIFY(view.exportMatrixPng(selected));
        QCOMPARE(QImage(selected), QImage(png));
        QCOMPARE(view.cellImages().size(), 1); // the selection is back after the export
        QSignalSpy predict(&view, &EvaluateView::openInPredict);
        auto *gallery = view.findChild<QListWidget *>();
        Q_EMIT gallery->itemActivated(gallery->item(0));
        QCOMPARE(predict.count(), 1);
        QCOMPARE(predict.first().at(1).toString(), dir.filePath(QStringLiteral("run"))); // with the run it comes from
    }

    // Enter on a cell reached with the arrow keys fills the gallery, as a click does; Tab leaves
    // the matrix instead of walking its cells.
    void keyboardSelectsACell()
    {
        QTemporaryDir dir;
        EvaluateView view;
        view.openRun(makeRun(dir));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        auto *matrix = view.findChild<QTableView *>(QStringLiteral("confusionMatrix"));
        matrix->setFocus();
        matrix->setCurrentIndex(view.matrixModel()->index(0, 0));
        QTest::keyClick(matrix, Qt::Key_Right);
        QTest::keyClick(matrix, Qt::Key_Return);
        QCOMPARE(view.cellImages(), QStringList{QStringLiteral("/data/set/a/\"quoted\".jpg")});
        QVERIFY(!matrix->tabKeyNavigation());
    }

    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // the set level and review threshold are QSettings
        QCoreApplication::setOrganizationName(QStringLiteral("vitscope-test"));
        saveTrustSettings({});
    }

    // A calibrated run: intervals beside the metrics, the calibration tab with its reliability
    // diagram, review flags in the gallery, and the flags in the exported table.
    void calibrationIsShownAndExported()
    {
        QTemporaryDir dir;
        EvaluateView view;
        view.openRun(makeCalibratedRun(dir));
        QVERIFY(view.results().trust.has_value());
        QVERIFY(view.results().calibration.has_value());
        QVERIFY(view.trustPanel()->summaryText().contains(QStringLiteral("Temperature")));
        QVERIFY(view.trustPanel()->plottedBins() > 0);
        bool intervals = false;
        for (const auto *label : view.findChildren<QLabel *>())
            intervals = intervals || label->text().contains(QStringLiteral("CI"));
        QVERIFY(intervals);
        // b predicted as a with 0.55 against 0.40: at any level it is no clear call
        view.selectCell(1, 0);
        auto *gallery = view.findChild<QListWidget *>();
        QCOMPARE(gallery->count(), 1);
        const auto &img = view.results().images.at(3);
        QCOMPARE(img.review, gallery->item(0)->text().contains(reviewText()));
        QVERIFY(!img.calibrated.isEmpty());
        const QString csv = dir.filePath(QStringLiteral("table.csv"));
        QVERIFY(view.exportTableCsv(csv));
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        QVERIFY(text.contains("calibrated_confidence,set_90,review"));
        QVERIFY(text.contains("\"b/1.jpg\",b,a,0.55,") || text.contains("b/1.jpg,b,a,0.55,"));
    }

    // Rep&ort writes the HTML and PDF report into the run folder off the GUI thread; a run
    // without a model gets a report that says there are no explanation examples.
    void reportButtonWritesTheReport()
    {
        QTemporaryDir dir;
        EvaluateView view;
        const QString run = makeCalibratedRun(dir);
        view.openRun(run);
        QSignalSpy written(&view, &EvaluateView::reportWritten);
        QPushButton *report = nullptr;
        for (auto *b : view.findChildren<QPushButton *>())
            if (b->text().contains(QStringLiteral("ort")))
                report = b;
        QVERIFY(report && report->isEnabled());
        report->click();
        QVERIFY(!report->isEnabled()); // one report at a time
        QVERIFY(written.wait(60000));
        QCOMPARE(written.first().at(0).toString(), QDir(run).filePath(QStringLiteral("report.html")));
        QVERIFY(QFileInfo::exists(written.first().at(1).toString()));
        QVERIFY(report->isEnabled());
    }

    void missingResultsAreAMessage()
    {
        QTemporaryDir dir;
        EvaluateView view;
        view.openRun(dir.path());
        QCOMPARE(view.matrixModel()->rowCount(), 0);
    }
};

QTEST_MAIN(TestEvaluateView)
#include "test_evaluate_view.moc"

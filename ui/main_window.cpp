#include "ui/main_window.h"

#include "data/dataset_scan.h"
#include "session/predictor.h"
#include "session/training_session.h"
#include "ui/class_count_model.h"
#include "ui/predict_view.h"
#include "ui/train_view.h"

#include <qcustomplot.h>

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListView>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QTextStream>
#include <QThread>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace vitscope {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_predictor(new Predictor(this)), m_session(new TrainingSession(this)),
      m_classes(new ClassCountModel(this))
{
    setWindowTitle(tr("vitscope — ViT classification of endoscopy images"));
    m_tabs = new QTabWidget;
    m_predictView = new PredictView(m_predictor);
    m_trainView = new TrainView(m_session);
    m_tabs->addTab(buildDatasetView(), tr("&Dataset"));
    m_tabs->addTab(m_trainView, tr("&Train"));
    m_tabs->addTab(buildEvaluateView(), tr("&Evaluate"));
    m_tabs->addTab(m_predictView, tr("&Predict"));
    setCentralWidget(m_tabs);

    auto *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("Open &data set…"), this, [this] {
        const auto dir = QFileDialog::getExistingDirectory(this, tr("Open data set (one folder per class)"));
        if (!dir.isEmpty())
            openDataset(dir);
    });
    file->addAction(tr("Open &model…"), this, [this] {
        const auto dir = QFileDialog::getExistingDirectory(this, tr("Open a Hugging Face model folder"));
        if (!dir.isEmpty())
            openModel(dir);
    });
    file->addAction(tr("Open &run…"), this, [this] {
        const auto dir = QFileDialog::getExistingDirectory(this, tr("Open a run folder"));
        if (!dir.isEmpty())
            openRun(dir);
    });
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::quit);
    auto *viewMenu = menuBar()->addMenu(tr("&View"));
    for (int i = 0; i < 4; ++i) {
        auto *a = viewMenu->addAction(m_tabs->tabText(i).remove(QLatin1Char('&')));
        a->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + i)));
        connect(a, &QAction::triggered, this, [this, i] { showView(i); });
    }
    menuBar()->addMenu(tr("&Help"))->addAction(tr("&About vitscope"), this, &MainWindow::about);

    m_modelLabel = new QLabel(tr("No model loaded"));
    m_deviceLabel = new QLabel(tr("CPU, %n thread(s)", nullptr, QThread::idealThreadCount()));
    statusBar()->addPermanentWidget(m_modelLabel);
    statusBar()->addPermanentWidget(m_deviceLabel);
    connect(m_predictor, &Predictor::modelLoaded, this, [this](const QString &folder, const QStringList &labels, const QStringList &notes) {
        m_modelLabel->setText(tr("Model: %1 (%n classes)", nullptr, static_cast<int>(labels.size())).arg(QFileInfo(folder).fileName()));
        for (const auto &n : notes)
            statusBar()->showMessage(n, 8000);
        Q_EMIT modelReady(folder);
    });
    connect(m_predictor, &Predictor::modelFailed, this, [this](const QString &message) {
        m_modelLabel->setText(tr("No model loaded"));
        statusBar()->showMessage(tr("The model could not be loaded: %1").arg(message), 15000);
    });
    connect(m_trainView, &TrainView::runFinished, this, &MainWindow::openRun);

    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    resize(size().expandedTo(QSize(1200, 780)));
}

MainWindow::~MainWindow()
{
    QSettings().setValue(QStringLiteral("window/geometry"), saveGeometry());
}

QWidget *MainWindow::buildDatasetView()
{
    auto *w = new QWidget;
    auto *list = new QListView;
    list->setModel(m_classes);
    m_classChart = new QCustomPlot;
    m_classChart->yAxis->setLabel(tr("Images"));
    m_problems = new QListWidget;
    m_datasetSummary = new QLabel(tr("Open a data set: a folder with one sub-folder per class."));
    m_datasetSummary->setWordWrap(true);
    auto *left = new QVBoxLayout;
    left->addWidget(new QLabel(tr("Classes")));
    left->addWidget(list, 1);
    left->addWidget(new QLabel(tr("Bad files, conversions and duplicates")));
    left->addWidget(m_problems, 1);
    auto *layout = new QHBoxLayout(w);
    layout->addLayout(left, 1);
    auto *right = new QVBoxLayout;
    right->addWidget(m_datasetSummary);
    right->addWidget(m_classChart, 1);
    layout->addLayout(right, 2);
    return w;
}

void MainWindow::openDataset(const QString &folder)
{
    m_datasetSummary->setText(tr("Scanning %1…").arg(folder));
    auto *watcher = new QFutureWatcher<ScanReport>(this);
    connect(watcher, &QFutureWatcher<ScanReport>::finished, this, [this, watcher, folder] {
        const ScanReport r = watcher->result();
        watcher->deleteLater();
        QVector<ClassCountModel::Entry> entries;
        QVector<double> keys, counts;
        QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
        for (int i = 0; i < static_cast<int>(r.classes.size()); ++i) {
            const auto &c = r.classes[i];
            entries.push_back({QString::fromStdString(c.name), c.count, c.nested});
            keys << i + 1;
            counts << c.count;
            ticker->addTick(i + 1, QString::fromStdString(c.name).replace(QLatin1Char('-'), QLatin1Char('\n')));
        }
        m_classes->setEntries(entries);
        m_classChart->clearPlottables();
        auto *bars = new QCPBars(m_classChart->xAxis, m_classChart->yAxis);
        bars->setData(keys, counts);
        bars->setBrush(QColor(0x2f, 0x7e, 0xd8));
        m_classChart->xAxis->setTicker(ticker);
        m_classChart->xAxis->setTickLabelFont(QFont(font().family(), 7));
        m_classChart->rescaleAxes();
        m_classChart->xAxis->setRange(0.4, keys.size() + 0.6);
        m_classChart->yAxis->setRangeLower(0);
        m_classChart->replot();
        m_problems->clear();
        for (const auto &b : r.bad)
            m_problems->addItem(tr("Bad: %1 — %2").arg(QString::fromStdString(b.path), QString::fromStdString(b.reason)));
        for (const auto &b : r.converted)
            m_problems->addItem(tr("Converted: %1 — %2").arg(QString::fromStdString(b.path), QString::fromStdString(b.reason)));
        for (const auto &d : r.duplicates) {
            QStringList paths;
            for (const auto &p : d)
                paths << QString::fromStdString(p);
            m_problems->addItem(tr("Identical files: %1").arg(paths.join(QStringLiteral(", "))));
        }
        for (const auto &p : r.problems)
            m_problems->addItem(QString::fromStdString(p));
        m_datasetSummary->setText(r.usable() ? tr("%1: %2 usable images in %3 classes (%4 bad, %5 duplicate groups).")
                                                   .arg(QString::fromStdString(r.root))
                                                   .arg(r.items.size())
                                                   .arg(r.classes.size())
                                                   .arg(r.bad.size())
                                                   .arg(r.duplicates.size())
                                             : tr("This data set cannot be used: %1").arg(QString::fromStdString(r.error)));
        m_trainView->setDataset(folder);
        QSettings().setValue(QStringLiteral("last/dataset"), folder);
        Q_EMIT datasetScanned(folder);
    });
    watcher->setFuture(QtConcurrent::run([folder] { return scanDataset(folder.toStdString()); }));
}

void MainWindow::openModel(const QString &folder)
{
    m_trainView->setModel(folder);
    m_predictor->loadModel(folder);
    QSettings().setValue(QStringLiteral("last/model"), folder);
}

QWidget *MainWindow::buildEvaluateView()
{
    auto *w = new QWidget;
    m_confusion = new QTableWidget;
    m_confusion->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_confusion->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_evalSummary = new QLabel(tr("Open a run to review its test confusion matrix."));
    m_evalSummary->setWordWrap(true);
    m_cellImages = new QListWidget;
    auto *layout = new QVBoxLayout(w);
    layout->addWidget(m_evalSummary);
    auto *split = new QSplitter;
    split->addWidget(m_confusion);
    split->addWidget(m_cellImages);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);
    connect(m_confusion, &QTableWidget::cellClicked, this, [this](int row, int column) {
        // The images behind a cell, most confident first, from the run's predictions.
        m_cellImages->clear();
        QFile f(QDir(m_runFolder).filePath(QStringLiteral("test/predictions.csv")));
        if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
            return;
        const QString trueLabel = m_confusion->verticalHeaderItem(row)->text(), predicted = m_confusion->horizontalHeaderItem(column)->text();
        QTextStream in(&f);
        in.readLine();
        QVector<QPair<double, QString>> rows;
        while (!in.atEnd()) {
            const QStringList cols = in.readLine().split(QLatin1Char(','));
            auto unquote = [](QString s) { return s.mid(1, s.size() - 2).replace(QStringLiteral("\"\""), QStringLiteral("\"")); };
            if (cols.size() > 3 && unquote(cols[1]) == trueLabel && unquote(cols[2]) == predicted)
                rows.push_back({cols[3].toDouble(), unquote(cols[0])});
        }
        std::sort(rows.begin(), rows.end(), [](auto a, auto b) { return a.first > b.first; });
        for (const auto &r : rows)
            m_cellImages->addItem(tr("%1  (%2 %)").arg(r.second).arg(100 * r.first, 0, 'f', 1));
    });
    return w;
}

void MainWindow::openRun(const QString &runFolder)
{
    m_runFolder = runFolder;
    QFile f(QDir(runFolder).filePath(QStringLiteral("test/metrics.json")));
    if (!f.open(QIODevice::ReadOnly)) {
        m_evalSummary->setText(tr("%1 has no test results yet.").arg(runFolder));
        return;
    }
    const QJsonObject m = QJsonDocument::fromJson(f.readAll()).object();
    const QJsonArray labels = m.value(QStringLiteral("labels")).toArray(), matrix = m.value(QStringLiteral("confusion")).toArray();
    const int n = static_cast<int>(labels.size());
    m_confusion->clear();
    m_confusion->setRowCount(n);
    m_confusion->setColumnCount(n);
    QStringList names;
    for (const auto &l : labels)
        names << l.toString();
    m_confusion->setHorizontalHeaderLabels(names);
    m_confusion->setVerticalHeaderLabels(names);
    for (int r = 0; r < n; ++r) {
        const QJsonArray row = matrix.at(r).toArray();
        double total = 0;
        for (const auto &v : row)
            total += v.toDouble();
        for (int c = 0; c < n; ++c) {
            const int count = row.at(c).toInt();
            auto *item = new QTableWidgetItem(QString::number(count));
            item->setTextAlignment(Qt::AlignCenter);
            const double share = total > 0 ? count / total : 0;
            item->setBackground(r == c ? QColor::fromHsvF(0.6, share, 1.0) : QColor::fromHsvF(0.0, share, 1.0));
            item->setToolTip(tr("true %1, predicted %2: %3 images (%4 % of the row)").arg(names[r], names[c]).arg(count).arg(100 * share, 0, 'f', 1));
            m_confusion->setItem(r, c, item);
        }
    }
    m_evalSummary->setText(tr("Run %1 — test set with the best model: accuracy %2, weighted F1 %3, macro F1 %4, MCC %5. Click a cell to list its images.")
                               .arg(QFileInfo(runFolder).fileName())
                               .arg(m.value(QStringLiteral("accuracy")).toDouble(), 0, 'f', 4)
                               .arg(m.value(QStringLiteral("weighted_f1")).toDouble(), 0, 'f', 4)
                               .arg(m.value(QStringLiteral("macro_f1")).toDouble(), 0, 'f', 4)
                               .arg(m.value(QStringLiteral("mcc")).toDouble(), 0, 'f', 4));
    QSettings().setValue(QStringLiteral("last/run"), runFolder);
}

void MainWindow::showView(int index)
{
    m_tabs->setCurrentIndex(index);
}

QWidget *MainWindow::view(int index) const
{
    return m_tabs->widget(index);
}

void MainWindow::about()
{
    QMessageBox::about(this, tr("About vitscope"),
                       tr("<h3>vitscope %1</h3><p>Fine-tune and run Vision Transformers on endoscopy images.</p>"
                          "<p>Qt %2</p><p><b>For research use only. Not for use in diagnostic procedures.</b></p>")
                           .arg(QStringLiteral(VITSCOPE_VERSION), QString::fromLatin1(qVersion())));
}

} // namespace vitscope

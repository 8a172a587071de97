#include "ui/main_window.h"

#include "engine/cpu_features.h"
#include "engine/run_files.h"

#include "session/hub_model.h"
#include "session/predictor.h"
#include "session/training_session.h"
#include "ui/csv_export.h"
#include "ui/dataset_view.h"
#include "ui/evaluate_view.h"
#include "ui/predict_view.h"
#include "ui/pretrained_dialog.h"
#include "ui/review_view.h"
#include "ui/theme.h"
#include "ui/train_view.h"

#include "ui/plot.h"

#include <QLocale>
#include <QAction>
#include <QDragEnterEvent>
#include <QMimeData>
#include <QApplication>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressDialog>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QSettings>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QDir>
#include <QMenu>
#include <QVBoxLayout>

namespace vitscope {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_predictor(new Predictor(this)), m_session(new TrainingSession(this))
{
    setAcceptDrops(true);
    setWindowTitle(tr("vitscope — ViT classification of endoscopy images"));
    m_tabs = new QTabWidget;
    m_predictView = new PredictView(m_predictor);
    m_trainView = new TrainView(m_session);
    m_evaluateView = new EvaluateView;
    m_datasetView = new DatasetView;
    m_tabs->addTab(m_datasetView, tr("&Dataset"));
    m_tabs->addTab(m_trainView, tr("&Train"));
    m_tabs->addTab(m_evaluateView, tr("&Evaluate"));
    m_tabs->addTab(m_predictView, tr("&Predict"));
    m_reviewView = new ReviewView;
    // No mnemonic: every free letter is taken by a button of some view (Ctrl+5 reaches it).
    m_tabs->addTab(m_reviewView, tr("Review"));
    m_tabs->setTabToolTip(4, tr("Find labels that are probably wrong, fix them from the keyboard, label new frames (Ctrl+5)"));
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
    file->addAction(tr("&Get pretrained model…"), this, [this] {
        PretrainedDialog dialog([this] { return m_trainView->formConfig(); }, this);
        if (dialog.exec() == QDialog::Accepted)
            getPretrainedModel(dialog.chosenRepo());
    });
    file->addAction(tr("Open &run…"), this, [this] {
        const auto dir = QFileDialog::getExistingDirectory(this, tr("Open a run folder"));
        if (!dir.isEmpty())
            openRun(dir);
    });
    m_recent = file->addMenu(tr("Re&cent"));
    rebuildRecentMenu();
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::quit);
    auto *viewMenu = menuBar()->addMenu(tr("&View"));
    for (int i = 0; i < m_tabs->count(); ++i) {
        auto *a = viewMenu->addAction(m_tabs->tabText(i).remove(QLatin1Char('&')));
        a->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + i)));
        connect(a, &QAction::triggered, this, [this, i] { showView(i); });
    }
    auto *darkAction = viewMenu->addAction(tr("&Dark palette"));
    darkAction->setCheckable(true);
    darkAction->setChecked(QSettings().value(QStringLiteral("ui/dark")).toBool());
    connect(darkAction, &QAction::toggled, this, [](bool on) {
        QSettings().setValue(QStringLiteral("ui/dark"), on);
        if (on)
            useDarkPalette();
        else
            QApplication::setPalette(QApplication::style()->standardPalette());
    });
    m_bf16Predict = viewMenu->addAction(tr("Predict in &bf16"));
    m_bf16Predict->setCheckable(true);
    m_bf16Predict->setToolTip(tr("About twice as fast on CPUs with native bf16 (AMX or AVX512-BF16) and on NVIDIA GPUs; "
                                 "probabilities differ from the exact fp32 ones by less than 1 percentage point."));
    m_bf16Predict->setEnabled(cpuHasNativeBf16());
    m_bf16Predict->setChecked(m_bf16Predict->isEnabled() && QSettings().value(QStringLiteral("predict/bf16")).toBool());
    m_predictor->setPrecision(m_bf16Predict->isChecked() ? Precision::Bf16 : Precision::Fp32);
    connect(m_bf16Predict, &QAction::toggled, this, [this](bool on) {
        QSettings().setValue(QStringLiteral("predict/bf16"), on);
        m_predictor->setPrecision(on ? Precision::Bf16 : Precision::Fp32);
        updateDeviceLabel();
    });
    auto *languages = viewMenu->addMenu(tr("&Language"));
    const QString current = QSettings().value(QStringLiteral("ui/language")).toString();
    for (const auto &[code, name] : QList<QPair<QString, QString>>{{QString(), tr("System default")},
                                                                   {QStringLiteral("en"), QStringLiteral("English")},
                                                                   {QStringLiteral("tr"), QStringLiteral("Türkçe")}}) {
        auto *a = languages->addAction(name, this, [this, code = code] {
            QSettings().setValue(QStringLiteral("ui/language"), code);
            statusBar()->showMessage(tr("The language changes the next time vitscope starts."), 8000);
        });
        a->setCheckable(true);
        a->setChecked(code == current);
    }
    menuBar()->addMenu(tr("&Help"))->addAction(tr("&About vitscope"), this, &MainWindow::about);

    m_modelLabel = new QLabel(tr("No model loaded"));
    m_deviceLabel = new QLabel(tr("Compute device: detecting…"));
    // Always in sight, whatever the view (and in every export).
    auto *notice = new QLabel(researchNotice());
    notice->setObjectName(QStringLiteral("statusResearchNotice"));
    notice->setStyleSheet(QStringLiteral("font-weight: bold;"));
    statusBar()->addPermanentWidget(notice);
    statusBar()->addPermanentWidget(m_modelLabel);
    statusBar()->addPermanentWidget(m_deviceLabel);
    connect(m_predictor, &Predictor::modelLoaded, this,
            [this](const QString &folder, const QStringList &labels, const QStringList &notes, const QString &device) {
        // A run's checkpoint is named after its run folder, not "best".
        const QString name = QFileInfo(folder).fileName() == QLatin1String("best") ? QDir(folder).filePath(QStringLiteral("../..")) : folder;
        m_modelLabel->setText(tr("Model: %1 (%n classes)", nullptr, static_cast<int>(labels.size())).arg(QFileInfo(QDir::cleanPath(name)).fileName()));
        m_modelLabel->setToolTip(folder);
        m_device = device;
        // A GPU computes bf16 natively; a CPU when it has AMX or AVX512-BF16 (detected at run time).
        if (!device.startsWith(QLatin1String("CPU")))
            m_bf16Predict->setEnabled(true);
        updateDeviceLabel();
        for (const auto &n : notes)
            statusBar()->showMessage(n, 8000);
        Q_EMIT modelReady(folder);
    });
    connect(m_predictor, &Predictor::modelFailed, this, [this](const QString &message) {
        m_modelLabel->setText(tr("No model loaded"));
        statusBar()->showMessage(tr("The model could not be loaded: %1").arg(message), 15000);
    });
    connect(m_datasetView, &DatasetView::openRequested, this, [this] {
        const auto dir = QFileDialog::getExistingDirectory(this, tr("Open data set (one folder per class)"));
        if (!dir.isEmpty())
            openDataset(dir);
    });
    connect(m_datasetView, &DatasetView::scanned, this, [this](const QString &folder, bool usable) {
        if (usable) {
            m_trainView->setDataset(folder);
            const JobConfig c = m_trainView->formConfig();
            m_datasetView->showSplit(c.data.split.train, c.data.split.val, c.data.split.test, c.train.seed);
            remember(QStringLiteral("dataset"), folder);
            m_reviewView->setDataset(folder);
            m_labelsChanged = false;
        }
        Q_EMIT datasetScanned(folder);
    });
    connect(m_trainView, &TrainView::runFinished, this, [this](const QString &run) {
        openRun(run);
        offerRunModel(run);
    });
    connect(m_trainView, &TrainView::runSelected, this, &MainWindow::openRun);
    connect(m_evaluateView, &EvaluateView::exported, this, &MainWindow::showExported);
    connect(m_predictView, &PredictView::exported, this, &MainWindow::showExported);
    connect(m_evaluateView, &EvaluateView::openInPredict, this, [this](const QString &path, const QString &run) {
        // The image is judged by the model whose results it comes from, not whatever Predict had.
        const QString best = QString::fromStdString(runfiles::bestCheckpoint(run.toStdString()));
        if (!run.isEmpty() && QDir::cleanPath(best) != QDir::cleanPath(m_modelFolder) && QFileInfo::exists(best)) {
            openModel(best);
            statusBar()->showMessage(tr("Predict now uses the best model of run %1, which the Evaluate results come from.")
                                         .arg(QFileInfo(run).fileName()), 8000);
        }
        showView(3);
        m_predictView->predictFiles({path});
    });

    connect(m_evaluateView, &EvaluateView::reviewCell, this, [this](const QString &run, const QString &part, int trueLabel, int predicted) {
        showView(4);
        m_reviewView->reviewRun(run, part, trueLabel, predicted);
    });
    connect(m_reviewView, &ReviewView::labelsChanged, this, [this] { m_labelsChanged = true; });
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        // The Dataset view's counts follow the labels changed in Review (a rescan reads the cache).
        if (index == 0 && m_labelsChanged && !m_reviewView->dataset().isEmpty()) {
            m_labelsChanged = false;
            openDataset(m_reviewView->dataset());
        }
    });
    connect(m_reviewView, &ReviewView::retrainRequested, this, [this](const QString &dataset) {
        if (dataset.isEmpty())
            return;
        m_trainView->setDataset(dataset);
        showView(1);
        m_trainView->start();
    });

    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    resize(size().expandedTo(QSize(1200, 780)));
}

MainWindow::~MainWindow()
{
    QSettings().setValue(QStringLiteral("window/geometry"), saveGeometry());
}

void MainWindow::openDataset(const QString &folder)
{
    m_datasetView->scan(folder, m_modelFolder);
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    // A folder dropped anywhere but the Predict view opens it as a data set.
    const auto urls = event->mimeData()->urls();
    if (urls.size() == 1 && urls.first().isLocalFile() && QFileInfo(urls.first().toLocalFile()).isDir()) {
        event->acceptProposedAction();
        showView(0);
        openDataset(urls.first().toLocalFile());
    }
}

void MainWindow::openModel(const QString &folder)
{
    m_modelFolder = folder;
    m_trainView->setModel(folder);
    m_predictor->loadModel(folder);
    m_evaluateView->setPredictModel(folder);
    m_reviewView->setModel(folder);
    remember(QStringLiteral("model"), folder);
}

void MainWindow::showExported(const QString &path)
{
    statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 10000);
}

void MainWindow::offerRunModel(const QString &run)
{
    const QString best = QString::fromStdString(runfiles::bestCheckpoint(run.toStdString()));
    if (!QFileInfo::exists(best))
        return;
    // Not modal: the user may first look at the curves and the matrix.
    auto *box = new QMessageBox(QMessageBox::Question, tr("Training finished"),
                                tr("Run %1 finished. Use its best model in the Predict view (instead of %2)?")
                                    .arg(QFileInfo(run).fileName(), m_modelFolder.isEmpty() ? tr("no model") : QFileInfo(m_modelFolder).fileName()),
                                QMessageBox::Yes | QMessageBox::No, this);
    box->setObjectName(QStringLiteral("useRunModel"));
    box->setDefaultButton(QMessageBox::Yes);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box->button(QMessageBox::Yes), &QAbstractButton::clicked, this, [this, best] { openModel(best); });
    box->open();
}

void MainWindow::updateDeviceLabel()
{
    const QString precision = m_bf16Predict->isChecked() ? tr("predicting in bf16") : tr("predicting in fp32");
    // The engine says "CPU, N threads" in English; the status bar says it in the user's language.
    static const QRegularExpression cpu(QStringLiteral("^CPU, (\\d+) threads$"));
    const auto m = cpu.match(m_device);
    const QString device = !m.hasMatch() ? m_device : m.captured(1) == QLatin1String("1") ? tr("CPU, 1 thread") : tr("CPU, %1 threads").arg(m.captured(1));
    m_deviceLabel->setText(tr("%1 · %2 · %3").arg(device, cpuHasNativeBf16() ? tr("CPU bf16: native") : tr("CPU bf16: not native"), precision));
    m_deviceLabel->setToolTip(QString::fromStdString(cpuBf16Description()));
}

void MainWindow::openRun(const QString &runFolder)
{
    m_evaluateView->openRun(runFolder);
    remember(QStringLiteral("run"), runFolder);
}

void MainWindow::getPretrainedModel(const QString &repo)
{
    if (const QString local = findLocalModel(repo); !local.isEmpty()) {
        openModel(local);
        statusBar()->showMessage(tr("Using %1 from this computer: %2").arg(repo, local), 8000);
        return;
    }
    const QString target = downloadFolder(repo);
    const auto known = pretrainedCatalogue();
    const auto entry = std::find_if(known.begin(), known.end(), [&](const PretrainedModel &m) { return m.repo == repo; });
    const QString size = entry != known.end() ? tr("about %1 MB").arg(entry->downloadBytes() / 1000000) : tr("its size is shown while it downloads");
    if (QMessageBox::question(this, tr("Download the pretrained model"),
                              tr("%1 is not in the Hugging Face cache (%2). Download it (%3) to %4?").arg(repo, hubCacheDirectory(), size, target)) !=
        QMessageBox::Yes)
        return;
    auto *downloader = new HubDownloader(this);
    auto *dialog = new QProgressDialog(tr("Downloading %1…").arg(repo), tr("Cancel"), 0, 1000, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setMinimumDuration(0);
    connect(dialog, &QProgressDialog::canceled, downloader, &HubDownloader::cancel);
    connect(downloader, &HubDownloader::progress, dialog, [dialog](const QString &file, qint64 received, qint64 total) {
        dialog->setLabelText(tr("Downloading %1: %2 of %3 MB").arg(file).arg(QLocale().toString(received / 1e6, 'f', 1)).arg(QLocale().toString(total > 0 ? total / 1e6 : 0.0, 'f', 1)));
        if (total > 0)
            dialog->setValue(static_cast<int>(1000 * received / total));
    });
    connect(downloader, &HubDownloader::finished, this, [this, downloader, dialog](const QString &folder) {
        dialog->close();
        downloader->deleteLater();
        openModel(folder);
    });
    connect(downloader, &HubDownloader::failed, this, [this, downloader, dialog](const QString &message) {
        dialog->close();
        downloader->deleteLater();
        QMessageBox::warning(this, tr("Download failed"), message);
    });
    downloader->download(repo, target);
}

void MainWindow::setRunsDirectory(const QString &folder)
{
    m_trainView->setRunsDirectory(folder);
}

void MainWindow::remember(const QString &key, const QString &path)
{
    QSettings s;
    s.setValue(QStringLiteral("last/") + key, path);
    QStringList recent = s.value(QStringLiteral("recent/") + key).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    s.setValue(QStringLiteral("recent/") + key, recent.mid(0, 8));
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu()
{
    m_recent->clear();
    QSettings s;
    const QList<QPair<QString, QString>> kinds = {{QStringLiteral("dataset"), tr("Data set: %1")},
                                                  {QStringLiteral("run"), tr("Run: %1")},
                                                  {QStringLiteral("model"), tr("Model: %1")}};
    for (const auto &[key, label] : kinds) {
        for (const QString &path : s.value(QStringLiteral("recent/") + key).toStringList()) {
            m_recent->addAction(label.arg(path), this, [this, key = key, path] {
                if (key == QLatin1String("dataset"))
                    openDataset(path);
                else if (key == QLatin1String("run"))
                    openRun(path);
                else
                    openModel(path);
            });
        }
    }
    m_recent->setEnabled(!m_recent->isEmpty());
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
                          "<p>Qt %2</p><p><b>%3</b></p>")
                           .arg(QStringLiteral(VITSCOPE_VERSION), QString::fromLatin1(qVersion()), researchNotice().toHtmlEscaped()));
}

} // namespace vitscope

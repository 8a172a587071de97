#include "ui/main_window.h"

#include "engine/cpu_features.h"
#include "engine/run_files.h"

#include "session/predictor.h"
#include "session/training_session.h"
#include "ui/csv_export.h"
#include "ui/dataset_view.h"
#include "ui/evaluate_view.h"
#include "ui/core_messages.h"
#include "ui/predict_view.h"
#include "ui/review_view.h"
#include "ui/icons.h"
#include "ui/start_page.h"
#include "ui/train_view.h"

#include "ui/plot.h"

#include <QAction>
#include <QDragEnterEvent>
#include <QMimeData>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QStandardPaths>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QDir>
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
    const IconId tabIcons[] = {IconId::Dataset, IconId::Train, IconId::Evaluate, IconId::Predict, IconId::Review};
    for (int i = 0; i < m_tabs->count(); ++i)
        m_tabs->setTabIcon(i, icon(tabIcons[i]));
    m_startPage = new StartPage;
    m_pages = new QStackedWidget;
    m_pages->addWidget(m_tabs);
    m_pages->addWidget(m_startPage);
    setCentralWidget(m_pages);
    connect(m_startPage, &StartPage::demoRequested, this, [this] {
        openDataset(m_demoData);
        openModel(m_demoModel);
        showView(0);
    });
    connect(m_startPage, &StartPage::openDatasetRequested, this, &MainWindow::chooseDataset);
    connect(m_startPage, &StartPage::pretrainedRequested, this, &MainWindow::choosePretrainedModel);

    buildMenus();

    m_modelLabel = new QLabel(tr("No model loaded"));
    m_deviceLabel = new QLabel;
    // Always in sight, whatever the view (and in every export).
    auto *notice = new QLabel(researchNotice());
    notice->setObjectName(QStringLiteral("statusResearchNotice"));
    notice->setStyleSheet(QStringLiteral("font-weight: bold;"));
    m_modelLabel->setObjectName(QStringLiteral("statusModel"));
    m_deviceLabel->setObjectName(QStringLiteral("statusDevice"));
    statusBar()->addPermanentWidget(notice);
    statusBar()->addPermanentWidget(m_modelLabel);
    statusBar()->addPermanentWidget(m_deviceLabel);
    // A message (why a model could not be loaded, where a file was saved) gets the room the model
    // and device labels take, which otherwise leave it a few words in a normal-sized window; the
    // research notice stays. The whole message is also the status bar's tooltip.
    connect(statusBar(), &QStatusBar::messageChanged, this, [this](const QString &message) {
        m_modelLabel->setVisible(message.isEmpty());
        m_deviceLabel->setVisible(message.isEmpty());
        statusBar()->setToolTip(message);
    });
    updateDeviceLabel();
    connect(m_predictor, &Predictor::modelLoaded, this,
            [this](const QString &folder, const QStringList &labels, const QStringList &notes, const QString &device) {
        // A run's checkpoint is named after its run folder, not "best".
        const QString name = QFileInfo(folder).fileName() == QLatin1String("best") ? QDir(folder).filePath(QStringLiteral("../..")) : folder;
        m_modelLabel->setText(tr("Model: %1 (%n classes)", nullptr, static_cast<int>(labels.size())).arg(QFileInfo(QDir::cleanPath(name)).fileName()));
        m_modelLabel->setToolTip(folder);
        m_evaluateView->setPredictModel(folder); // loads answer in order: the last one is Predict's model
        m_device = device;
        // A GPU computes bf16 natively; a CPU when it has AMX or AVX512-BF16 (detected at run time).
        if (!device.startsWith(QLatin1String("CPU")))
            m_bf16Predict->setEnabled(true);
        updateDeviceLabel();
        for (const auto &n : notes)
            statusBar()->showMessage(coreMessageText(n), 8000);
        Q_EMIT modelReady(folder);
    });
    connect(m_predictor, &Predictor::modelFailed, this, [this](const QString &message, bool untrained) {
        m_modelLabel->setToolTip(coreMessageText(message)); // the reason, after the message has gone
        m_predictUsable = false;
        m_evaluateView->setPredictModel(QString()); // Predict has no model now
        if (untrained) { // the demo's model, or any configuration meant to be trained: nothing is wrong
            // At start-up the last model and the last run are restored together, and the model's
            // failure arrives after the run was opened: the run's best model is taken then.
            if (givePredictRunModel(m_openRun))
                return;
            const QString name = QFileInfo(m_modelFolder).fileName();
            m_modelLabel->setText(tr("Untrained model: %1").arg(name));
            statusBar()->showMessage(tr("%1 has no trained weights yet: train it in the Train view to predict with it.").arg(name), 15000);
            return;
        }
        m_modelLabel->setText(tr("No model loaded"));
        statusBar()->showMessage(tr("The model could not be loaded: %1").arg(coreMessageText(message)), 15000);
    });
    connect(m_datasetView, &DatasetView::openRequested, this, &MainWindow::chooseDataset);
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
        if (!openRun(run)) // Predict did not take the run's model by itself: ask
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
    if (startPageShown())
        showView(0);
    m_datasetView->scan(folder, m_modelFolder);
}

void MainWindow::setDemo(const QString &data, const QString &model)
{
    m_demoData = data;
    m_demoModel = model;
}

void MainWindow::showStartPage()
{
    m_pages->setCurrentWidget(m_startPage);
}

bool MainWindow::startPageShown() const
{
    return m_pages->currentWidget() == m_startPage;
}

void MainWindow::openPaths(const QStringList &paths)
{
    // How a file manager's "Open with" calls: images go to Predict, a folder is a data set.
    QStringList images, missing;
    QString folder;
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (!info.exists())
            missing << QDir::toNativeSeparators(path);
        else if (info.isDir())
            folder = folder.isEmpty() ? info.absoluteFilePath() : folder;
        else
            images << info.absoluteFilePath();
    }
    if (!folder.isEmpty())
        openDataset(folder);
    if (!images.isEmpty()) {
        showView(3);
        m_predictView->predictFiles(images);
        if (!m_demoModel.isEmpty() && QDir::cleanPath(m_modelFolder) == QDir::cleanPath(m_demoModel))
            statusBar()->showMessage(tr("The demo model has no trained weights, so it cannot predict: open or get a real model from the "
                                        "File menu, or train one on the demo data in the Train view."), 20000);
    }
    if (!missing.isEmpty())
        statusBar()->showMessage(tr("Not found: %1").arg(missing.join(QStringLiteral(", "))), 20000);
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
    m_predictUsable = true; // until the predictor says otherwise
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
    const QString device = m_device.isEmpty() ? tr("Compute device: chosen when a model is opened") : coreMessageText(m_device);
    m_deviceLabel->setText(tr("%1 · %2 · %3").arg(device, cpuHasNativeBf16() ? tr("CPU bf16: native") : tr("CPU bf16: not native"), precision));
    m_deviceLabel->setToolTip(QString::fromStdString(cpuBf16Description()));
}

bool MainWindow::openRun(const QString &runFolder)
{
    if (startPageShown())
        showView(2);
    m_evaluateView->openRun(runFolder);
    remember(QStringLiteral("run"), runFolder);
    // Predict has nothing to predict with (no model, or an untrained one like the demo's): it takes
    // the run's best model, so "pick a finished run, then Predict" works. A model the user opened is
    // kept (Evaluate says which one Predict uses); the Train form keeps its model.
    m_openRun = runFolder;
    return !m_predictUsable && givePredictRunModel(runFolder);
}

bool MainWindow::givePredictRunModel(const QString &runFolder)
{
    const QString best = QString::fromStdString(runfiles::bestCheckpoint(runFolder.toStdString()));
    // Never the model that has just failed: a run whose best checkpoint cannot predict is not retried.
    if (runFolder.isEmpty() || QDir::cleanPath(best) == QDir::cleanPath(m_modelFolder)
        || !QFileInfo::exists(QDir(best).filePath(QStringLiteral("config.json"))))
        return false;
    m_modelFolder = best;
    m_predictUsable = true;
    m_predictor->loadModel(best);
    m_evaluateView->setPredictModel(best);
    statusBar()->showMessage(tr("Predict uses the best model of run %1.").arg(QFileInfo(runFolder).fileName()), 8000);
    return true;
}

void MainWindow::setRunsDirectory(const QString &folder)
{
    m_trainView->setRunsDirectory(folder);
}

void MainWindow::showView(int index)
{
    m_pages->setCurrentWidget(m_tabs);
    m_tabs->setCurrentIndex(index);
}

QWidget *MainWindow::view(int index) const
{
    return m_tabs->widget(index);
}

int MainWindow::currentView() const
{
    return startPageShown() ? -1 : m_tabs->currentIndex();
}

} // namespace vitscope

// The main window's menus and the actions behind them that are more than one call: choosing a
// data set or a pretrained model (found locally or downloaded), the recent files, the About box.
#include "ui/main_window.h"

#include "engine/cpu_features.h"
#include "session/hub_model.h"
#include "session/predictor.h"
#include "ui/csv_export.h"
#include "ui/dialog_folders.h"
#include "ui/icons.h"
#include "ui/pretrained_dialog.h"
#include "ui/theme.h"
#include "ui/train_view.h"
#include "ui/user_guide.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressDialog>
#include <QSettings>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>

namespace vitscope {

void MainWindow::buildMenus()
{
    auto *file = menuBar()->addMenu(tr("&File"));
    file->addAction(icon(IconId::Dataset), tr("Open &data set…"), this, &MainWindow::chooseDataset);
    file->addAction(icon(IconId::Model), tr("Open &model…"), this, [this] {
        const auto dir = QFileDialog::getExistingDirectory(this, tr("Open a Hugging Face model folder"), dialogFolder(DialogKind::Model));
        rememberDialogChoice(DialogKind::Model, dir);
        if (!dir.isEmpty())
            openModel(dir);
    });
    file->addAction(icon(IconId::Download), tr("&Get pretrained model…"), this, &MainWindow::choosePretrainedModel);
    file->addAction(icon(IconId::Open), tr("Open &run…"), this, [this] {
        const auto dir = QFileDialog::getExistingDirectory(this, tr("Open a run folder"), dialogFolder(DialogKind::Run));
        rememberDialogChoice(DialogKind::Run, dir);
        if (!dir.isEmpty())
            openRun(dir);
    });
    m_recent = file->addMenu(tr("Re&cent"));
    rebuildRecentMenu();
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::quit);
    auto *viewMenu = menuBar()->addMenu(tr("&View"));
    for (int i = 0; i < m_tabs->count(); ++i) {
        auto *a = viewMenu->addAction(m_tabs->tabIcon(i), m_tabs->tabText(i).remove(QLatin1Char('&')));
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
    auto *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(icon(IconId::Start), tr("&Start page"), this, &MainWindow::showStartPage);
    auto *guide = help->addAction(icon(IconId::Guide), tr("&User guide"), this, [this] { showUserGuide(this); });
    guide->setShortcut(QKeySequence::HelpContents);
    help->addSeparator();
    help->addAction(icon(IconId::About), tr("&About vitscope"), this, &MainWindow::about);
}

void MainWindow::chooseDataset()
{
    const auto dir = QFileDialog::getExistingDirectory(this, tr("Open data set (one folder per class)"), dialogFolder(DialogKind::Dataset));
    rememberDialogChoice(DialogKind::Dataset, dir);
    if (!dir.isEmpty())
        openDataset(dir);
}

void MainWindow::choosePretrainedModel()
{
    PretrainedDialog dialog([this] { return m_trainView->formConfig(); }, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (startPageShown())
        showView(1); // the Train view, which shows the model being fetched
    getPretrainedModel(dialog.chosenRepo());
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

void MainWindow::about()
{
    auto *box = new QMessageBox(this);
    box->setObjectName(QStringLiteral("aboutBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowTitle(tr("About vitscope"));
    box->setIconPixmap(icon(IconId::App).pixmap(QSize(96, 96)));
    box->setText(tr("<h3>vitscope %1</h3><p>Fine-tune and run Vision Transformers on endoscopy images.</p>"
                    "<p><b>%2</b></p>"
                    "<p>Built with Qt %3, LibTorch, OpenCV and QCustomPlot. Free software under the GNU GPL, "
                    "version 3 or later, without any warranty.</p>")
                     .arg(QStringLiteral(VITSCOPE_VERSION), researchNotice().toHtmlEscaped(), QString::fromLatin1(qVersion())));
    box->setStandardButtons(QMessageBox::Ok);
    box->open();
}

} // namespace vitscope

#include "ui/user_guide.h"

#include "ui/icons.h"

#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QLocale>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace vitscope {

QString userGuideSource()
{
    const QString turkish = QStringLiteral(":/guide/guide_tr.html");
    return QLocale().language() == QLocale::Turkish && QFile::exists(turkish) ? turkish : QStringLiteral(":/guide/guide.html");
}

void showUserGuide(QWidget *parent)
{
    // One guide window: a second F1 brings the open one forward.
    if (auto *open = parent->findChild<QDialog *>(QStringLiteral("userGuide"))) {
        open->raise();
        open->activateWindow();
        return;
    }
    auto *dialog = new QDialog(parent);
    dialog->setObjectName(QStringLiteral("userGuide"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(QCoreApplication::translate("UserGuide", "vitscope user guide"));
    dialog->setWindowIcon(icon(IconId::Guide));
    auto *browser = new QTextBrowser;
    browser->setOpenLinks(false); // the guide links nowhere; nothing may reach for the network
    browser->setSource(QUrl(QStringLiteral("qrc") + userGuideSource()));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::close);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(browser);
    layout->addWidget(buttons);
    dialog->resize(760, 820);
    dialog->show();
}

} // namespace vitscope

#include "ui/dialog_folders.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

namespace vitscope {
namespace {

QString settingsKey(DialogKind kind)
{
    switch (kind) {
    case DialogKind::Model:
        return QStringLiteral("dialogs/model");
    case DialogKind::Run:
        return QStringLiteral("dialogs/run");
    case DialogKind::Dataset:
        return QStringLiteral("dialogs/dataset");
    case DialogKind::Images:
        return QStringLiteral("dialogs/images");
    case DialogKind::Frames:
        return QStringLiteral("dialogs/frames");
    case DialogKind::Export:
        return QStringLiteral("dialogs/export");
    }
    return {};
}

} // namespace

QString dialogFolder(DialogKind kind)
{
    const QString last = QSettings().value(settingsKey(kind)).toString();
    if (!last.isEmpty() && QFileInfo(last).isDir())
        return last;
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (kind == DialogKind::Export && !documents.isEmpty() && QFileInfo(documents).isDir())
        return documents;
    return QDir::homePath();
}

QString exportPath(const QString &fileName)
{
    return QDir(dialogFolder(DialogKind::Export)).filePath(fileName);
}

void rememberDialogChoice(DialogKind kind, const QString &chosen)
{
    if (chosen.isEmpty())
        return;
    const QFileInfo info(chosen);
    // A picked folder opens in its parent; a picked (or saved) file in its own folder.
    const QString folder = info.isDir() ? QFileInfo(info.absoluteFilePath()).absolutePath() : info.absolutePath();
    QSettings().setValue(settingsKey(kind), folder);
}

} // namespace vitscope

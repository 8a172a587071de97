#pragma once
// Where the file dialogs open: the folder last picked in a dialog of the same kind (QSettings
// dialogs/<kind>), else the home folder (Documents for exports), never the process's working
// folder, which a desktop launcher sets to / or to the home folder as it pleases.
#include <QString>

namespace vitscope {

enum class DialogKind { Model, Run, Dataset, Images, Frames, Export };

QString dialogFolder(DialogKind kind);
// A save dialog's proposal: the file name in dialogFolder(Export).
QString exportPath(const QString &fileName);
// After the user picked `chosen`: a folder opens next time beside it (in its parent), so that its
// siblings are in sight; a file's own folder opens.
void rememberDialogChoice(DialogKind kind, const QString &chosen);

} // namespace vitscope

#pragma once
// The icons drawn for vitscope (resources/icons), embedded by resources/vitscope.qrc.
#include <QIcon>

namespace vitscope {

enum class IconId { App, Dataset, Train, Evaluate, Predict, Review, Start, Open, Model, Download, Run, Stop, Export, Guide, About };

// The icon at every size it was rendered at (16 to 96 px; the application icon 16 to 256 px).

QIcon icon(IconId id);

} // namespace vitscope

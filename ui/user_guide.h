#pragma once
// Help -> User guide: the short guide shipped with the program (resources/guide), in the interface's
// language, shown in a window of its own. No network, no browser.
class QWidget;
class QString;

namespace vitscope {

QString userGuideSource(); // the guide's resource path for the current language
void showUserGuide(QWidget *parent);

} // namespace vitscope

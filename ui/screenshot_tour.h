#pragma once
// vitscope --screenshot DIR: the app's tour as a user would take it on the demo data (scan the
// data set, train the demo recipe, review the test confusion matrix, predict one frame with the
// trained model), saving a PNG of each view into DIR, then quitting.
#include <QString>

namespace vitscope {

class MainWindow;

// Connects the tour to `window`'s signals; it starts once the data set scan is done.
void startScreenshotTour(MainWindow &window, const QString &out, const QString &demoData);

} // namespace vitscope

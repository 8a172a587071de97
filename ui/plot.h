#pragma once
// QCustomPlot, for every file that draws a chart. Its header spells Qt's keywords (signals,
// foreach), which this project turns off (QT_NO_KEYWORDS, so that Qt and LibTorch headers mix in
// any order): they are mapped to the macros for this one header.
#define signals Q_SIGNALS
#define slots Q_SLOTS
#define foreach Q_FOREACH
#include <qcustomplot.h>
#undef signals
#undef slots
#undef foreach

#pragma once
// Why an image file cannot be used (or what was converted), in the user's language. The decoder
// (core/data/image_io.cpp, no Qt) words its reasons in English for the CLI and the run files; the
// views show them through this table. A reason it does not know is shown as it is.
#include <QString>

namespace vitscope {

QString imageReasonText(const QString &reason);

} // namespace vitscope

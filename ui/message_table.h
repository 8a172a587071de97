#pragma once
// The core (no Qt) words its messages in English, for the CLI and the run files; the views show
// them in the user's language through tables of these: the English wording, anchored, and its
// translation. A message no table knows is shown as it is.
#include <QList>
#include <QRegularExpression>
#include <QString>

#include <functional>

namespace vitscope {

struct MessagePattern {
    QRegularExpression pattern;
    std::function<QString(const QRegularExpressionMatch &)> text;
};

// A message that is always worded the same; `context` and `translated` as marked with QT_TRANSLATE_NOOP.
MessagePattern fixedMessage(const char *english, const char *context, const char *translated);
// A message with parts that vary: `re` is a regular expression, `text` makes the translation from its captures.
MessagePattern patternMessage(const char *re, std::function<QString(const QRegularExpressionMatch &)> text);
QString translateMessage(const QList<MessagePattern> &table, const QString &message);

} // namespace vitscope

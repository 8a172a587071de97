#include "ui/message_table.h"

#include <QCoreApplication>

namespace vitscope {

MessagePattern fixedMessage(const char *english, const char *context, const char *translated)
{
    return {QRegularExpression(QLatin1Char('^') + QRegularExpression::escape(QString::fromUtf8(english)) + QLatin1Char('$')),
            [context, translated](const QRegularExpressionMatch &) { return QCoreApplication::translate(context, translated); }};
}

MessagePattern patternMessage(const char *re, std::function<QString(const QRegularExpressionMatch &)> text)
{
    return {QRegularExpression(QString::fromUtf8(re)), std::move(text)};
}

QString translateMessage(const QList<MessagePattern> &table, const QString &message)
{
    for (const MessagePattern &m : table)
        if (const auto match = m.pattern.match(message); match.hasMatch())
            return m.text(match);
    return message;
}

} // namespace vitscope

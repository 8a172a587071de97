#include "ui/icons.h"

#include <QString>

namespace vitscope {

namespace {

const char *iconName(IconId id)
{
    switch (id) {
    case IconId::App: return "vitscope";
    case IconId::Dataset: return "dataset";
    case IconId::Train: return "train";
    case IconId::Evaluate: return "evaluate";
    case IconId::Predict: return "predict";
    case IconId::Review: return "review";
    case IconId::Start: return "start";
    case IconId::Open: return "open";
    case IconId::Model: return "model";
    case IconId::Download: return "download";
    case IconId::Run: return "run";
    case IconId::Stop: return "stop";
    case IconId::Export: return "export";
    case IconId::Guide: return "guide";
    case IconId::About: return "about";
    }
    return "";
}

} // namespace

QIcon icon(IconId id)
{
    QIcon result;
    const QString name = QString::fromLatin1(iconName(id));
    if (id == IconId::App) {
        for (int s : {16, 22, 24, 32, 48, 64, 128, 256})
            result.addFile(QStringLiteral(":/icons/hicolor/%1x%1/vitscope.png").arg(s), QSize(s, s));
        return result;
    }
    for (int s : {16, 24, 32, 48, 96})
        result.addFile(QStringLiteral(":/icons/actions/%1-%2.png").arg(name).arg(s), QSize(s, s));
    return result;
}

} // namespace vitscope

#include "ui/start_page.h"

#include "ui/csv_export.h"
#include "ui/icons.h"

#include <QFrame>
#include <QGridLayout>
#include <QKeySequence>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QVBoxLayout>

namespace vitscope {

namespace {

// A large button: icon, title and a line saying what it does, in one frame.
QPushButton *bigAction(IconId id, const QString &title, const QString &detail)
{
    auto *b = new QPushButton;
    b->setIcon(icon(id));
    b->setIconSize(QSize(48, 48));
    b->setText(title);
    b->setToolTip(detail);
    b->setMinimumHeight(72);
    b->setStyleSheet(QStringLiteral("QPushButton { text-align: left; padding: 10px 16px; font-size: 13pt; }"));
    return b;
}

QLabel *wrapped(const QString &text)
{
    auto *l = new QLabel(text);
    l->setWordWrap(true);
    return l;
}

QString shortcutTable()
{
    auto key = [](const QKeySequence &k) { return k.toString(QKeySequence::NativeText).toHtmlEscaped(); };
    const QList<QPair<QString, QString>> rows = {
        {key(QKeySequence(Qt::CTRL | Qt::Key_1)) + QStringLiteral(" … ") + key(QKeySequence(Qt::CTRL | Qt::Key_5)),
         StartPage::tr("Dataset, Train, Evaluate, Predict and Review views")},
        {key(QKeySequence::HelpContents), StartPage::tr("User guide")},
        {StartPage::tr("Drop images"), StartPage::tr("Predict them (a folder opens as a data set)")},
        {QStringLiteral("1 … 9, X, ") + StartPage::tr("Space"), StartPage::tr("Review: give a class, exclude, keep")},
        {key(QKeySequence::Undo) + QStringLiteral(", ") + key(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z)), StartPage::tr("Review: undo, redo")},
        {key(QKeySequence::Quit), StartPage::tr("Quit")},
    };
    QString html = QStringLiteral("<table cellspacing='0' cellpadding='3'>");
    for (const auto &[k, what] : rows)
        html += QStringLiteral("<tr><td><b>%1</b></td><td>&nbsp;&nbsp;%2</td></tr>").arg(k, what.toHtmlEscaped());
    return html + QStringLiteral("</table>");
}

} // namespace

StartPage::StartPage(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("startPage"));
    auto *logo = new QLabel;
    logo->setPixmap(icon(IconId::App).pixmap(QSize(64, 64)));
    auto *title = new QLabel(tr("<h1>Welcome to vitscope</h1>"));
    auto *subtitle = wrapped(tr("Classify endoscopy images with a Vision Transformer, fine-tune it on your own images, "
                                "see how far its percentages can be trusted, and fix the labels it finds doubtful."));
    auto *header = new QGridLayout;
    header->addWidget(logo, 0, 0, 2, 1, Qt::AlignTop);
    header->addWidget(title, 0, 1);
    header->addWidget(subtitle, 1, 1);
    header->setColumnStretch(1, 1);

    m_demo = bigAction(IconId::Start, tr("Try the demo data"),
                       tr("A small set of synthetic frames and a tiny model that come with vitscope: every view in a minute, nothing to download."));
    m_dataset = bigAction(IconId::Dataset, tr("Open my data set…"),
                          tr("A folder with one sub-folder of images per class (JPEG, PNG, BMP, TIFF or WebP)."));
    m_pretrained = bigAction(IconId::Download, tr("Get a pretrained model…"),
                             tr("A Vision Transformer from the Hugging Face Hub (or already on this computer) to fine-tune or to predict with."));
    connect(m_demo, &QPushButton::clicked, this, &StartPage::demoRequested);
    connect(m_dataset, &QPushButton::clicked, this, &StartPage::openDatasetRequested);
    connect(m_pretrained, &QPushButton::clicked, this, &StartPage::pretrainedRequested);

    auto *actions = new QGridLayout;
    actions->addWidget(m_demo, 0, 0);
    actions->addWidget(wrapped(m_demo->toolTip()), 0, 1);
    actions->addWidget(m_dataset, 1, 0);
    auto *datasetHelp = new QVBoxLayout;
    datasetHelp->addWidget(wrapped(m_dataset->toolTip()));
    datasetHelp->addWidget(new FolderDiagram);
    actions->addLayout(datasetHelp, 1, 1);
    actions->addWidget(m_pretrained, 2, 0);
    actions->addWidget(wrapped(m_pretrained->toolTip()), 2, 1);
    actions->setColumnStretch(1, 1);
    actions->setHorizontalSpacing(18);
    actions->setVerticalSpacing(14);

    auto *notice = wrapped(researchNotice());
    notice->setObjectName(QStringLiteral("startResearchNotice"));
    notice->setStyleSheet(QStringLiteral("font-weight: bold;"));
    auto *shortcuts = new QLabel(shortcutTable());
    shortcuts->setObjectName(QStringLiteral("startShortcuts"));

    auto *column = new QVBoxLayout;
    column->addLayout(header);
    column->addSpacing(16);
    column->addLayout(actions);
    column->addSpacing(16);
    column->addWidget(notice);
    column->addSpacing(8);
    column->addWidget(new QLabel(tr("<b>Keyboard</b>")));
    column->addWidget(shortcuts);
    column->addWidget(wrapped(tr("This page is always under Help → Start page.")));
    column->addStretch(1);
    // A readable column in the middle of a wide window.
    auto *outer = new QHBoxLayout(this);
    outer->addStretch(1);
    outer->addLayout(column, 6);
    outer->addStretch(1);
}

FolderDiagram::FolderDiagram(QWidget *parent) : QWidget(parent)
{
    setAccessibleName(tr("Folder layout of a data set: my-data, and in it polyps, normal-cecum and esophagitis, each holding images"));
}

QSize FolderDiagram::sizeHint() const
{
    const int line = fontMetrics().height() + 6, iconSize = fontMetrics().height();
    const int nameWidth = fontMetrics().horizontalAdvance(QStringLiteral("normal-cecum/"));
    return QSize(iconSize / 2 + 28 + iconSize + nameWidth + 4 * (iconSize + 6), 4 * line + 4);
}

void FolderDiagram::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const int line = fontMetrics().height() + 6, iconSize = fontMetrics().height();
    const QPixmap folder = icon(IconId::Dataset).pixmap(QSize(iconSize, iconSize));
    const QColor text = palette().color(QPalette::WindowText), accent = palette().color(QPalette::Highlight);
    p.setPen(text);
    p.drawPixmap(0, 2, folder);
    p.drawText(QRect(iconSize + 6, 0, width(), line), Qt::AlignVCenter, tr("my-data/"));
    // The class names stay in English on purpose: they are the folder names of the demo and of Kvasir.
    const QStringList classes = {QStringLiteral("polyps/"), QStringLiteral("normal-cecum/"), QStringLiteral("esophagitis/")};
    const int indent = iconSize / 2, nameWidth = fontMetrics().horizontalAdvance(QStringLiteral("normal-cecum/"));
    for (int i = 0; i < classes.size(); ++i) {
        const int y = (i + 1) * line;
        p.setPen(QPen(text, 1));
        p.drawLine(indent, y - line / 2 + 4, indent, y + line / 2);
        p.drawLine(indent, y + line / 2, indent + 10, y + line / 2);
        p.drawPixmap(indent + 14, y + 3, folder);
        p.drawText(QRect(indent + 20 + iconSize, y, nameWidth + 8, line), Qt::AlignVCenter, classes[i]);
        // A few image files in each class folder.
        for (int k = 0; k < 4; ++k) {
            const QRect r(indent + 28 + iconSize + nameWidth + k * (iconSize + 6), y + 4, iconSize, line - 8);
            p.setPen(QPen(accent, 1));
            p.setBrush(QColor(accent.red(), accent.green(), accent.blue(), 60));
            p.drawRoundedRect(r, 2, 2);
        }
    }
}

} // namespace vitscope

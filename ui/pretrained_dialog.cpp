#include "ui/pretrained_dialog.h"

#include "job/estimate.h"
#include "session/hub_model.h"
#include "ui/estimate_panel.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QVBoxLayout>

#include <algorithm>

namespace vitscope {
namespace {

enum Column { Model, Parameters, Download, Here, Estimate, Columns };

QString describe(const QString &repo)
{
    if (repo == QLatin1String("google/vit-base-patch16-224-in21k"))
        return PretrainedDialog::tr("ViT-B/16 pretrained on ImageNet-21k, without a classifier: the notebook's starting point.");
    if (repo == QLatin1String("google/vit-base-patch16-224"))
        return PretrainedDialog::tr("ViT-B/16 pretrained on ImageNet-21k and fine-tuned on ImageNet-1k (its 1000-class head is replaced).");
    if (repo == QLatin1String("facebook/deit-small-patch16-224"))
        return PretrainedDialog::tr("DeiT-S: a ViT a quarter the size of ViT-B/16, trained on ImageNet-1k; about 4x faster to fine-tune.");
    if (repo == QLatin1String("facebook/deit-tiny-patch16-224"))
        return PretrainedDialog::tr("DeiT-Ti: the smallest ViT here, about 15x faster than ViT-B/16; expect lower accuracy.");
    return {};
}

QString millions(int64_t n)
{
    return PretrainedDialog::tr("%1 M").arg(QLocale().toString(static_cast<double>(n) / 1e6, 'f', 1));
}

// The fastest precision of each mode, in total time, on one line.
QString summary(const JobEstimate &e)
{
    QStringList parts;
    for (const FineTune::Mode mode : {FineTune::Mode::Head, FineTune::Mode::LastBlocks, FineTune::Mode::Full}) {
        const ModeEstimate *best = nullptr;
        for (const auto &m : e.modes)
            if (m.fineTune.mode == mode && (!best || m.totalSeconds < best->totalSeconds))
                best = &m;
        if (best)
            parts << PretrainedDialog::tr("%1: %2").arg(fineTuneModeText(best->fineTune), estimateDuration(best->totalSeconds));
    }
    return parts.join(QStringLiteral(" · "));
}

} // namespace

PretrainedDialog::PretrainedDialog(std::function<JobConfig()> config, QWidget *parent)
    : QDialog(parent), m_config(std::move(config)), m_scratch(std::make_unique<QTemporaryDir>())
{
    setWindowTitle(tr("Get a pretrained model"));
    const auto catalogue = pretrainedCatalogue();
    m_table = new QTableWidget(static_cast<int>(catalogue.size()), Columns);
    m_table->setHorizontalHeaderLabels({tr("Model"), tr("Parameters"), tr("Download"), tr("On this computer"), tr("Estimated training time")});
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->setVisible(false);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    for (int r = 0; r < static_cast<int>(catalogue.size()); ++r) {
        const PretrainedModel &m = catalogue[r];
        const QString local = findLocalModel(m.repo);
        const QList<QString> cells = {m.repo, millions(m.architecture.parameterCount(0)),
                                      tr("about %1 MB").arg(m.downloadBytes() / 1000000), local.isEmpty() ? tr("no") : tr("yes"),
                                      tr("not estimated")};
        for (int c = 0; c < Columns; ++c) {
            auto *item = new QTableWidgetItem(cells[c]);
            item->setToolTip(c == Here && !local.isEmpty() ? local : describe(m.repo));
            m_table->setItem(r, c, item);
        }
    }
    m_other = new QLineEdit;
    m_other->setPlaceholderText(tr("owner/name, e.g. google/vit-large-patch16-224"));
    m_other->setToolTip(tr("Any Hub repository whose config.json has model_type \"vit\" and whose weights are in model.safetensors."));
    m_status = new QLabel;
    m_status->setWordWrap(true);
    m_estimate = new QPushButton(tr("E&stimate for my data"));
    m_estimate->setToolTip(tr("Times a few training steps of the selected architecture on this computer, for the data set open in the "
                              "Train view (a few minutes for ViT-B/16 on a CPU)."));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    m_get = buttons->addButton(tr("&Get"), QDialogButtonBox::AcceptRole);
    buttons->addButton(m_estimate, QDialogButtonBox::ActionRole);

    auto *form = new QFormLayout;
    form->addRow(tr("&Other repository:"), m_other);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_estimate, &QPushButton::clicked, this, &PretrainedDialog::estimateSelected);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &PretrainedDialog::updateState);
    connect(m_other, &QLineEdit::textChanged, this, &PretrainedDialog::updateState);
    selectRow(0);
    // Rows at their height, no empty band below them; wide enough for a one-line estimate.
    m_table->setMaximumHeight(m_table->horizontalHeader()->sizeHint().height() +
                              (m_table->rowCount() + 1) * m_table->verticalHeader()->defaultSectionSize());
    resize(std::max(sizeHint().width(), 1100), sizeHint().height());
}

PretrainedDialog::~PretrainedDialog() = default;

QString PretrainedDialog::chosenRepo() const
{
    const QString typed = m_other->text().trimmed();
    if (!typed.isEmpty())
        return typed;
    const int row = m_table->currentRow();
    return row >= 0 ? m_table->item(row, Model)->text() : QString();
}

void PretrainedDialog::selectRow(int row)
{
    m_table->selectRow(row);
    updateState();
}

QString PretrainedDialog::estimateText(int row) const
{
    return m_table->item(row, Estimate)->text();
}

void PretrainedDialog::updateState()
{
    const QString typed = m_other->text().trimmed();
    const bool typedValid = typed.isEmpty() || isHubRepoId(typed);
    m_get->setEnabled(!chosenRepo().isEmpty() && typedValid);
    m_estimate->setEnabled(typed.isEmpty() && m_table->currentRow() >= 0);
    if (!typedValid)
        m_status->setText(tr("A Hub repository id has the form owner/name."));
    else if (!typed.isEmpty())
        m_status->setText(tr("%1 is checked when its config.json arrives: only ViTs (model_type \"vit\") are accepted.").arg(typed));
    else if (m_table->currentRow() >= 0)
        m_status->setText(describe(chosenRepo()));
}

void PretrainedDialog::estimateSelected()
{
    const int row = m_table->currentRow();
    if (row < 0)
        return;
    const PretrainedModel model = pretrainedCatalogue().at(row);
    JobConfig config = m_config();
    // The downloaded model when there is one (its cached features count); before the download, a
    // config-only folder of the same architecture (random weights time the same).
    config.model = findLocalModel(model.repo).toStdString();
    if (config.model.empty()) {
        const QString folder = m_scratch->filePath(QString(model.repo).replace(QLatin1Char('/'), QStringLiteral("--")));
        QDir().mkpath(folder);
        QFile file(QDir(folder).filePath(QStringLiteral("config.json")));
        if (!file.open(QIODevice::WriteOnly) || file.write(QByteArray::fromStdString(viTConfigToJson(model.architecture))) < 0) {
            m_status->setText(tr("Cannot write %1").arg(file.fileName()));
            return;
        }
        config.model = folder.toStdString();
    }
    if (config.data.data.empty()) {
        m_status->setText(tr("Open a data set first: the estimate is for its number of images."));
        return;
    }
    m_estimate->setEnabled(false);
    m_table->item(row, Estimate)->setText(tr("timing a few steps…"));
    estimateInBackground(this, config, [this, row](const JobEstimate *e, const QString &error) {
        m_table->item(row, Estimate)->setText(e ? summary(*e) : tr("no estimate"));
        m_table->item(row, Estimate)->setToolTip(e ? tr("%1; %2 training images").arg(QString::fromStdString(e->device)).arg(e->train) : error);
        if (!e)
            m_status->setText(tr("No estimate: %1").arg(error));
        m_table->resizeRowsToContents();
        updateState();
        Q_EMIT estimated(row);
    });
}

} // namespace vitscope

#include "ui/estimate_panel.h"

#include "job/estimate.h"
#include "ui/core_messages.h"

#include <QFutureWatcher>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <memory>

namespace vitscope {
namespace {

// The estimate, or the reason there is none.
struct Outcome {
    std::shared_ptr<JobEstimate> estimate;
    QString error;
};

} // namespace

QString estimateDuration(double seconds)
{
    const auto s = static_cast<qint64>(seconds + 0.5);
    if (s < 60)
        return EstimatePanel::tr("%n s", nullptr, static_cast<int>(s));
    if (s < 3600)
        return EstimatePanel::tr("%1 min %2 s").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
    return EstimatePanel::tr("%1 h %2 min").arg(s / 3600).arg(s / 60 % 60, 2, 10, QLatin1Char('0'));
}

QString fineTuneModeText(const FineTune &f)
{
    switch (f.mode) {
    case FineTune::Mode::Full:
        return EstimatePanel::tr("Whole network");
    case FineTune::Mode::LastBlocks:
        // The Train form's words for its choices ("Last block", "Last 2 blocks").
        return f.blocks == 1 ? EstimatePanel::tr("Last block") : EstimatePanel::tr("Last %1 blocks").arg(f.blocks);
    case FineTune::Mode::Head:
        return EstimatePanel::tr("Classifier only");
    }
    return {};
}

void estimateInBackground(QObject *context, const JobConfig &config,
                          std::function<void(const JobEstimate *estimate, const QString &error)> done)
{
    auto *watcher = new QFutureWatcher<Outcome>(context);
    QObject::connect(watcher, &QFutureWatcher<Outcome>::finished, context, [watcher, done = std::move(done)] {
        const Outcome o = watcher->result();
        watcher->deleteLater();
        done(o.estimate.get(), o.error);
    });
    watcher->setFuture(QtConcurrent::run([config] {
        Outcome o;
        try {
            o.estimate = std::make_shared<JobEstimate>(estimateJob(config));
        } catch (const std::exception &e) {
            o.error = QString::fromStdString(e.what());
        }
        return o;
    }));
}

EstimatePanel::EstimatePanel(std::function<JobConfig()> config, QWidget *parent) : QWidget(parent), m_config(std::move(config))
{
    m_button = new QPushButton(tr("Estimate how long it ta&kes"));
    m_button->setToolTip(tr("Times a few training steps of this model on this computer for each way of fine-tuning, and "
                            "says how long the whole run would take (what is already cached counts). Takes a few minutes for ViT-B/16 on a CPU."));
    m_status = new QLabel; // one line (the whole text is its tooltip), so the recipe above keeps its height
    m_status->setMinimumWidth(1);
    m_table = new QTableWidget(0, 4);
    m_table->setHorizontalHeaderLabels({tr("Fine-tune"), tr("Precision"), tr("Per epoch"), tr("Total")});
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->setVisible(false);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setVisible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_button);
    layout->addWidget(m_status);
    layout->addWidget(m_table);
    layout->addStretch(1);
    connect(m_button, &QPushButton::clicked, this, &EstimatePanel::estimate);
}

int EstimatePanel::rowCount() const
{
    return m_table->rowCount();
}

void EstimatePanel::estimate()
{
    m_button->setEnabled(false);
    m_status->setText(tr("Timing a few steps on this computer…"));
    estimateInBackground(this, m_config(), [this](const JobEstimate *e, const QString &error) {
        m_button->setEnabled(true);
        if (e)
            show(*e);
        else
            m_status->setText(tr("No estimate: %1").arg(error));
        Q_EMIT estimated();
    });
}

void EstimatePanel::show(const JobEstimate &e)
{
    m_table->setRowCount(static_cast<int>(e.modes.size()));
    for (int r = 0; r < static_cast<int>(e.modes.size()); ++r) {
        const auto &m = e.modes[static_cast<std::size_t>(r)];
        m_table->setItem(r, 0, new QTableWidgetItem(fineTuneModeText(m.fineTune)));
        m_table->setItem(r, 1, new QTableWidgetItem(QString::fromUtf8(choiceName(m.precision).data())));
        m_table->setItem(r, 2, new QTableWidgetItem(estimateDuration(m.secondsPerEpoch)));
        auto *total = new QTableWidgetItem(estimateDuration(m.totalSeconds));
        if (m.oneTimeSeconds > 0.5)
            total->setToolTip(tr("including %1 once, to decode images and compute features not cached yet").arg(estimateDuration(m.oneTimeSeconds)));
        m_table->setItem(r, 3, total);
    }
    // Every row in sight (six at most): the Train view makes room for them, the recipe scrolling.
    m_table->setFixedHeight(m_table->horizontalHeader()->sizeHint().height() + m_table->rowCount() * m_table->verticalHeader()->defaultSectionSize() +
                            2 * m_table->frameWidth());
    m_table->setVisible(true);
    m_status->setText(tr("%1 · %2 training, %3 validation, %4 test images; %5 not cached yet.")
                          .arg(coreMessageText(QString::fromStdString(e.device)))
                          .arg(e.train)
                          .arg(e.val)
                          .arg(e.test)
                          .arg(e.uncachedImages));
    m_status->setToolTip(m_status->text());
}

} // namespace vitscope

// The Evaluate view's exports: the matrix as PNG, the tables as CSV, and the run report.
#include "ui/evaluate_view.h"

#include "session/run_report.h"
#include "ui/csv_export.h"
#include "ui/dialog_folders.h"
#include "ui/trust_text.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableView>
#include <QUrl>
#include <QtConcurrent>

namespace vitscope {

bool EvaluateView::exportMatrixPng(const QString &path) const
{
    // The figure as the user reads it, without the selection frame, and with the notice below.
    const QItemSelection selection = m_matrixView->selectionModel()->selection();
    const QModelIndex current = m_matrixView->currentIndex();
    m_matrixView->selectionModel()->clear();
    const QImage figure = m_matrixFigure->grab().toImage();
    m_matrixView->selectionModel()->setCurrentIndex(current, QItemSelectionModel::NoUpdate);
    m_matrixView->selectionModel()->select(selection, QItemSelectionModel::Select);
    const QString caption = tr("%1 of run %2").arg(m_part->currentText(), QFileInfo(m_results.runFolder).fileName());
    return withNoticeFooter(figure, caption).save(path, "PNG");
}

bool EvaluateView::exportTableCsv(const QString &path) const
{
    QVector<QStringList> records = {{QStringLiteral("class"), QStringLiteral("precision"), QStringLiteral("recall"),
                                     QStringLiteral("f1"), QStringLiteral("support")}};
    for (const auto &c : m_results.perClass)
        records.push_back({c.label, csvNumberText(c.precision), csvNumberText(c.recall), csvNumberText(c.f1), QString::number(c.support)});
    records.push_back({});
    records.push_back(QStringList{QStringLiteral("confusion (rows true, columns predicted)")} + m_results.labels);
    for (int r = 0; r < m_results.confusion.size(); ++r) {
        QStringList row = {m_results.labels.value(r)};
        for (int v : m_results.confusion[r])
            row << QString::number(v);
        records.push_back(row);
    }
    if (!m_results.images.isEmpty()) {
        // every image of the part, with the calibrated confidence, its set and the review flag
        const double alpha = loadTrustSettings().alpha;
        records.push_back({});
        records.push_back({QStringLiteral("path"), QStringLiteral("true_label"), QStringLiteral("predicted_label"), QStringLiteral("confidence"),
                           QStringLiteral("calibrated_confidence"), QStringLiteral("set_%1").arg(qRound(100 * (1 - alpha))), QStringLiteral("review")});
        for (const auto &img : m_results.images) {
            QStringList set;
            for (const int c : img.set)
                set << m_results.labels.value(c);
            records.push_back({img.relative, m_results.labels.value(img.trueLabel), m_results.labels.value(img.predicted), csvNumberText(img.confidence),
                               img.calibrated.isEmpty() ? QString() : csvNumberText(img.shownConfidence()),
                               img.calibrated.isEmpty() ? QString() : set.join(QLatin1Char(';')),
                               img.calibrated.isEmpty() ? QString() : img.review ? QStringLiteral("yes") : QStringLiteral("no")});
        }
    }
    return writeCsvFile(path, records);
}

void EvaluateView::writeReport()
{
    if (m_reportRunning || m_results.runFolder.isEmpty())
        return;
    m_reportRunning = true;
    m_report->setEnabled(false);
    const QString run = m_results.runFolder;
    const QString language = QLocale().name().startsWith(QLatin1String("tr")) ? QStringLiteral("tr") : QStringLiteral("en");
    m_summary->setText(tr("Writing the report of %1 (explanation examples take a few seconds)…").arg(QFileInfo(run).fileName()));
    // Off the GUI thread: the examples need forward and Grad-CAM passes of the run's best model.
    auto *watcher = new QFutureWatcher<RunReportOutcome>(this);
    connect(watcher, &QFutureWatcher<RunReportOutcome>::finished, this, [this, watcher, run] {
        const RunReportOutcome outcome = watcher->result();
        watcher->deleteLater();
        m_reportRunning = false;
        m_report->setEnabled(!m_results.runFolder.isEmpty());
        if (!outcome.error.isEmpty()) {
            m_summary->setText(tr("Cannot write the report: %1").arg(outcome.error));
            return;
        }
        const QString file = outcome.pdf.isEmpty() ? outcome.html : outcome.pdf;
        m_summary->setText(tr("Report written: <a href=\"%1\">%2</a> and %3.")
                               .arg(QUrl::fromLocalFile(file).toString(), QDir::toNativeSeparators(file).toHtmlEscaped(),
                                    QDir::toNativeSeparators(outcome.html).toHtmlEscaped()));
        Q_EMIT reportWritten(outcome.html, outcome.pdf);
        Q_EMIT exported(file);
    });
    watcher->setFuture(QtConcurrent::run(writeReportFor, run, language));
}

void EvaluateView::exportPng()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export confusion matrix"), exportPath(QStringLiteral("confusion.png")), tr("PNG images (*.png)"));
    rememberDialogChoice(DialogKind::Export, path);
    if (path.isEmpty())
        return;
    if (exportMatrixPng(path))
        Q_EMIT exported(path);
    else
        m_summary->setText(tr("Cannot write %1").arg(path));
}

void EvaluateView::exportCsv()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export per-class table"), exportPath(QStringLiteral("metrics.csv")), tr("CSV files (*.csv)"));
    rememberDialogChoice(DialogKind::Export, path);
    if (path.isEmpty())
        return;
    if (exportTableCsv(path))
        Q_EMIT exported(path);
    else
        m_summary->setText(tr("Cannot write %1").arg(path));
}

} // namespace vitscope

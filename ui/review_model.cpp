#include "ui/review_model.h"

#include "data/label_manifest.h"
#include "data/sha256.h"
#include "ui/theme.h"

#include <QFileInfo>
#include <QPixmap>

#include <algorithm>
#include <map>

namespace vitscope {

ReviewModel::ReviewModel(QObject *parent) : QAbstractListModel(parent)
{
    connect(&m_thumbnails, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &from, const QModelIndex &to) {
        for (int e = from.row(); e <= to.row(); ++e)
            if (const int r = rowOfEntry(e); r >= 0)
                Q_EMIT dataChanged(index(r), index(r), {Qt::DecorationRole});
    });
}

void ReviewModel::setEntries(const QStringList &classes, QVector<ReviewEntry> entries)
{
    beginResetModel();
    std::stable_sort(entries.begin(), entries.end(), [](const ReviewEntry &a, const ReviewEntry &b) { return a.score < b.score; });
    m_classes = classes;
    m_entries = std::move(entries);
    m_found.clear();
    QStringList paths;
    for (const auto &e : m_entries) {
        m_found << e.given;
        paths << e.path;
    }
    m_thumbnails.setFiles(paths, paths);
    m_pairGiven = m_pairSuggested = -1;
    rebuildRows();
    endResetModel();
}

bool ReviewModel::passes(const ReviewEntry &e) const
{
    const int i = static_cast<int>(&e - m_entries.data());
    if (m_pairGiven >= 0 && (m_found[i] != m_pairGiven || e.suggested != m_pairSuggested))
        return false;
    return m_state == StateFilter::All || (m_state == StateFilter::Reviewed) == e.reviewed;
}

void ReviewModel::rebuildRows()
{
    m_rows.clear();
    for (int i = 0; i < m_entries.size(); ++i)
        if (passes(m_entries[i]))
            m_rows << i;
}

void ReviewModel::setPairFilter(int given, int suggested)
{
    beginResetModel();
    m_pairGiven = given;
    m_pairSuggested = given >= 0 ? suggested : -1;
    rebuildRows();
    endResetModel();
}

void ReviewModel::setStateFilter(StateFilter filter)
{
    beginResetModel();
    m_state = filter;
    rebuildRows();
    endResetModel();
}

void ReviewModel::refresh(const LabelManifest &manifest)
{
    for (auto &e : m_entries) {
        const LabelState *st = manifest.state(e.relPath.toStdString());
        // New frames come without a content hash (nothing scanned them): read once, when a label
        // is first found for one, so that the label applies as it does to scanned images (an
        // unreadable file stays without one, and its label does not apply, as for a changed file).
        if (st)
            fillHash(e);
        // A file changed since its label was set keeps its folder's label, as the scan does.
        const bool applies = st && st->edit.sha256 == e.sha256.toStdString();
        e.reviewed = applies;
        e.excluded = applies && st->edit.excluded;
        e.given = applies && !e.excluded ? static_cast<int>(m_classes.indexOf(QString::fromStdString(st->edit.label))) : e.folderLabel;
    }
    const QVector<int> before = m_rows;
    rebuildRows();
    if (before != m_rows) {
        // Rows leave (reviewed under "unreviewed") or come back (undo): announce each change.
        const QVector<int> after = m_rows;
        m_rows = before;
        for (int r = static_cast<int>(m_rows.size()) - 1; r >= 0; --r)
            if (!after.contains(m_rows[r])) {
                beginRemoveRows({}, r, r);
                m_rows.remove(r);
                endRemoveRows();
            }
        for (int r = 0; r < after.size(); ++r)
            if (r >= m_rows.size() || m_rows[r] != after[r]) {
                beginInsertRows({}, r, r);
                m_rows.insert(r, after[r]);
                endInsertRows();
            }
    }
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0), index(static_cast<int>(m_rows.size()) - 1));
}

int ReviewModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QString ReviewModel::caption(const ReviewEntry &e) const
{
    // Two lines, so that neither label is elided away: the label now, then the model's suggestion
    // (or the decision taken).
    const QString given = e.given >= 0 ? tr("%1 %2").arg(m_classes.value(e.given), percentText(e.probabilities.value(e.given)))
                                       : tr("new frame");
    const QString suggested = m_classes.value(e.suggested);
    if (e.excluded)
        return QStringLiteral("%1\n✗ %2").arg(m_classes.value(e.folderLabel, tr("new frame")), tr("excluded"));
    if (e.reviewed)
        return QStringLiteral("%1\n✓ %2").arg(given, tr("reviewed"));
    if (e.given == e.suggested)
        return QStringLiteral("%1\n%2").arg(given, tr("(also the model's choice)"));
    return tr("%1\n→ %2 %3").arg(given, suggested, percentText(e.probabilities.value(e.suggested)));
}

QVariant ReviewModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int i = m_rows[index.row()];
    const ReviewEntry &e = m_entries[i];
    switch (role) {
    case Qt::DisplayRole:
        return caption(e);
    case Qt::ToolTipRole: {
        QStringList lines{QFileInfo(e.path).fileName()};
        lines << (e.given >= 0 ? tr("Label: %1 (%2)").arg(m_classes.value(e.given), percentText(e.probabilities.value(e.given), 1))
                               : tr("New frame, not labelled yet"));
        if (e.folderLabel >= 0 && e.given != e.folderLabel)
            lines << tr("Folder: %1").arg(e.folder);
        lines << tr("Suggested: %1 (%2)").arg(m_classes.value(e.suggested), percentText(e.probabilities.value(e.suggested), 1));
        lines << (e.reviewed ? tr("Reviewed") : tr("Not reviewed yet")) << e.path;
        return lines.join(QLatin1Char('\n'));
    }
    case Qt::DecorationRole:
        return m_thumbnails.data(m_thumbnails.index(i), Qt::DecorationRole);
    case PathRole:
        return e.path;
    case GivenRole:
        return e.given;
    case SuggestedRole:
        return e.suggested;
    case ReviewedRole:
        return e.reviewed;
    case ExcludedRole:
        return e.excluded;
    default:
        return {};
    }
}

void ReviewModel::fillHash(ReviewEntry &e)
{
    if (e.sha256.isEmpty())
        e.sha256 = QString::fromStdString(sha256File(e.path.toStdString()));
}

QString ReviewModel::contentHash(int row)
{
    ReviewEntry &e = m_entries[m_rows[row]];
    fillHash(e);
    return e.sha256;
}

int ReviewModel::reviewedCount() const
{
    return static_cast<int>(std::count_if(m_entries.begin(), m_entries.end(), [](const ReviewEntry &e) { return e.reviewed; }));
}

int ReviewModel::rowOfEntry(int entryIndex) const
{
    return static_cast<int>(m_rows.indexOf(entryIndex));
}

QVector<std::tuple<int, int, int>> ReviewModel::pairs() const
{
    std::map<std::pair<int, int>, int> counts;
    for (int i = 0; i < m_entries.size(); ++i)
        if (m_found[i] >= 0 && m_found[i] != m_entries[i].suggested)
            ++counts[{m_found[i], m_entries[i].suggested}];
    QVector<std::tuple<int, int, int>> out;
    for (const auto &[key, n] : counts)
        out.append({key.first, key.second, n});
    std::stable_sort(out.begin(), out.end(), [](const auto &a, const auto &b) { return std::get<2>(a) > std::get<2>(b); });
    return out;
}

} // namespace vitscope

#pragma once
// The Review view's queue: labelled images ranked by how probably their label is wrong, or new
// frames ranked by how uncertain the model is, as a list model with lazily decoded thumbnails.
// Labels and "reviewed" come from the label manifest (refresh() rereads them after every change),
// so undo, redo and another window's edits all show the same way.
#include "ui/thumbnail_model.h"

#include <QAbstractListModel>
#include <QVector>

namespace vitscope {

class LabelManifest;

struct ReviewEntry {
    QString path;    // absolute
    QString relPath; // relative to the data set root: the manifest's key
    QString sha256;
    QString folder;  // its class folder ("" for a new frame)
    int folderLabel = -1;
    int given = -1;  // the current label; -1 for a new frame not labelled yet
    int suggested = -1;
    QVector<double> probabilities;
    double score = 0; // ascending: the first needs a look most
    bool reviewed = false, excluded = false;
};

class ReviewModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Roles { PathRole = Qt::UserRole + 1, GivenRole, SuggestedRole, ReviewedRole, ExcludedRole };
    enum class StateFilter { All, Unreviewed, Reviewed };

    explicit ReviewModel(QObject *parent = nullptr);

    void setEntries(const QStringList &classes, QVector<ReviewEntry> entries); // sorted by score here
    const QStringList &classes() const { return m_classes; }
    // Rows with this (given, suggested) pair only; -1, -1: every pair. Matched on the labels the
    // review found (a relabelled image stays in its pair's list).
    void setPairFilter(int given, int suggested);
    void setStateFilter(StateFilter filter);
    QPair<int, int> pairFilter() const { return {m_pairGiven, m_pairSuggested}; }

    // Rereads labels and reviewed marks from the manifest; keeps the rows that still pass.
    void refresh(const LabelManifest &manifest);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    const ReviewEntry &entry(int row) const { return m_entries[m_rows[row]]; }
    QString contentHash(int row); // the entry's SHA-256; read from the file once for new frames, which come without one
    int entryCount() const { return static_cast<int>(m_entries.size()); }
    int reviewedCount() const;
    int rowOfEntry(int entryIndex) const; // -1 when filtered out
    int entryOfRow(int row) const { return m_rows[row]; }
    // The (given, suggested) pairs the review found, most frequent first, with their counts.
    QVector<std::tuple<int, int, int>> pairs() const;

private:
    void rebuildRows();
    static void fillHash(ReviewEntry &e);
    bool passes(const ReviewEntry &e) const;
    QString caption(const ReviewEntry &e) const;

    QStringList m_classes;
    QVector<ReviewEntry> m_entries;
    QVector<int> m_found;  // the given label of each entry when the review ran (the pair filter)
    QVector<int> m_rows;   // entry indices that pass the filters, in score order
    int m_pairGiven = -1, m_pairSuggested = -1;
    StateFilter m_state = StateFilter::All;
    ThumbnailModel m_thumbnails; // decoding and cache, by entry index
};

} // namespace vitscope

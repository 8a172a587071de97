#pragma once
// Classes of a scanned data set with their image counts (a list model for the Dataset view).
#include <QAbstractListModel>
#include <QVector>

#include <array>

namespace vitscope {

class ClassCountModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Roles { CountRole = Qt::UserRole + 1, NestedRole };
    struct Entry {
        QString name;
        int count = 0;
        int nested = 0;
        int train = -1, val = -1, test = -1; // per-part counts once a split is known
    };
    using QAbstractListModel::QAbstractListModel;

    void setEntries(const QVector<Entry> &entries);
    void setSplitCounts(const QVector<std::array<int, 3>> &counts); // per class: train, val, test
    const QVector<Entry> &entries() const { return m_entries; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    QVector<Entry> m_entries;
};

} // namespace vitscope

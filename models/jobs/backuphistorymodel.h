#pragma once

#include "jobs/backuphistory.h"

#include <QAbstractItemModel>
#include <QHash>

namespace strata::models {

// The backup history as a tree: server > database > entries, newest first, each entry with its
// state. Values only: the view loads the entries through core and hands them over.
class BackupHistoryModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { When, State, What, Format, Size, Took, Tool, MadeBy, Path, ColumnCount };
    enum Role { EntryIdRole = Qt::UserRole + 1, OutcomeRole };

    explicit BackupHistoryModel(QObject *parent = nullptr);

    // Groups the entries (as BackupCatalog::list orders them) and replaces the tree.
    void setEntries(const QList<core::BackupEntry> &entries);
    const core::BackupEntry *entry(const QModelIndex &index) const;
    // The index of an entry, or an invalid index when it is not there.
    QModelIndex indexOf(qint64 id) const;
    int entryCount() const { return int(m_entries.size()); }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString serverTitle(const QString &server);
    static QString durationText(qint64 ms);

private:
    // One row of the tree: a server, a database, or an entry (entry >= 0).
    struct Node
    {
        int parent = -1; // index in m_nodes; -1 for a server
        int row = 0;
        QList<int> children;
        int entry = -1; // index in m_entries
        QString title;
    };
    const Node *node(const QModelIndex &index) const;
    QVariant entryData(const core::BackupEntry &e, int column, int role) const;
    QVariant groupData(const Node &n, int column, int role) const;

    QList<core::BackupEntry> m_entries;
    QList<Node> m_nodes; // internalId() - 1 indexes this
    QList<int> m_servers; // the top rows
};

} // namespace strata::models

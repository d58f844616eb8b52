#pragma once

#include "migrations/migrationhistory.h"

#include <QAbstractTableModel>

namespace strata::models {

// Every entry of every history (applied rows, then pending, missing and changed from the folder
// comparison) as one flat table. Values only: the page loads histories through core and hands
// them over with setHistories().
class MigrationEntryModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        Framework,
        Table,
        Version,
        Description,
        State,
        AppliedAt,
        Duration,
        AppliedBy,
        Checksum,
        Note,
        ColumnCount
    };
    enum Role { StateRole = Qt::UserRole + 1, HistoryIndexRole, FilePathRole, SortRole };

    struct Row
    {
        int history = -1;
        core::MigrationEntry entry;
    };

    explicit MigrationEntryModel(QObject *parent = nullptr);

    void setHistories(const QList<core::MigrationHistory> &histories);
    const QList<core::MigrationHistory> &histories() const { return m_histories; }
    const Row *rowAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QColor stateColor(core::MigrationState state);
    static QString formatDuration(qint64 ms);

private:
    QList<core::MigrationHistory> m_histories;
    QList<Row> m_rows;
};

} // namespace strata::models

#include "backuphistorymodel.h"

#include <QBrush>
#include <QColor>
#include <QFileInfo>
#include <QFont>
#include <QLocale>

namespace strata::models {

using core::BackupEntry;
using core::BackupOutcome;

BackupHistoryModel::BackupHistoryModel(QObject *parent) : QAbstractItemModel(parent) { }

QString BackupHistoryModel::serverTitle(const QString &server)
{
    return server.isEmpty() ? tr("server not recorded") : server;
}

QString BackupHistoryModel::durationText(qint64 ms)
{
    if (ms < 60000)
        return tr("%1 s").arg(ms / 1000.0, 0, 'f', 1);
    if (ms < 3600000)
        return tr("%1 min %2 s").arg(ms / 60000).arg((ms / 1000) % 60);
    return tr("%1 h %2 min").arg(ms / 3600000).arg((ms / 60000) % 60);
}

void BackupHistoryModel::setEntries(const QList<BackupEntry> &entries)
{
    beginResetModel();
    m_entries = entries;
    m_nodes.clear();
    m_servers.clear();
    QHash<QString, int> servers, databases; // title -> node
    for (int i = 0; i < m_entries.size(); ++i) {
        const BackupEntry &e = m_entries[i];
        const QString server = serverTitle(e.server);
        if (!servers.contains(server)) {
            servers.insert(server, int(m_nodes.size()));
            m_nodes.append({ -1, int(m_servers.size()), {}, -1, server });
            m_servers << int(m_nodes.size()) - 1;
        }
        const int s = servers.value(server);
        const QString dbKey = server + u'\n' + e.database;
        if (!databases.contains(dbKey)) {
            databases.insert(dbKey, int(m_nodes.size()));
            m_nodes.append({ s, int(m_nodes[s].children.size()), {}, -1,
                e.database.isEmpty() ? tr("database not recorded") : e.database });
            m_nodes[s].children << int(m_nodes.size()) - 1;
        }
        const int d = databases.value(dbKey);
        m_nodes.append({ d, int(m_nodes[d].children.size()), {}, i, {} });
        m_nodes[d].children << int(m_nodes.size()) - 1;
    }
    endResetModel();
}

const BackupHistoryModel::Node *BackupHistoryModel::node(const QModelIndex &index) const
{
    if (!index.isValid() || index.internalId() == 0
        || index.internalId() > quintptr(m_nodes.size()))
        return nullptr;
    return &m_nodes[int(index.internalId()) - 1];
}

const BackupEntry *BackupHistoryModel::entry(const QModelIndex &index) const
{
    const Node *n = node(index);
    return n && n->entry >= 0 ? &m_entries[n->entry] : nullptr;
}

QModelIndex BackupHistoryModel::indexOf(qint64 id) const
{
    for (int i = 0; i < m_nodes.size(); ++i)
        if (m_nodes[i].entry >= 0 && m_entries[m_nodes[i].entry].id == id)
            return createIndex(m_nodes[i].row, 0, quintptr(i + 1));
    return {};
}

QModelIndex BackupHistoryModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0)
        return {};
    const QList<int> &rows
        = parent.isValid() ? (node(parent) ? node(parent)->children : m_servers) : m_servers;
    if (parent.isValid() && !node(parent))
        return {};
    if (row >= rows.size())
        return {};
    return createIndex(row, column, quintptr(rows[row] + 1));
}

QModelIndex BackupHistoryModel::parent(const QModelIndex &child) const
{
    const Node *n = node(child);
    if (!n || n->parent < 0)
        return {};
    return createIndex(m_nodes[n->parent].row, 0, quintptr(n->parent + 1));
}

int BackupHistoryModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_servers.size());
    if (parent.column() != 0)
        return 0;
    const Node *n = node(parent);
    return n ? int(n->children.size()) : 0;
}

int BackupHistoryModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant BackupHistoryModel::headerData(int section, Qt::Orientation o, int role) const
{
    if (o != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case When:
        return tr("When");
    case State:
        return tr("State");
    case What:
        return tr("What");
    case Format:
        return tr("Format");
    case Size:
        return tr("Size");
    case Took:
        return tr("Took");
    case Tool:
        return tr("Tool");
    case MadeBy:
        return tr("Made by");
    case Path:
        return tr("File");
    }
    return {};
}

QVariant BackupHistoryModel::groupData(const Node &n, int column, int role) const
{
    if (role == Qt::DisplayRole && column == When)
        return n.title;
    if (role == Qt::DisplayRole && column == State) {
        int backups = 0, failed = 0;
        const QList<int> databases
            = n.parent < 0 ? n.children : QList<int> { int(&n - m_nodes.data()) };
        for (int d : databases)
            for (int c : m_nodes[d].children) {
                const BackupEntry &e = m_entries[m_nodes[c].entry];
                backups += e.isBackup() && !e.isDeleted() ? 1 : 0;
                failed += e.isBackup() ? 0 : 1;
            }
        const QString kept = backups == 1 ? tr("1 backup") : tr("%1 backups").arg(backups);
        if (failed == 0)
            return kept;
        return QString(
            kept + (failed == 1 ? tr(", 1 run failed") : tr(", %1 runs failed").arg(failed)));
    }
    if (role == Qt::FontRole && column == When) {
        QFont f;
        f.setBold(n.parent < 0);
        return f;
    }
    return {};
}

QVariant BackupHistoryModel::entryData(const BackupEntry &e, int column, int role) const
{
    if (role == EntryIdRole)
        return e.id;
    if (role == OutcomeRole)
        return int(e.outcome);
    if (role == Qt::ForegroundRole && column == State) {
        const QString s = e.stateText();
        if (!e.isBackup() || s == QLatin1String("file missing")
            || s == QLatin1String("file changed") || s == QLatin1String("damaged")
            || s == QLatin1String("restore test failed"))
            return QBrush(QColor(0xa0, 0, 0));
        if (s == QLatin1String("restore-tested"))
            return QBrush(QColor(0, 0x70, 0x20));
        return {};
    }
    if (role == Qt::ToolTipRole && column == State && !e.isBackup())
        return e.error;
    if (role == Qt::ToolTipRole && column == State && e.isDeleted())
        return e.deletedReason;
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case When:
        return QLocale().toString(e.started.toLocalTime(), QLocale::ShortFormat);
    case State:
        return e.stateText();
    case What:
        return e.what;
    case Format:
        return e.format;
    case Size:
        return e.isBackup() ? QLocale().formattedDataSize(e.size) : QString();
    case Took:
        return durationText(e.durationMs);
    case Tool: // "pg_dump (PostgreSQL) 15.18" -> "pg_dump 15.18"
        return QString(e.toolVersion).replace(QLatin1String(" (PostgreSQL)"), QString());
    case MadeBy:
        return e.origin.scheduled ? tr("schedule %1").arg(e.origin.name) : e.origin.name;
    case Path:
        return e.isBackup() ? QFileInfo(e.path).fileName() : e.error.section(u'\n', 0, 0);
    }
    return {};
}

QVariant BackupHistoryModel::data(const QModelIndex &index, int role) const
{
    const Node *n = node(index);
    if (!n)
        return {};
    if (n->entry < 0)
        return groupData(*n, index.column(), role);
    return entryData(m_entries[n->entry], index.column(), role);
}

} // namespace strata::models

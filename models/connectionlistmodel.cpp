#include "connectionlistmodel.h"

#include <QFont>

namespace strata::models {

namespace {
// Group rows carry internalId 0; connection rows carry their group + 1.
constexpr quintptr kGroupRow = 0;
} // namespace

ConnectionListModel::ConnectionListModel(QObject *parent) : QAbstractItemModel(parent) { }

void ConnectionListModel::replaceGroup(int group, QList<core::ConnectionProfile> entries)
{
    const QModelIndex parent = index(group, 0);
    if (!m_groups[group].isEmpty()) {
        beginRemoveRows(parent, 0, int(m_groups[group].size()) - 1);
        m_groups[group].clear();
        endRemoveRows();
    }
    if (!entries.isEmpty()) {
        beginInsertRows(parent, 0, int(entries.size()) - 1);
        m_groups[group] = std::move(entries);
        endInsertRows();
    }
    Q_EMIT dataChanged(parent, parent); // the group's count changed
}

void ConnectionListModel::setDemo(const QList<core::ConnectionProfile> &demo)
{
    replaceGroup(Demo, demo);
}

void ConnectionListModel::setProfiles(const QList<core::ConnectionProfile> &profiles)
{
    replaceGroup(Saved, profiles);
}

void ConnectionListModel::setServices(const QList<core::servicefile::Service> &services)
{
    QList<core::ConnectionProfile> entries;
    for (const auto &s : services) {
        core::ConnectionProfile p;
        p.id = QStringLiteral("service:") + s.name;
        p.name = s.name;
        p.service = s.name;
        entries.append(p);
    }
    replaceGroup(Services, entries);
}

void ConnectionListModel::setMigrationsDir(const QString &id, const QString &dir)
{
    for (int g = 0; g < GroupCount; ++g)
        for (int r = 0; r < m_groups[g].size(); ++r)
            if (m_groups[g][r].id == id) {
                m_groups[g][r].migrationsDir = dir;
                const QModelIndex idx = createIndex(r, 0, quintptr(g + 1));
                Q_EMIT dataChanged(idx, idx);
            }
}

void ConnectionListModel::addOpened(const core::ConnectionProfile &profile)
{
    if (indexOfProfile(profile.id).isValid())
        return;
    const QModelIndex parent = index(Opened, 0);
    const int row = int(m_groups[Opened].size());
    beginInsertRows(parent, row, row);
    m_groups[Opened].append(profile);
    endInsertRows();
    Q_EMIT dataChanged(parent, parent);
}

void ConnectionListModel::setConnectedId(const QString &id)
{
    const QModelIndex before = indexOfProfile(m_connectedId);
    m_connectedId = id;
    if (before.isValid())
        Q_EMIT dataChanged(before, before);
    const QModelIndex now = indexOfProfile(id);
    if (now.isValid())
        Q_EMIT dataChanged(now, now);
}

std::optional<core::ConnectionProfile> ConnectionListModel::profile(const QModelIndex &idx) const
{
    if (!idx.isValid() || idx.internalId() == kGroupRow)
        return std::nullopt;
    const auto &group = m_groups[idx.internalId() - 1];
    if (idx.row() >= group.size())
        return std::nullopt;
    return group.at(idx.row());
}

QModelIndex ConnectionListModel::indexOfProfile(const QString &id) const
{
    for (int g = 0; g < GroupCount; ++g)
        for (int r = 0; r < m_groups[g].size(); ++r)
            if (m_groups[g].at(r).id == id)
                return createIndex(r, 0, quintptr(g + 1));
    return {};
}

bool ConnectionListModel::isSavedProfile(const QModelIndex &idx) const
{
    return idx.isValid() && idx.internalId() == quintptr(Saved + 1);
}

QModelIndex ConnectionListModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column != 0 || row < 0)
        return {};
    if (!parent.isValid())
        return row < GroupCount ? createIndex(row, 0, kGroupRow) : QModelIndex();
    if (parent.internalId() != kGroupRow || row >= m_groups[parent.row()].size())
        return {};
    return createIndex(row, 0, quintptr(parent.row() + 1));
}

QModelIndex ConnectionListModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == kGroupRow)
        return {};
    return createIndex(int(child.internalId() - 1), 0, kGroupRow);
}

int ConnectionListModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return GroupCount;
    if (parent.column() != 0 || parent.internalId() != kGroupRow)
        return 0;
    return int(m_groups[parent.row()].size());
}

int ConnectionListModel::columnCount(const QModelIndex &) const
{
    return 1;
}

QVariant ConnectionListModel::data(const QModelIndex &idx, int role) const
{
    if (!idx.isValid())
        return {};
    if (idx.internalId() == kGroupRow) {
        static const char *names[GroupCount]
            = { QT_TR_NOOP("Demo"), QT_TR_NOOP("Saved connections"), QT_TR_NOOP("pg_service.conf"),
                  QT_TR_NOOP("Opened this session") };
        if (role == Qt::DisplayRole)
            return QStringLiteral("%1 (%2)")
                .arg(tr(names[idx.row()]))
                .arg(m_groups[idx.row()].size());
        if (role == GroupRole)
            return idx.row();
        return {};
    }
    const auto p = profile(idx);
    if (!p)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return p->name.isEmpty() ? p->displayTarget() : p->name;
    case Qt::ToolTipRole:
        return p->id == m_connectedId ? tr("%1 (connected)").arg(p->displayTarget())
                                      : p->displayTarget();
    case Qt::FontRole: {
        if (p->id != m_connectedId)
            return {};
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    case ConnectedRole:
        return p->id == m_connectedId;
    case ProfileIdRole:
        return p->id;
    case GroupRole:
        return int(idx.internalId() - 1);
    default:
        return {};
    }
}

Qt::ItemFlags ConnectionListModel::flags(const QModelIndex &idx) const
{
    if (!idx.isValid())
        return Qt::NoItemFlags;
    if (idx.internalId() == kGroupRow)
        return Qt::ItemIsEnabled;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable;
}

} // namespace strata::models

#pragma once

#include "db/connectionprofile.h"
#include "db/servicefile.h"

#include <QAbstractItemModel>

#include <optional>

namespace strata::models {

// The connections a person can open, in groups: the demo (when running), saved profiles, and
// the services of pg_service.conf. Two levels: group rows, then one row per connection.
class ConnectionListModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    // Opened: other databases of a server, opened from the schema tree during this run.
    enum Group { Demo = 0, Saved = 1, Services = 2, Opened = 3, GroupCount = 4 };
    enum Roles { ProfileIdRole = Qt::UserRole + 1, GroupRole, ConnectedRole };

    explicit ConnectionListModel(QObject *parent = nullptr);

    void setDemo(const QList<core::ConnectionProfile> &demo);
    void setProfiles(const QList<core::ConnectionProfile> &profiles);
    void setServices(const QList<core::servicefile::Service> &services);
    // A database opened from the tree: listed under "Opened this session" (once).
    void addOpened(const core::ConnectionProfile &profile);
    // The entry of the open connection, shown in bold with "connected" (empty: none).
    void setConnectedId(const QString &id);
    QString connectedId() const { return m_connectedId; }
    // Updates the folder on every entry with this id, in place (the selection stays).
    void setMigrationsDir(const QString &id, const QString &dir);

    std::optional<core::ConnectionProfile> profile(const QModelIndex &index) const;
    QModelIndex indexOfProfile(const QString &id) const;
    bool isSavedProfile(const QModelIndex &index) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    void replaceGroup(int group, QList<core::ConnectionProfile> entries);
    QList<core::ConnectionProfile> m_groups[GroupCount];
    QString m_connectedId;
};

} // namespace strata::models

#pragma once

#include "db/connectionprofile.h"
#include "db/serverinfo.h"

#include <QObject>
#include <QStringList>

#include <memory>

namespace strata::core {
class Connection;
class Preferences;
class PasswordStore;
class ProfileStore;
} // namespace strata::core

namespace strata::ui {

// What the window's parts share: the stores, the open connection, and the requests one part
// makes of another (the schema browser asks for a backup of a table). Parts call its methods;
// only it emits its signals. Built by the composition root (app/gui/main.cpp).
class AppContext : public QObject
{
    Q_OBJECT
public:
    AppContext(
        core::ProfileStore *profiles, core::PasswordStore *passwords, QObject *parent = nullptr);
    ~AppContext() override;

    core::ProfileStore *profiles() const { return m_profiles; }
    core::PasswordStore *passwords() const { return m_passwords; }
    // What the window remembers between runs (in the profiles' settings file; in memory when
    // there is no profile store).
    core::Preferences *preferences() const { return m_preferences.get(); }

    // The open connection, handed to feature services; null when not connected.
    std::shared_ptr<const core::Connection> connection() const { return m_connection; }
    bool isConnected() const { return bool(m_connection); }
    // The open connection's profile (with the migrations folder chosen since) and server.
    const core::ConnectionProfile &profile() const { return m_profile; }
    const core::ServerInfo &serverInfo() const { return m_info; }

    void setConnection(std::shared_ptr<const core::Connection> connection);
    void clearConnection();
    // The open connection's migrations folder: kept in its profile, saved with it when it is a
    // saved profile (only that field: an edit made meanwhile is not overwritten), and announced
    // so the connection list's copy follows.
    void setMigrationsDir(const QString &dir);

    // Requests a part makes of the others; the part that can do it listens to the signal.
    void requestBackup(const QStringList &qualifiedTables, const QStringList &schemas);
    void showPage(const QString &pageId);
    // Connect to another database of the same server, as the same role.
    void openDatabase(const QString &database);
    void reportStatus(const QString &text);
    void reportError(const QString &text);
    // Something changed what the server holds (a restore, a migration run): pages that show it
    // read it again. `database` is the one whose contents changed; `databasesChanged` when
    // databases were made or dropped.
    void reportServerChanged(const QString &database, bool databasesChanged);
    // Shows a table (or view) in the schema browser.
    void showObject(const QString &schema, const QString &name);
    // Opens the diagram page on a schema (table empty) or on a table and its neighbours.
    void requestDiagram(const QString &schema, const QString &table);

Q_SIGNALS:
    void connectionChanged();
    void migrationsDirChanged(const QString &profileId, const QString &dir);
    void backupRequested(const QStringList &qualifiedTables, const QStringList &schemas);
    void pageRequested(const QString &pageId);
    void databaseRequested(const QString &database);
    void statusMessage(const QString &text);
    void errorMessage(const QString &text);
    void serverChanged(const QString &database, bool databasesChanged);
    void objectRequested(const QString &schema, const QString &name);
    void diagramRequested(const QString &schema, const QString &table);

private:
    core::ProfileStore *m_profiles;
    core::PasswordStore *m_passwords;
    std::unique_ptr<core::Preferences> m_preferences;
    std::shared_ptr<const core::Connection> m_connection;
    core::ConnectionProfile m_profile;
    core::ServerInfo m_info;
};

} // namespace strata::ui

#pragma once

#include "db/connectionprofile.h"
#include "db/session.h"

#include <QObject>
#include <QStringList>

#include <memory>

namespace strata::core {
class PasswordStore;
class ProfileStore;
} // namespace strata::core

namespace strata::ui {

// What the window's parts share: the stores, the current connection, and requests one part makes
// of another (the schema browser asks the backup page to back up a table). Built by the
// composition root (app/gui/main.cpp); owned by the MainWindow.
class AppContext : public QObject
{
    Q_OBJECT
public:
    AppContext(core::ProfileStore *profiles, core::PasswordStore *passwords, QObject *parent = nullptr);

    core::ProfileStore *profiles() const { return m_profiles; }
    core::PasswordStore *passwords() const { return m_passwords; }

    // The open connection: its profile, the password it used (memory only), its browsing session.
    const core::ConnectionProfile &profile() const { return m_profile; }
    QString password() const { return m_password; }
    std::shared_ptr<core::Session> session() const { return m_session; }
    const core::ServerInfo &serverInfo() const { return m_info; }
    bool isConnected() const { return bool(m_session); }

    void setConnection(const core::ConnectionProfile &profile, const QString &password,
                       std::shared_ptr<core::Session> session, const core::ServerInfo &info);
    void clearConnection();
    // The open connection's migrations folder: kept in its profile, saved with it when it is a
    // saved profile (only that field: an edit made meanwhile is not overwritten), and announced
    // so the connection list's copy follows.
    void setMigrationsDir(const QString &dir);

Q_SIGNALS:
    void connectionChanged();
    void migrationsDirChanged(const QString &profileId, const QString &dir);
    // Cross-page requests; the page that can do it listens.
    void backupRequested(const QStringList &qualifiedTables, const QStringList &schemas);
    void showPageRequested(const QString &pageId);
    // Connect to another database of the same server, as the same role.
    void openDatabaseRequested(const QString &database);
    void statusMessage(const QString &text);
    void errorMessage(const QString &text);

private:
    core::ProfileStore *m_profiles;
    core::PasswordStore *m_passwords;
    core::ConnectionProfile m_profile;
    QString m_password;
    std::shared_ptr<core::Session> m_session;
    core::ServerInfo m_info;
};

} // namespace strata::ui

#include "appcontext.h"

#include "db/connection.h"
#include "db/preferences.h"
#include "db/profilestore.h"

namespace strata::ui {

AppContext::AppContext(
    core::ProfileStore *profiles, core::PasswordStore *passwords, QObject *parent)
    : QObject(parent), m_profiles(profiles), m_passwords(passwords),
      m_preferences(
          std::make_unique<core::Preferences>(profiles ? profiles->fileName() : QString()))
{
}

AppContext::~AppContext() = default;

void AppContext::setConnection(std::shared_ptr<const core::Connection> connection)
{
    m_connection = std::move(connection);
    m_profile = m_connection ? m_connection->profile() : core::ConnectionProfile {};
    m_info = m_connection ? m_connection->server() : core::ServerInfo {};
    Q_EMIT connectionChanged();
}

void AppContext::clearConnection()
{
    setConnection(nullptr);
}

void AppContext::setMigrationsDir(const QString &dir)
{
    if (!isConnected() || m_profile.migrationsDir == dir)
        return;
    m_profile.migrationsDir = dir;
    if (m_profiles && !m_profile.id.isEmpty()) {
        for (core::ConnectionProfile saved : m_profiles->load()) {
            if (saved.id == m_profile.id) {
                saved.migrationsDir = dir;
                m_profiles->save(saved);
                break;
            }
        }
    }
    Q_EMIT migrationsDirChanged(m_profile.id, dir);
}

void AppContext::requestBackup(const QStringList &qualifiedTables, const QStringList &schemas)
{
    // The page that answers is built, if it was not yet, before it is asked.
    Q_EMIT pageRequested(QStringLiteral("jobs"));
    Q_EMIT backupRequested(qualifiedTables, schemas);
}

void AppContext::showPage(const QString &pageId)
{
    Q_EMIT pageRequested(pageId);
}

void AppContext::openDatabase(const QString &database)
{
    if (isConnected() && !database.isEmpty() && database != m_profile.database)
        Q_EMIT databaseRequested(database);
}

void AppContext::reportStatus(const QString &text)
{
    Q_EMIT statusMessage(text);
}

void AppContext::reportError(const QString &text)
{
    Q_EMIT errorMessage(text);
}

void AppContext::reportServerChanged(const QString &database, bool databasesChanged)
{
    Q_EMIT serverChanged(database, databasesChanged);
}

void AppContext::showObject(const QString &schema, const QString &name)
{
    Q_EMIT pageRequested(QStringLiteral("schema"));
    Q_EMIT objectRequested(schema, name);
}

void AppContext::requestDiagram(const QString &schema, const QString &table)
{
    Q_EMIT pageRequested(QStringLiteral("diagram"));
    Q_EMIT diagramRequested(schema, table);
}

} // namespace strata::ui

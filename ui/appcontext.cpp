#include "appcontext.h"

#include "db/profilestore.h"

namespace strata::ui {

AppContext::AppContext(core::ProfileStore *profiles, core::PasswordStore *passwords, QObject *parent)
    : QObject(parent), m_profiles(profiles), m_passwords(passwords)
{
}

void AppContext::setConnection(const core::ConnectionProfile &profile, const QString &password,
                               std::shared_ptr<core::Session> session, const core::ServerInfo &info)
{
    m_profile = profile;
    m_password = password;
    m_session = std::move(session);
    m_info = info;
    Q_EMIT connectionChanged();
}

void AppContext::clearConnection()
{
    m_session.reset();
    m_password.clear();
    m_profile = {};
    m_info = {};
    Q_EMIT connectionChanged();
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

} // namespace strata::ui

#pragma once

#include "db/connectionprofile.h"
#include "db/serverinfo.h"
#include "result.h"

#include <QFuture>

#include <memory>

namespace strata::core {

class Session;
struct SessionOptions;

// What a session is for; the role decides its options (read-only or not, statement timeout,
// the application_name the server shows in pg_stat_activity).
enum class SessionRole {
    Browse, // the shared read-only session: catalog, overview, migration histories
    Statistics, // a full statistics refresh, read-only
    Sampler, // live samples and progress polls, read-only, beside a slow refresh
    Maintenance, // read-write, no statement timeout: VACUUM, ANALYZE, REFRESH, signalling backends
    Migrations, // read-write, no statement timeout: applying migration files
    Backup, // reading sizes for a backup's progress, no statement timeout
    Restore, // read-write, no statement timeout: creating databases, resetting sequences
    Monitor, // progress polls beside a running tool, short timeout
    Check, // one connect to see that a profile works
};

SessionOptions sessionOptionsFor(SessionRole role);

// One open connection to one database: the profile, the secret it was opened with and the
// server's facts. It hands out what the features need: sessions by role, and readers and jobs
// that connect the same way. The secret never leaves core: widgets hold a Connection (through
// AppContext) and ask services for values; they never see a password or a Session.
//
// A Connection is immutable once open and may be shared between threads.
class Connection
{
public:
    // Connects a browsing session and reads the server's facts. The future's error is the
    // connect error a person can act on (AuthFailed and PasswordRequired ask for a password).
    static QFuture<Result<std::shared_ptr<Connection>>> open(
        ConnectionProfile profile, QString secret);
    // Connects once with the Check role and reports the server's facts, keeping nothing.
    static QFuture<Result<ServerInfo>> test(ConnectionProfile profile, QString secret);

    // For tests and the CLI, which already hold an open session: wraps it.
    Connection(ConnectionProfile profile, QString secret, ServerInfo info,
        std::shared_ptr<Session> browse);
    ~Connection();
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    const ConnectionProfile &profile() const { return m_profile; }
    const ServerInfo &server() const { return m_info; }
    int serverMajor() const { return m_info.version.major(); }
    QString displayTarget() const { return m_profile.displayTarget(); }

    // The shared read-only session: every read a page makes goes through it, in order.
    std::shared_ptr<Session> browseSession() const { return m_browse; }
    // A new session of its own for work that must not queue behind the browsing reads.
    std::shared_ptr<Session> newSession(SessionRole role) const;
    // The same server and role on another database: a profile of this run only (its id says
    // which database, so the saved profile keeps its own).
    ConnectionProfile profileFor(const QString &database) const;
    QFuture<Result<std::shared_ptr<Connection>>> openDatabase(const QString &database) const;
    // A new session on another database of this server (the maintenance database of a restore
    // into a new one, a throwaway database of a restore test).
    std::shared_ptr<Session> newSessionOn(const QString &database, SessionRole role) const;

    // For core code that starts client tools (pg_dump, pg_restore, psql): they get the secret
    // through a temporary password file, never on a command line. Not for widgets.
    const QString &secretForTools() const { return m_secret; }

private:
    ConnectionProfile m_profile;
    QString m_secret;
    ServerInfo m_info;
    std::shared_ptr<Session> m_browse;
};

using ConnectionPtr = std::shared_ptr<const Connection>;

} // namespace strata::core

#include "connection.h"

#include "db/session.h"
#include "util/async.h"

namespace strata::core {

SessionOptions sessionOptionsFor(SessionRole role)
{
    SessionOptions o;
    switch (role) {
    case SessionRole::Browse:
        break;
    case SessionRole::Statistics:
    case SessionRole::Sampler:
        o.applicationName = QStringLiteral("strata statistics");
        break;
    case SessionRole::Maintenance:
        o.readOnly = false; // REFRESH MATERIALIZED VIEW refuses a read-only transaction
        o.statementTimeoutMs = 0; // a VACUUM takes as long as it takes
        o.applicationName = QStringLiteral("strata maintenance");
        break;
    case SessionRole::Migrations:
        o.readOnly = false;
        o.statementTimeoutMs = 0;
        o.applicationName = QStringLiteral("strata migrations");
        break;
    case SessionRole::Backup:
        o.statementTimeoutMs = 0;
        o.applicationName = QStringLiteral("strata-backup");
        break;
    case SessionRole::Restore:
        o.readOnly = false;
        o.statementTimeoutMs = 0;
        o.applicationName = QStringLiteral("strata-restore");
        break;
    case SessionRole::Monitor:
        o.statementTimeoutMs = 5000;
        o.applicationName = QStringLiteral("strata-monitor");
        break;
    case SessionRole::Check:
        o.connectTimeoutSec = 8;
        o.applicationName = QStringLiteral("strata check");
        break;
    }
    return o;
}

Connection::Connection(
    ConnectionProfile profile, QString secret, ServerInfo info, std::shared_ptr<Session> browse)
    : m_profile(std::move(profile)), m_secret(std::move(secret)), m_info(std::move(info)),
      m_browse(std::move(browse))
{
}

Connection::~Connection() = default;

QFuture<Result<std::shared_ptr<Connection>>> Connection::open(
    ConnectionProfile profile, QString secret)
{
    using R = Result<std::shared_ptr<Connection>>;
    auto session
        = std::make_shared<Session>(profile, secret, sessionOptionsFor(SessionRole::Browse));
    // The session's own thread opens it; the Connection is made there too (it only holds values)
    // and keeps the session, so the first read after connecting needs no second connect. The
    // task holds the session until then; a caller that gave up drops the future, and with it
    // the Connection, whose session then closes on its own thread.
    return session->runWithPromise<R>(
        [profile, secret, session](QPromise<R> &promise, SessionContext &ctx) {
            promise.addResult(
                R(std::make_shared<Connection>(profile, secret, ctx.info(), session)));
        },
        [](const Error &e) { return R(e); });
}

QFuture<Result<ServerInfo>> Connection::test(ConnectionProfile profile, QString secret)
{
    auto session = std::make_shared<Session>(
        std::move(profile), std::move(secret), sessionOptionsFor(SessionRole::Check));
    // The task holds the session until it has run; then the session closes on its own thread.
    return session->run([session](SessionContext &ctx) -> Result<ServerInfo> {
        Q_UNUSED(session);
        return ctx.info();
    });
}

std::shared_ptr<Session> Connection::newSession(SessionRole role) const
{
    return std::make_shared<Session>(m_profile, m_secret, sessionOptionsFor(role));
}

ConnectionProfile Connection::profileFor(const QString &database) const
{
    ConnectionProfile p = m_profile;
    if (database.isEmpty() || database == p.database)
        return p;
    p.id = QStringLiteral("open-db:%1:%2").arg(m_profile.id, database);
    p.name = QStringLiteral("%1 · %2").arg(p.name.isEmpty() ? p.host : p.name, database);
    p.database = database;
    p.migrationsDir.clear(); // the folder belonged to the other database
    // A service keeps its other settings: libpq lets an explicit dbname override its own.
    return p;
}

QFuture<Result<std::shared_ptr<Connection>>> Connection::openDatabase(const QString &database) const
{
    return open(profileFor(database), m_secret);
}

std::shared_ptr<Session> Connection::newSessionOn(const QString &database, SessionRole role) const
{
    ConnectionProfile p = m_profile;
    p.database = database;
    return std::make_shared<Session>(p, m_secret, sessionOptionsFor(role));
}

} // namespace strata::core

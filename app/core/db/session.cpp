#include "session.h"

#include "db/servicefile.h"
#include "db/sqlregistry.h"

#include <libpq-fe.h>

#include <QAtomicInt>
#include <QCoreApplication>
#include <QSqlDriver>
#include <QSqlError>

namespace strata::core {

namespace {

QAtomicInt s_connectionCounter;

QByteArray paramText(const QVariant &v)
{
    switch (v.typeId()) {
    case QMetaType::Bool:
        return v.toBool() ? "true" : "false";
    case QMetaType::QDateTime:
        return v.toDateTime().toString(Qt::ISODateWithMs).toUtf8();
    case QMetaType::QByteArray:
        return v.toByteArray();
    default:
        return v.toString().toUtf8();
    }
}

// libpq's connection-failure text, turned into something a person can act on.
Error classifyConnectError(const QString &raw, const ConnectionProfile &profile, int timeoutSec)
{
    // libpq reports each address it tried; where they failed alike, its lines repeat word for
    // word. Each is kept once.
    QStringList lines;
    for (const QString &line : raw.trimmed().split(u'\n'))
        if (!lines.contains(line))
            lines << line;
    const QString msg = lines.join(u'\n');
    auto has
        = [&msg](const char *s) { return msg.contains(QLatin1String(s), Qt::CaseInsensitive); };
    const QString target = profile.displayTarget();
    Error e;
    e.detail = msg;
    if (has("password authentication failed") || has("SCRAM authentication")
        || has("password does not match")) {
        e.kind = Error::Kind::AuthFailed;
        e.message = QStringLiteral("The server rejected the password for %1.").arg(target);
        e.hint = QStringLiteral("Check the password and try again.");
    } else if (has("no password supplied") || has("password is required")) {
        e.kind = Error::Kind::PasswordRequired;
        e.message = QStringLiteral("%1 asks for a password.").arg(target);
        e.hint = QStringLiteral("Enter the password, or add it to ~/.pgpass.");
    } else if (has("definition of service") || has("service file")) {
        e.kind = Error::Kind::ServiceNotFound;
        e.message = QStringLiteral("The service \"%1\" is not defined.").arg(profile.service);
        e.hint = QStringLiteral("Files read: %1. Add a [%2] section to one of them or choose "
                                "another service.")
                     .arg(servicefile::searchedFiles().join(QStringLiteral(", ")), profile.service);
    } else if (has("timeout expired")) {
        e.kind = Error::Kind::Unreachable;
        e.message
            = QStringLiteral("No answer from %1 within %2 seconds.").arg(target).arg(timeoutSec);
        e.hint = QStringLiteral("Check the host name and port, that the server is running, and "
                                "that no firewall is in the way.");
    } else if (has("could not connect") || has("connection refused") || has("could not translate")
        || has("no route to host") || has("network is unreachable")
        || has("No such file or directory")) {
        e.kind = Error::Kind::Unreachable;
        e.message = QStringLiteral("Could not reach %1.").arg(target);
        e.hint = QStringLiteral("Check the host name and port and that the server is running "
                                "and accepts connections (listen_addresses, pg_hba.conf).");
    } else if (has("does not exist")) {
        e.kind = Error::Kind::InvalidInput;
        e.message
            = QStringLiteral("Connecting to %1 failed: %2").arg(target, msg.section(u'\n', 0, 0));
        e.hint = QStringLiteral("Check the database and user names.");
    } else {
        e.kind = Error::Kind::Unreachable;
        e.message
            = QStringLiteral("Connecting to %1 failed: %2").arg(target, msg.section(u'\n', 0, 0));
    }
    return e;
}

} // namespace

SessionContext::SessionContext(ConnectionProfile profile, QString password, SessionOptions options,
    std::shared_ptr<CancelToken> cancel)
    : m_profile(std::move(profile)), m_password(std::move(password)), m_options(std::move(options)),
      m_cancel(std::move(cancel)),
      m_connectionName(
          QStringLiteral("strata-session-%1").arg(s_connectionCounter.fetchAndAddRelaxed(1)))
{
}

SessionContext::~SessionContext() = default;

pg_conn *SessionContext::pg() const
{
    if (!m_opened)
        return nullptr;
    QVariant h = QSqlDatabase::database(m_connectionName, false).driver()->handle();
    // Qt registers the handle under the struct's name ("pg_conn*") or the typedef ("PGconn*").
    if (!h.isValid()
        || (qstrcmp(h.typeName(), "pg_conn*") != 0 && qstrcmp(h.typeName(), "PGconn*") != 0))
        return nullptr;
    return *static_cast<PGconn *const *>(h.constData());
}

QSqlDatabase SessionContext::database() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

Result<ServerInfo> SessionContext::ensureOpen()
{
    if (m_opened) {
        PGconn *c = pg();
        if (c && PQstatus(c) == CONNECTION_OK)
            return m_info;
        close(); // lost: reconnect below
    }
    return openConnection();
}

Result<ServerInfo> SessionContext::openConnection()
{
    conninfo::Params params = m_profile.toParams();
    if (conninfo::value(params, QStringLiteral("application_name")).isEmpty())
        conninfo::set(params, QStringLiteral("application_name"), m_options.applicationName);
    if (conninfo::value(params, QStringLiteral("connect_timeout")).isEmpty())
        conninfo::set(params, QStringLiteral("connect_timeout"),
            QString::number(m_options.connectTimeoutSec));
    QString serverOptions = conninfo::value(params, QStringLiteral("options"));
    serverOptions += QStringLiteral(" -c statement_timeout=%1").arg(m_options.statementTimeoutMs);
    if (m_options.readOnly)
        serverOptions += QStringLiteral(" -c default_transaction_read_only=on");
    conninfo::set(params, QStringLiteral("options"), serverOptions.trimmed());

    for (const auto &[k, v] : params) {
        // Qt's driver turns ';' into ' ' in its options string, which would change the value.
        if (v.contains(u';'))
            return Error(Error::Kind::InvalidInput,
                QStringLiteral("The connection setting \"%1\" contains ';', which Qt's "
                               "PostgreSQL driver cannot pass on.")
                    .arg(k),
                QStringLiteral("Remove the ';' from that setting."));
    }

    QSqlDatabase db = QSqlDatabase::contains(m_connectionName)
        ? QSqlDatabase::database(m_connectionName, false)
        : QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_connectionName);
    if (!db.isValid())
        return Error(Error::Kind::Internal,
            QStringLiteral("Qt's PostgreSQL driver (QPSQL) is not installed."),
            QStringLiteral("Install libqt6sql6-psql."));
    db.setConnectOptions(conninfo::format(params));
    db.setPassword(m_password);
    if (!db.open()) {
        const QString raw = db.lastError().driverText().isEmpty() ? db.lastError().text()
                                                                  : db.lastError().driverText();
        // The timeout libpq used: the connection string's own when it has one.
        const int timeout = conninfo::value(params, QStringLiteral("connect_timeout")).toInt();
        Error e = classifyConnectError(
            db.lastError().databaseText().isEmpty() ? raw : db.lastError().databaseText(),
            m_profile, timeout > 0 ? timeout : m_options.connectTimeoutSec);
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
        return e;
    }
    m_opened = true;
    PGconn *c = pg();
    m_cancel->attach(c);

    ServerInfo info;
    info.version.number = PQserverVersion(c);
    auto r = exec(QStringLiteral("session/info"));
    if (!r) {
        close();
        return r.error();
    }
    const PgResult &row = r.value();
    info.database = row.text(0, 0);
    info.user = row.text(0, 1);
    info.versionString = row.text(0, 2);
    info.superuser = row.toBool(0, 3);
    info.warning = ServerInfo::warningFor(info.version);
    m_info = info;
    return info;
}

void SessionContext::close()
{
    m_cancel->detach();
    if (QSqlDatabase::contains(m_connectionName)) {
        {
            QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_connectionName);
    }
    m_opened = false;
}

QString ServerInfo::warningFor(const ServerVersion &version)
{
    if (version.atLeast(ServerVersion::oldestSupportedMajor))
        return {};
    return QStringLiteral("PostgreSQL %1 is older than %2, the oldest release Strata is made for: "
                          "it still connects, but some views may be incomplete or fail.")
        .arg(version.toString())
        .arg(ServerVersion::oldestSupportedMajor);
}

Error SessionContext::errorFrom(pg_result *res) const
{
    PGconn *c = pg();
    Error e;
    e.kind = Error::Kind::Query;
    if (res) {
        e.sqlState = QString::fromLatin1(PQresultErrorField(res, PG_DIAG_SQLSTATE));
        e.message = QString::fromUtf8(PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY));
        e.detail = QString::fromUtf8(PQresultErrorField(res, PG_DIAG_MESSAGE_DETAIL));
        e.hint = QString::fromUtf8(PQresultErrorField(res, PG_DIAG_MESSAGE_HINT));
    }
    if (e.message.isEmpty())
        e.message
            = c ? QString::fromUtf8(PQerrorMessage(c)).trimmed() : QStringLiteral("not connected");
    if (!c || PQstatus(c) == CONNECTION_BAD) {
        e.kind = Error::Kind::ConnectionLost;
        e.message = QStringLiteral("The connection to the server was lost: %1").arg(e.message);
        e.hint = QStringLiteral("Strata reconnects on the next action.");
    } else if (e.sqlState == QLatin1String("57014")) {
        if (m_cancel->wasRequested()) {
            e.kind = Error::Kind::Canceled;
            e.message = QStringLiteral("Cancelled.");
        } else {
            e.kind = Error::Kind::Timeout;
            e.message = QStringLiteral("The query took longer than the statement timeout (%1 s).")
                            .arg(m_options.statementTimeoutMs / 1000.0);
            e.hint
                = QStringLiteral("Try again, or raise the timeout in the connection's settings.");
        }
    }
    return e;
}

Result<PgResult> SessionContext::exec(const QString &sqlName, const QVariantList &params)
{
    const QString text = SqlRegistry::instance().text(
        sqlName, m_info.version.isValid() ? m_info.version.major() : 99);
    if (text.isEmpty())
        return Error(
            Error::Kind::Internal, QStringLiteral("No statement named %1 in sql/.").arg(sqlName));
    return execText(text, params);
}

Result<QString> SessionContext::statement(
    const QString &sqlName, const SqlIdentifiers &identifiers) const
{
    const QString text = SqlRegistry::instance().text(
        sqlName, m_info.version.isValid() ? m_info.version.major() : 99);
    if (text.isEmpty())
        return Error(
            Error::Kind::Internal, QStringLiteral("No statement named %1 in sql/.").arg(sqlName));
    auto filled = SqlRegistry::fill(
        text, identifiers, [this](const QString &name) { return quoteIdentifier(name); });
    if (!filled)
        return Error(
            Error::Kind::Internal, QStringLiteral("%1: %2").arg(sqlName, filled.error().message));
    return filled;
}

Result<PgResult> SessionContext::execTemplate(
    const QString &sqlName, const SqlIdentifiers &identifiers, const QVariantList &params)
{
    auto text = statement(sqlName, identifiers);
    if (!text)
        return text.error();
    return execText(text.value(), params);
}

Result<PgResult> SessionContext::execText(const QString &sql, const QVariantList &params)
{
    PGconn *c = pg();
    if (!c)
        return Error(Error::Kind::ConnectionLost, QStringLiteral("Not connected."),
            QStringLiteral("Strata reconnects on the next action."));
    QList<QByteArray> storage;
    storage.reserve(params.size());
    QVarLengthArray<const char *, 16> values;
    for (const QVariant &v : params) {
        if (v.isNull()) {
            values.append(nullptr);
        } else {
            storage.append(paramText(v));
            values.append(storage.last().constData());
        }
    }
    const QByteArray text = sql.toUtf8();
    PGresult *res = PQexecParams(
        c, text.constData(), int(values.size()), nullptr, values.data(), nullptr, nullptr, 0);
    const auto status = PQresultStatus(res);
    if (status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK)
        return PgResult(res);
    Error e = errorFrom(res);
    PQclear(res);
    return e;
}

Result<PgResult> SessionContext::execScript(const QString &sql)
{
    PGconn *c = pg();
    if (!c)
        return Error(Error::Kind::ConnectionLost, QStringLiteral("Not connected."));
    PGresult *res = PQexec(c, sql.toUtf8().constData());
    const auto status = PQresultStatus(res);
    if (status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK || status == PGRES_EMPTY_QUERY)
        return PgResult(res);
    Error e = errorFrom(res);
    PQclear(res);
    return e;
}

QString SessionContext::quoteIdentifier(const QString &name) const
{
    PGconn *c = pg();
    const QByteArray utf8 = name.toUtf8();
    if (c) {
        if (char *q = PQescapeIdentifier(c, utf8.constData(), size_t(utf8.size()))) {
            QString out = QString::fromUtf8(q);
            PQfreemem(q);
            return out;
        }
    }
    QString q = name;
    q.replace(u'"', QStringLiteral("\"\""));
    return u'"' + q + u'"';
}

Session::Session(ConnectionProfile profile, QString password, SessionOptions options)
    : m_profile(profile), m_options(options), m_cancel(std::make_shared<CancelToken>()),
      m_ctx(std::make_shared<SessionContext>(
          std::move(profile), std::move(password), std::move(options), m_cancel)),
      m_pool(std::make_unique<QThreadPool>())
{
    // One thread that never expires: a QSqlDatabase connection must stay on the thread that
    // opened it, and tasks then run in the order they were asked for.
    m_pool->setMaxThreadCount(1);
    m_pool->setExpiryTimeout(-1);
    Synchroniser::instance().trackCancel(m_cancel);
}

Session::~Session()
{
    // Stop what runs and close on the session's own thread, without making the caller wait: a
    // connect in progress can take up to connect_timeout, and the caller may be the GUI thread.
    // A task on the Control pool sends the cancel (PQcancel waits for the server: a round trip
    // the GUI thread must not make), waits for the session's thread to finish, then frees it.
    m_pool->start([ctx = std::move(m_ctx)] { ctx->close(); });
    QThreadPool *pool = m_pool.release();
    threadPool(Pool::Control)->start([pool, cancel = m_cancel] {
        cancel->cancel(); // sent only while a statement runs
        pool->waitForDone();
        delete pool;
    });
}

QFuture<Result<ServerInfo>> Session::open()
{
    return run([](SessionContext &ctx) -> Result<ServerInfo> { return ctx.info(); });
}

QFuture<Result<PgResult>> Session::query(const QString &sqlName, const QVariantList &params)
{
    return run([sqlName, params](SessionContext &ctx) { return ctx.exec(sqlName, params); });
}

QFuture<bool> Session::cancel()
{
    return asyncRun<bool>(
        Pool::Control, [token = m_cancel](QPromise<bool> &p) { p.addResult(token->cancel()); });
}

} // namespace strata::core

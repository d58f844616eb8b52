#pragma once

#include "db/canceltoken.h"
#include "db/connectionprofile.h"
#include "db/pgresult.h"
#include "db/serverinfo.h"
#include "db/sqlregistry.h"
#include "result.h"
#include "util/async.h"

#include <QFuture>
#include <QMutex>
#include <QPromise>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QThreadPool>
#include <QVariantList>

#include <functional>

#include <memory>
#include <type_traits>

struct pg_conn;

namespace strata::core {

struct SessionOptions
{
    bool readOnly = true; // default_transaction_read_only for browsing sessions
    int connectTimeoutSec = 10; // libpq connect_timeout
    int statementTimeoutMs = 30000; // 0: none (backups, restores, migrations)
    QString applicationName = QStringLiteral("strata");
};

// What a work function sees on the session's thread. Never stored, never passed to another thread.
class SessionContext
{
public:
    SessionContext(ConnectionProfile profile, QString password, SessionOptions options,
        std::shared_ptr<CancelToken> cancel);
    ~SessionContext();

    // Opens (or, after a lost connection, reopens) the connection. Runs before every task.
    Result<ServerInfo> ensureOpen();
    void close();

    pg_conn *pg() const;
    QSqlDatabase database() const;
    ServerVersion version() const { return m_info.version; }
    const ServerInfo &info() const { return m_info; }
    const ConnectionProfile &profile() const { return m_profile; }
    const QString &password() const { return m_password; }
    const SessionOptions &options() const { return m_options; }

    // A statement from sql/ by name, its variant chosen by the server version; parameters bound
    // as $1, $2, ... (a null QVariant is SQL NULL). Runs through libpq on this connection.
    Result<PgResult> exec(const QString &sqlName, const QVariantList &params = {});
    // A statement template from sql/ with its {{placeholders}} filled by these identifiers, each
    // part quoted (see SqlRegistry); parameters bound as with exec().
    Result<PgResult> execTemplate(
        const QString &sqlName, const SqlIdentifiers &identifiers, const QVariantList &params = {});
    // The filled text of a template, for statements run another way (execScript) or shown.
    Result<QString> statement(const QString &sqlName, const SqlIdentifiers &identifiers = {}) const;
    // Any statement text with bound parameters (for tests and generated statements).
    Result<PgResult> execText(const QString &sql, const QVariantList &params = {});
    // Several statements at once through the simple protocol (scripts, never user values).
    Result<PgResult> execScript(const QString &sql);

    QString quoteIdentifier(const QString &name) const;
    bool cancelRequested() const { return m_cancel->wasRequested(); }
    // The task's statements are done: a cancel from now on has nothing to interrupt. Said
    // before the result is handed over, so that a caller who has the result and cancels never
    // sends one (run() does it; the busy flag is cleared again when the task returns).
    void markIdle() { m_cancel->setBusy(false); }

    // Turns a failed PGresult (or a failed connection) into an Error a person can act on.
    Error errorFrom(pg_result *res) const;

private:
    Result<ServerInfo> openConnection();

    ConnectionProfile m_profile;
    QString m_password;
    SessionOptions m_options;
    std::shared_ptr<CancelToken> m_cancel;
    QString m_connectionName;
    ServerInfo m_info;
    bool m_opened = false;
};

// One connection on one thread of its own. Every call returns at once with a QFuture; the work
// runs in order on the session's thread. Cancel from any thread with cancel().
class Session
{
public:
    Session(ConnectionProfile profile, QString password = {}, SessionOptions options = {});
    ~Session();
    Session(const Session &) = delete;
    Session &operator=(const Session &) = delete;

    QFuture<Result<ServerInfo>> open();

    // fn(SessionContext&) -> Result<T>, run on the session's thread after making sure the
    // connection is open; a connection error comes back as the Result's error.
    template <typename F> auto run(F fn) -> QFuture<std::invoke_result_t<F, SessionContext &>>
    {
        using R = std::invoke_result_t<F, SessionContext &>;
        return runWithPromise<R>(
            [fn = std::move(fn)](QPromise<R> &promise, SessionContext &ctx) {
                R result = fn(ctx);
                ctx.markIdle();
                promise.addResult(std::move(result));
            },
            [](const Error &e) { return R(e); });
    }

    // fn(QPromise<T>&, SessionContext&) for work that reports progress or several results.
    // onOpenError turns a failed (re)connect into a result; without it the future just finishes.
    // The task is never run by a thread that waits on the future (QtConcurrent::run would let a
    // waiting thread steal it, and the connection belongs to the session's thread alone).
    template <typename T, typename F>
    QFuture<T> runWithPromise(F fn, std::function<T(const Error &)> onOpenError = {})
    {
        auto promise = std::make_shared<QPromise<T>>();
        QFuture<T> future = promise->future();
        promise->start();
        auto task = std::make_shared<F>(std::move(fn));
        m_pool->start([promise, task, onOpenError, ctx = m_ctx, cancel = m_cancel] {
            if (!promise->isCanceled()) {
                cancel->reset();
                auto opened = ctx->ensureOpen();
                if (opened) {
                    cancel->setBusy(true);
                    const auto idle = qScopeGuard([&cancel] { cancel->setBusy(false); });
                    (*task)(*promise, *ctx);
                } else if (onOpenError) {
                    promise->addResult(onOpenError(opened.error()));
                }
            }
            promise->finish();
        });
        Synchroniser::instance().track(QFuture<void>(future));
        return future;
    }

    QFuture<Result<PgResult>> query(const QString &sqlName, const QVariantList &params = {});

    // Asks the server to cancel the running statement; the statement's task then returns a
    // Canceled error. Safe from any thread and never waits: the cancel (a short connection of
    // its own, and a round trip to the server) is sent from the Control pool. The future says
    // whether it could be sent (false: not connected, or nothing running).
    QFuture<bool> cancel();

    const ConnectionProfile &profile() const { return m_profile; }
    const SessionOptions &options() const { return m_options; }

private:
    ConnectionProfile m_profile;
    SessionOptions m_options;
    std::shared_ptr<CancelToken> m_cancel;
    std::shared_ptr<SessionContext> m_ctx;
    std::unique_ptr<QThreadPool> m_pool;
};

} // namespace strata::core

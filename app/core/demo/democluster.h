#pragma once

#include <QFuture>

#include "result.h"

#include <QString>
#include <QStringList>

#include <functional>

namespace strata::core {

struct DemoStatus
{
    bool running = false;
    bool initialized = false;
    QString baseDir;
    QString socketDir;
    int port = 0;
    QString connInfo; // for the main demo database
    QString migrationsDir; // the registry's migration files, copied out for the user
    QString alembicDir; // the webapp's Alembic project
};

// A private, throwaway PostgreSQL cluster with the demo databases, under the user's data folder.
// It listens on a Unix socket in a folder of its own and on 127.0.0.1 (where it asks for a
// password no role has, so only the socket is open by default). Run as root, the server runs as
// the unprivileged `postgres` user, as PostgreSQL requires. Blocking: call from a worker or the
// CLI.
class DemoCluster
{
public:
    using Progress = std::function<void(int percent, const QString &message)>;

    explicit DemoCluster(QString baseDir = defaultBaseDir());
    static QString defaultBaseDir();
    static QStringList databases(); // the folders under sql/demo

    Result<DemoStatus> start(const Progress &progress = {});
    // start() on the Io pool: the future's progress value (0..100) and text follow the work.
    static QFuture<Result<DemoStatus>> startAsync();
    // status() on the Io pool (it reads files).
    static QFuture<DemoStatus> statusAsync();
    Status stop();
    DemoStatus status() const;
    QString connInfo(const QString &database = QStringLiteral("strata_demo")) const;

private:
    Status initCluster(const Progress &progress);
    Status seed(const Progress &progress);
    Status runAsServerUser(const QString &program, const QStringList &args, int timeoutMs,
        QString *output = nullptr) const;
    Status copyProjectFolders();
    int readPort() const;

    QString m_base;
    bool m_asRoot;
};

} // namespace strata::core

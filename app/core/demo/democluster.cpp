#include "democluster.h"

#include "db/sqlregistry.h"
#include "util/async.h"

#include "db/conninfo.h"
#include "db/pgbinaries.h"
#include "db/serverversion.h"

#include <libpq-fe.h>

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QThread>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

namespace strata::core {

namespace {

constexpr const char *kServerUser = "postgres"; // the system user Debian's packages create
constexpr const char *kSuperuser = "postgres";

bool portIsFree(int port)
{
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return false;
    sockaddr_in addr {};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(quint16(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const bool ok = ::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) == 0;
    ::close(fd);
    return ok;
}

int pickPort(int preferred)
{
    if (preferred > 0 && portIsFree(preferred))
        return preferred;
    for (int p = 54330; p < 54430; ++p)
        if (portIsFree(p))
            return p;
    return 0;
}

Status chownToServerUser(const QString &path)
{
    passwd *pw = ::getpwnam(kServerUser);
    if (!pw)
        return Error(Error::Kind::Tool,
            QStringLiteral("Running as root, the demo needs the system user \"%1\" to run "
                           "PostgreSQL, and there is none.")
                .arg(QLatin1String(kServerUser)),
            QStringLiteral("Install the postgresql package (./run deps), or run Strata as "
                           "an ordinary user."));
    QDirIterator it(
        path, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden, QDirIterator::Subdirectories);
    QStringList all { path };
    while (it.hasNext())
        all << it.next();
    for (const QString &p : all)
        if (::chown(QFile::encodeName(p).constData(), pw->pw_uid, pw->pw_gid) != 0)
            return Error(
                Error::Kind::Io, QStringLiteral("Could not hand %1 to the postgres user.").arg(p));
    return Ok {};
}

} // namespace

DemoCluster::DemoCluster(QString baseDir) : m_base(std::move(baseDir)), m_asRoot(::geteuid() == 0)
{
}

QString DemoCluster::defaultBaseDir()
{
    const QByteArray env = qgetenv("STRATA_DEMO_DIR");
    if (!env.isEmpty())
        return QString::fromLocal8Bit(env);
    // root's home is private to root, and the server may not run as root: keep the demo where
    // the postgres user can reach it.
    if (::geteuid() == 0)
        return QStringLiteral("/var/lib/strata/demo");
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
        + QStringLiteral("/strata/demo");
}

QStringList DemoCluster::databases()
{
    QDir d(QStringLiteral(":/sql/demo"));
    QStringList dbs = d.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    // The main database first, then the rest in name order.
    if (dbs.removeOne(QStringLiteral("strata_demo")))
        dbs.prepend(QStringLiteral("strata_demo"));
    return dbs;
}

int DemoCluster::readPort() const
{
    QFile f(m_base + QStringLiteral("/port"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    return f.readAll().trimmed().toInt();
}

QString DemoCluster::connInfo(const QString &database) const
{
    conninfo::Params p { { QStringLiteral("host"), m_base + QStringLiteral("/run") },
        { QStringLiteral("port"), QString::number(readPort()) },
        { QStringLiteral("dbname"), database },
        { QStringLiteral("user"), QString::fromLatin1(kSuperuser) } };
    return conninfo::format(p);
}

DemoStatus DemoCluster::status() const
{
    DemoStatus s;
    s.baseDir = m_base;
    s.socketDir = m_base + QStringLiteral("/run");
    s.port = readPort();
    s.initialized = QFile::exists(m_base + QStringLiteral("/seeded"));
    s.connInfo = connInfo();
    s.migrationsDir = m_base + QStringLiteral("/projects/registry-migrations");
    s.alembicDir = m_base + QStringLiteral("/projects/webapp-alembic");
    if (s.port > 0) {
        const QByteArray ci = connInfo(QStringLiteral("postgres")).toUtf8();
        s.running = PQping(ci.constData()) == PQPING_OK;
    }
    return s;
}

Status DemoCluster::runAsServerUser(
    const QString &program, const QStringList &args, int timeoutMs, QString *output) const
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
    p.setProcessEnvironment(env);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.setWorkingDirectory(m_base);
    if (m_asRoot)
        p.start(QStringLiteral("runuser"),
            QStringList { QStringLiteral("-u"), QString::fromLatin1(kServerUser),
                QStringLiteral("--"), program }
                + args);
    else
        p.start(program, args);
    if (!p.waitForStarted(10000))
        return Error(Error::Kind::Tool,
            QStringLiteral("Could not start %1: %2").arg(program, p.errorString()));
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(2000);
        return Error(Error::Kind::Tool,
            QStringLiteral("%1 did not finish within %2 s.")
                .arg(QFileInfo(program).fileName())
                .arg(timeoutMs / 1000));
    }
    const QString out = QString::fromLocal8Bit(p.readAll());
    if (output)
        *output = out;
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        Error e(Error::Kind::Tool,
            QStringLiteral("%1 failed (exit %2).")
                .arg(QFileInfo(program).fileName())
                .arg(p.exitCode()));
        e.detail = out.right(2000);
        return e;
    }
    return Ok {};
}

Status DemoCluster::initCluster(const Progress &progress)
{
    const QString data = m_base + QStringLiteral("/data");
    if (QFile::exists(data + QStringLiteral("/PG_VERSION")))
        return Ok {};
    auto initdb = pgbinaries::findNewest(QStringLiteral("initdb"));
    if (!initdb)
        return initdb.error();
    if (initdb->major < ServerVersion::oldestSupportedMajor)
        return Error(Error::Kind::Tool,
            QStringLiteral("The newest initdb found is PostgreSQL %1; the demo needs %2 or newer.")
                .arg(initdb->major)
                .arg(ServerVersion::oldestSupportedMajor),
            QStringLiteral("Install postgresql-15 (./run deps)."));
    if (progress)
        progress(2, QStringLiteral("Creating the demo cluster with %1").arg(initdb->versionText));
    QDir().mkpath(m_base + QStringLiteral("/run"));
    QDir().mkpath(m_base + QStringLiteral("/log"));
    QFile::setPermissions(m_base,
        QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup | QFile::ExeGroup
            | QFile::ReadOther | QFile::ExeOther);
    // Only the owner may use the socket folder: the socket trusts whoever can reach it.
    QFile::setPermissions(
        m_base + QStringLiteral("/run"), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    if (m_asRoot) {
        if (auto st = chownToServerUser(m_base); !st)
            return st;
        // Every folder above the demo must let the postgres user through.
        if (!runAsServerUser(QStringLiteral("test"), { QStringLiteral("-w"), m_base }, 10000))
            return Error(Error::Kind::Io,
                QStringLiteral("The postgres user cannot reach the demo folder %1.").arg(m_base),
                QStringLiteral("Set STRATA_DEMO_DIR to a folder it can enter, such as "
                               "/var/lib/strata/demo, or run Strata as an ordinary user."));
    }
    QString out;
    auto st = runAsServerUser(initdb->path,
        { QStringLiteral("-D"), data, QStringLiteral("-U"), QString::fromLatin1(kSuperuser),
            QStringLiteral("--auth-local=trust"), QStringLiteral("--auth-host=scram-sha-256"),
            QStringLiteral("-E"), QStringLiteral("UTF8"), QStringLiteral("--locale=C.UTF-8") },
        120000, &out);
    if (!st)
        return st;
    QFile conf(data + QStringLiteral("/postgresql.conf"));
    if (!conf.open(QIODevice::Append | QIODevice::Text))
        return Error(Error::Kind::Io, QStringLiteral("Could not write %1.").arg(conf.fileName()));
    conf.write(QStringLiteral("\n# Strata demo\n"
                              "listen_addresses = '127.0.0.1'\n"
                              "unix_socket_directories = '%1'\n"
                              "shared_buffers = 128MB\n"
                              "max_wal_size = 2GB\n"
                              "shared_preload_libraries = 'pg_stat_statements'\n"
                              "track_io_timing = on\n"
                              "logging_collector = off\n")
                   .arg(m_base + QStringLiteral("/run"))
                   .toUtf8());
    return Ok {};
}

Result<DemoStatus> DemoCluster::start(const Progress &progress)
{
    QElapsedTimer timer;
    timer.start();
    DemoStatus st = status();
    if (st.running && st.initialized)
        return st;
    QDir().mkpath(m_base);
    if (auto s = initCluster(progress); !s)
        return s.error();

    if (!st.running) {
        const int port = pickPort(readPort());
        if (port == 0)
            return Error(Error::Kind::Unreachable,
                QStringLiteral("No free port for the demo between 54330 and 54429."),
                QStringLiteral(
                    "Stop another server or set STRATA_DEMO_DIR to reuse another demo."));
        QFile pf(m_base + QStringLiteral("/port"));
        if (!pf.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return Error(Error::Kind::Io, QStringLiteral("Could not write %1.").arg(pf.fileName()));
        pf.write(QByteArray::number(port) + '\n');
        pf.close();
        auto pgctl = pgbinaries::findNewest(QStringLiteral("pg_ctl"));
        if (!pgctl)
            return pgctl.error();
        if (progress)
            progress(8, QStringLiteral("Starting the demo server on port %1").arg(port));
        QString out;
        auto s = runAsServerUser(pgctl->path,
            { QStringLiteral("-D"), m_base + QStringLiteral("/data"), QStringLiteral("-l"),
                m_base + QStringLiteral("/log/server.log"), QStringLiteral("-o"),
                QStringLiteral("-p %1").arg(port), QStringLiteral("-w"), QStringLiteral("-t"),
                QStringLiteral("60"), QStringLiteral("start") },
            90000, &out);
        if (!s) {
            Error e = s.error();
            e.message = QStringLiteral("The demo server did not start.");
            e.hint = QStringLiteral("See %1/log/server.log.").arg(m_base);
            return e;
        }
    }
    if (!QFile::exists(m_base + QStringLiteral("/seeded"))) {
        if (auto s = seed(progress); !s)
            return s.error();
        if (auto s = copyProjectFolders(); !s)
            return s.error();
        QFile marker(m_base + QStringLiteral("/seeded"));
        marker.open(QIODevice::WriteOnly);
        marker.write(QByteArray::number(timer.elapsed()) + " ms\n");
    }
    if (progress)
        progress(100, QStringLiteral("The demo is running"));
    return status();
}

Status DemoCluster::seed(const Progress &progress)
{
    const QStringList dbs = databases();
    // Files of every database, to spread the progress over them.
    QList<QPair<QString, QString>> files;
    for (const QString &db : dbs) {
        QDir d(QStringLiteral(":/sql/demo/") + db);
        for (const QString &f : d.entryList({ QStringLiteral("*.sql") }, QDir::Files, QDir::Name))
            files.append({ db, d.filePath(f) });
    }
    const QByteArray admin = connInfo(QStringLiteral("postgres")).toUtf8();
    PGconn *c = PQconnectdb(admin.constData());
    if (PQstatus(c) != CONNECTION_OK) {
        Error e(Error::Kind::Unreachable,
            QStringLiteral("Could not connect to the demo server: %1")
                .arg(QString::fromUtf8(PQerrorMessage(c)).trimmed()));
        PQfinish(c);
        return e;
    }
    PQsetNoticeProcessor(
        c, [](void *, const char *) {}, nullptr); // "does not exist, skipping"
    const auto statement = [c](const char *name, const QString &db) -> QByteArray {
        const auto quote = [c](const QString &n) -> QString {
            const QByteArray utf8 = n.toUtf8();
            char *q = PQescapeIdentifier(c, utf8.constData(), size_t(utf8.size()));
            const QString out = QString::fromUtf8(q);
            PQfreemem(q);
            return out;
        };
        auto filled = SqlRegistry::fill(SqlRegistry::instance().text(QString::fromLatin1(name)),
            { { QStringLiteral("database"), { db } } }, quote);
        return filled ? filled->toUtf8() : QByteArray();
    };
    for (const QString &db : dbs) {
        PQclear(PQexec(c, statement("cluster/drop_database", db).constData()));
        PGresult *r = PQexec(c, statement("cluster/create_database", db).constData());
        const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
        const QString err = QString::fromUtf8(PQerrorMessage(c)).trimmed();
        PQclear(r);
        if (!ok) {
            PQfinish(c);
            return Error(Error::Kind::Query,
                QStringLiteral("Could not create the demo database %1: %2").arg(db, err));
        }
    }
    PQfinish(c);

    int done = 0;
    for (const QString &db : dbs) {
        const QByteArray ci = connInfo(db).toUtf8();
        PGconn *conn = PQconnectdb(ci.constData());
        if (PQstatus(conn) != CONNECTION_OK) {
            Error e(Error::Kind::Unreachable,
                QStringLiteral("Could not connect to %1: %2")
                    .arg(db, QString::fromUtf8(PQerrorMessage(conn)).trimmed()));
            PQfinish(conn);
            return e;
        }
        PQclear(PQexec(conn,
            SqlRegistry::instance()
                .text(QStringLiteral("session/bulk_load"))
                .toUtf8()
                .constData()));
        for (const auto &[fileDb, path] : files) {
            if (fileDb != db)
                continue;
            if (progress)
                progress(10 + 85 * done / qMax(1, int(files.size())),
                    QStringLiteral("Seeding %1: %2").arg(db, QFileInfo(path).fileName()));
            QFile f(path);
            f.open(QIODevice::ReadOnly);
            PGresult *r = PQexec(conn, f.readAll().constData());
            const auto s = PQresultStatus(r);
            const bool ok = s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK || s == PGRES_EMPTY_QUERY;
            const QString err = QString::fromUtf8(PQerrorMessage(conn)).trimmed();
            PQclear(r);
            if (!ok) {
                PQfinish(conn);
                return Error(Error::Kind::Query,
                    QStringLiteral("Seeding the demo failed in %1: %2").arg(path.mid(2), err));
            }
            ++done;
        }
        PQfinish(conn);
    }
    return Ok {};
}

Status DemoCluster::copyProjectFolders()
{
    const QString target = m_base + QStringLiteral("/projects");
    QDirIterator it(QStringLiteral(":/demo"), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString src = it.next();
        const QString dst = target + src.mid(6); // strip ":/demo"
        QDir().mkpath(QFileInfo(dst).path());
        QFile::remove(dst);
        if (!QFile::copy(src, dst))
            return Error(Error::Kind::Io, QStringLiteral("Could not copy %1 to %2.").arg(src, dst));
        QFile::setPermissions(
            dst, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
    }
    return Ok {};
}

Status DemoCluster::stop()
{
    if (!QFile::exists(m_base + QStringLiteral("/data/postmaster.pid")))
        return Ok {};
    auto pgctl = pgbinaries::findNewest(QStringLiteral("pg_ctl"));
    if (!pgctl)
        return pgctl.error();
    return runAsServerUser(pgctl->path,
        { QStringLiteral("-D"), m_base + QStringLiteral("/data"), QStringLiteral("-m"),
            QStringLiteral("fast"), QStringLiteral("-w"), QStringLiteral("stop") },
        60000);
}

QFuture<Result<DemoStatus>> DemoCluster::startAsync()
{
    using R = Result<DemoStatus>;
    return asyncRun<R>(Pool::Io, [](QPromise<R> &promise) {
        promise.setProgressRange(0, 100);
        promise.addResult(DemoCluster().start([&promise](int percent, const QString &message) {
            promise.setProgressValueAndText(percent, message);
        }));
    });
}

QFuture<DemoStatus> DemoCluster::statusAsync()
{
    return asyncRun<DemoStatus>(
        Pool::Io, [](QPromise<DemoStatus> &p) { p.addResult(DemoCluster().status()); });
}

} // namespace strata::core

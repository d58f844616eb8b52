#include "testserver.h"

#include "db/connection.h"

#include "db/conninfo.h"

#include <libpq-fe.h>

#include <QFile>
#include <QHash>
#include <QTextStream>
#include <QThread>

namespace strata::test {

namespace {

const QHash<QString, QString> &env()
{
    static const QHash<QString, QString> values = [] {
        QHash<QString, QString> v;
        QFile f(qEnvironmentVariable("STRATA_TEST_STATE"));
        if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
            return v;
        QTextStream in(&f);
        while (!in.atEnd()) {
            const QString line = in.readLine();
            const int eq = line.indexOf(u'=');
            if (eq <= 0)
                continue;
            QString val = line.mid(eq + 1);
            if (val.startsWith(u'\'') && val.endsWith(u'\''))
                val = val.mid(1, val.size() - 2);
            v.insert(line.left(eq), val);
        }
        return v;
    }();
    return values;
}

PGconn *connect(const QString &database)
{
    return PQconnectdb(TestServer::connInfo(database).toUtf8().constData());
}

} // namespace

bool TestServer::available()
{
    return env().contains(QStringLiteral("STRATA_TEST_PORT"));
}

QString TestServer::whyUnavailable()
{
    return QStringLiteral("No test server: the pgcluster fixture did not run or failed (state file "
                          "'%1'). Run the tests with ctest, which starts it.")
        .arg(qEnvironmentVariable("STRATA_TEST_STATE"));
}

int TestServer::port()
{
    return env().value(QStringLiteral("STRATA_TEST_PORT")).toInt();
}
QString TestServer::socketDir()
{
    return env().value(QStringLiteral("STRATA_TEST_SOCKET_DIR"));
}
QString TestServer::binDir()
{
    return env().value(QStringLiteral("STRATA_TEST_BINDIR"));
}
QString TestServer::scramUser()
{
    return env().value(QStringLiteral("STRATA_TEST_SCRAM_USER"));
}
QString TestServer::scramPassword()
{
    return env().value(QStringLiteral("STRATA_TEST_SCRAM_PASSWORD"));
}

QString TestServer::connInfo(const QString &database)
{
    return core::conninfo::format({ { QStringLiteral("host"), QStringLiteral("127.0.0.1") },
        { QStringLiteral("port"), QString::number(port()) }, { QStringLiteral("dbname"), database },
        { QStringLiteral("user"), QStringLiteral("postgres") } });
}

core::ConnectionProfile TestServer::profile(const QString &database)
{
    core::ConnectionProfile p;
    p.id = QStringLiteral("test-") + database;
    p.name = QStringLiteral("test ") + database;
    p.host = QStringLiteral("127.0.0.1");
    p.port = port();
    p.database = database;
    p.user = QStringLiteral("postgres");
    p.toolsDir = binDir();
    return p;
}

QString TestServer::exec(const QString &database, const QString &sql)
{
    PGconn *c = connect(database);
    if (PQstatus(c) != CONNECTION_OK) {
        const QString e = QString::fromUtf8(PQerrorMessage(c));
        PQfinish(c);
        return e.isEmpty() ? QStringLiteral("could not connect") : e;
    }
    PGresult *r = PQexec(c, sql.toUtf8().constData());
    const auto st = PQresultStatus(r);
    QString err;
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK && st != PGRES_EMPTY_QUERY)
        err = QString::fromUtf8(PQerrorMessage(c));
    PQclear(r);
    PQfinish(c);
    return err;
}

QString TestServer::scalar(const QString &database, const QString &sql)
{
    PGconn *c = connect(database);
    PGresult *r = PQexec(c, sql.toUtf8().constData());
    QString v;
    if (PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) > 0 && !PQgetisnull(r, 0, 0))
        v = QString::fromUtf8(PQgetvalue(r, 0, 0));
    PQclear(r);
    PQfinish(c);
    return v;
}

QString TestServer::createDatabase(const QString &name)
{
    dropDatabase(name);
    QString quoted = name;
    quoted.replace(u'"', QStringLiteral("\"\""));
    const QString err = exec(QStringLiteral("postgres"),
        QStringLiteral("CREATE DATABASE \"%1\" TEMPLATE strata_template").arg(quoted));
    if (!err.isEmpty())
        qWarning("createDatabase(%s): %s", qPrintable(name), qPrintable(err));
    return connInfo(name);
}

void TestServer::dropDatabase(const QString &name)
{
    QString quoted = name;
    quoted.replace(u'"', QStringLiteral("\"\""));
    // WITH (FORCE) from 13; before, the sessions on it are ended first.
    if (serverMajor() >= 13) {
        exec(QStringLiteral("postgres"),
            QStringLiteral("DROP DATABASE IF EXISTS \"%1\" WITH (FORCE)").arg(quoted));
        return;
    }
    QString literal = name;
    literal.replace(u'\'', QStringLiteral("''"));
    for (int attempt = 0; attempt < 50; ++attempt) {
        exec(QStringLiteral("postgres"),
            QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                           "WHERE datname = '%1' AND pid <> pg_backend_pid()")
                .arg(literal));
        const QString err = exec(QStringLiteral("postgres"),
            QStringLiteral("DROP DATABASE IF EXISTS \"%1\"").arg(quoted));
        if (!err.contains(QLatin1String("being accessed by other users")))
            return;
        QThread::msleep(100);
    }
}

int TestServer::serverMajor()
{
    static const int major
        = scalar(QStringLiteral("postgres"), QStringLiteral("SHOW server_version_num")).toInt()
        / 10000;
    return major;
}

bool TestServer::hasPostgis(const QString &database)
{
    return scalar(database,
               QStringLiteral("SELECT count(*) FROM pg_extension WHERE extname = 'postgis'"))
        == QLatin1String("1");
}

QString TestServer::sourceDir()
{
    return qEnvironmentVariable("STRATA_SOURCE_DIR");
}
QString TestServer::binaryDir()
{
    return qEnvironmentVariable("STRATA_BIN_DIR");
}

std::shared_ptr<core::Connection> TestServer::openConnection(
    const core::ConnectionProfile &profile, const QString &password, QString *error)
{
    auto r = core::Connection::open(profile, password).result();
    if (!r) {
        if (error)
            *error = r.error().toString();
        return nullptr;
    }
    return r.value();
}

} // namespace strata::test

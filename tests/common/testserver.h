#pragma once

#include "db/connectionprofile.h"

#include <QString>
#include <QStringList>

#include <memory>

namespace strata::core {
class Connection;
}

namespace strata::test {

// The PostgreSQL cluster the pgcluster fixture started for this test run (see tests/harness).
class TestServer
{
public:
    static bool available();
    static QString whyUnavailable();

    static int port();
    static QString socketDir();
    static QString binDir(); // the server's bin folder (pg_dump, psql, ...)
    static QString scramUser();
    static QString scramPassword();

    // Superuser over TCP on 127.0.0.1 (trusted in the test cluster's pg_hba.conf).
    static QString connInfo(const QString &database = QStringLiteral("postgres"));
    static core::ConnectionProfile profile(const QString &database = QStringLiteral("postgres"));
    // An open connection with this profile (waits for it: tests may); null when it failed, with
    // the reason in *error.
    static std::shared_ptr<core::Connection> openConnection(const core::ConnectionProfile &profile,
        const QString &password = {}, QString *error = nullptr);

    // Drops and creates a database from the template (PostGIS and pg_stat_statements ready when
    // installed); returns its connection string. Each test class uses its own database, so test
    // executables can run side by side.
    static QString createDatabase(const QString &name);
    static void dropDatabase(const QString &name);
    // Runs SQL (several statements allowed) as the superuser; returns the error text or empty.
    static QString exec(const QString &database, const QString &sql);
    // The first column of the first row, as text.
    static QString scalar(const QString &database, const QString &sql);
    static bool hasPostgis(const QString &database);
    // The server's major version (10 ... 18: the test matrix runs the same tests on each).
    static int serverMajor();

    // A folder of this source tree / build tree, from the environment ctest sets.
    static QString sourceDir();
    static QString binaryDir(); // build/bin
};

} // namespace strata::test

// For test functions that need the server: fails with the reason when the fixture did not run.
#define STRATA_REQUIRE_SERVER()                                                                    \
    do {                                                                                           \
        if (!::strata::test::TestServer::available())                                              \
            QFAIL(qPrintable(::strata::test::TestServer::whyUnavailable()));                       \
    } while (false)

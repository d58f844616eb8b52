#pragma once

#include "db/connectionprofile.h"
#include "jobs/toolcommand.h"
#include "result.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace strata::core {

struct ToolInfo
{
    QString program; // "pg_dump"
    QString path; // where it lives (inside the container for Docker)
    int major = 0; // 0 when `--version` could not be read
    QString versionText;
    QString dockerContainer;
};

// Finds pg_dump / pg_restore / psql for a connection: the profile's tools folder first, then
// PATH, then Debian's /usr/lib/postgresql/N/bin; or, when the profile names a Docker container,
// the program inside it. Blocks on `--version`: call it from a worker, never the GUI thread.
class ToolLocator
{
public:
    explicit ToolLocator(ConnectionProfile profile);

    // Replaces the folders searched (tests use a folder holding a fake old pg_dump).
    void setSearchFolders(const QStringList &folders);
    QStringList searchFolders() const;

    // Every copy found, newest major first.
    QList<ToolInfo> findAll(const QString &program) const;
    // The newest copy whose major is >= minMajor. `purpose` completes "pg_dump 13 cannot ...",
    // e.g. "dump a PostgreSQL 15 server". The error names the versions found and what to do.
    Result<ToolInfo> locate(const QString &program, int minMajor, const QString &purpose) const;

    // The command that runs the tool with these arguments (docker exec -i ... for a container).
    ToolCommand command(const ToolInfo &tool, const QStringList &arguments) const;

    // "postgresql-client-15"
    static QString clientPackage(int major);

    // The connection string the tools get. Inside a Docker container the server is the
    // container's own: the tools connect there by its defaults (its socket and port), with the
    // profile's database and user only; the host and port this machine uses (often a mapped
    // port) mean nothing inside it.
    static QString toolConnInfo(const ConnectionProfile &profile);

private:
    ConnectionProfile m_profile;
    QStringList m_folders;
    bool m_foldersOverridden = false;
};

} // namespace strata::core

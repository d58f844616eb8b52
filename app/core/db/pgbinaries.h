#pragma once

#include "result.h"

#include <QString>
#include <QStringList>

namespace strata::core {

// Where a PostgreSQL program is installed: a chosen folder first, then PATH, then Debian's
// /usr/lib/postgresql/N/bin (newest first).
namespace pgbinaries {

struct Found
{
    QString path;
    int major = 0; // from `program --version`; 0 when it could not be read
    QString versionText;
};

QStringList searchFolders(const QString &preferredDir = {});
// Every copy of the program in these folders, newest major first (in folder order among equal
// majors). A copy is one file: links to the same file count once. Debian's pg_wrapper (what
// /usr/bin/pg_dump links to) is left out when a real copy is found, since all it does is start
// one of them, a Perl start-up later; it is kept when no real copy could say its version. Each
// `--version` is read once per process while the file stays the same (fileIdentity). Blocks on
// `--version`: call it from a worker, never the GUI thread.
QList<Found> findIn(const QString &program, const QStringList &folders);
QList<Found> findAll(const QString &program, const QString &preferredDir = {});
// "pg_dump (PostgreSQL) 15.4" -> 15
int parseMajor(const QString &versionOutput);
Result<Found> findNewest(const QString &program, const QString &preferredDir = {});

} // namespace pgbinaries
} // namespace strata::core

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
// Every copy of the program found, newest major first.
QList<Found> findAll(const QString &program, const QString &preferredDir = {});
// "pg_dump (PostgreSQL) 15.4" -> 15
int parseMajor(const QString &versionOutput);
Result<Found> findNewest(const QString &program, const QString &preferredDir = {});

} // namespace pgbinaries
} // namespace strata::core

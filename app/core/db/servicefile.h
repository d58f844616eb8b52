#pragma once

#include "db/conninfo.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace strata::core {

// Connection services from pg_service.conf, found where libpq looks for them: PGSERVICEFILE or
// ~/.pg_service.conf, then PGSYSCONFDIR/pg_service.conf (or the compiled-in sysconfdir).
namespace servicefile {

struct Service
{
    QString name;
    QString file; // where it was defined
    conninfo::Params params;
};

QStringList searchedFiles();
// Services from every file, the user's file first; a name defined twice keeps the first, as libpq.
QList<Service> list();
QList<Service> parse(const QString &path);

} // namespace servicefile
} // namespace strata::core

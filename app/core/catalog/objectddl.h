#pragma once

#include "catalog/catalogtypes.h"
#include "db/connectionprofile.h"
#include "result.h"

namespace strata::core {

class SessionContext;

// The SQL that recreates an object, as the server or pg_dump writes it.
namespace ObjectDdl {

// From the server's pg_get_*def functions: views, materialized views, functions, types,
// extensions, and for a relation its indexes, constraints and triggers. Runs on a session.
Result<QString> serverDefinition(SessionContext &ctx, ObjectKind kind, quint32 oid);

struct DumpRequest
{
    ConnectionProfile profile;
    QString password; // reaches pg_dump through a temporary PGPASSFILE (runTool), never argv
    int serverMajor = 0;
    QString schema;
    QString name;
    QString preferredBinDir; // searched before the profile's tools folder and PATH
};

// pg_dump --schema-only for exactly this relation, with a pg_dump whose major is at least the
// server's. Blocks until pg_dump ends: call it from a worker, never the GUI thread.
Result<QString> dumpRelation(const DumpRequest &request);

// pg_dump's -t pattern that matches exactly this schema and name, whatever characters they hold.
QString exactTablePattern(const QString &schema, const QString &name);
// Drops pg_dump's session SET lines and boilerplate comments, keeping the statements.
QString tidyDump(const QString &dump);

} // namespace ObjectDdl
} // namespace strata::core

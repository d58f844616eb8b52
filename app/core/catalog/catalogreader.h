#pragma once

#include "catalog/catalogtypes.h"
#include "catalog/relationlist.h"
#include "db/pgresult.h"
#include "result.h"

#include <QList>

namespace strata::core {

class SessionContext;

// Reads the system catalogs into plain values. Every function runs on a session's thread (it
// takes the SessionContext) and reads libpq results straight into structs; schemas and relations
// are addressed by OID. A relation that no longer exists gives an Error whose message says so.
namespace CatalogReader {

Result<QList<DatabaseInfo>> databases(SessionContext &ctx);
Result<QList<SchemaInfo>> schemas(SessionContext &ctx);
// One group of one schema; partitions are left out (see partitions()).
Result<QList<RelationInfo>> objects(SessionContext &ctx, quint32 schemaOid, CatalogGroup group);
Result<QList<RelationInfo>> partitions(SessionContext &ctx, quint32 parentOid);
// The same, read straight into compact storage (the schema tree's): no QString per row.
Result<RelationList> objectList(SessionContext &ctx, quint32 schemaOid, CatalogGroup group);
Result<RelationList> partitionList(SessionContext &ctx, quint32 parentOid);
// Every relation of a schema, partitions included with their parent's name, with exact sizes:
// for scripts (strata-cli schema), not for the interactive tree.
Result<QList<RelationInfo>> allRelations(SessionContext &ctx, quint32 schemaOid);
Result<RelationCounts> relationCounts(SessionContext &ctx, quint32 relOid);

Result<QList<ColumnInfo>> columns(SessionContext &ctx, quint32 relOid);
Result<QList<IndexInfo>> indexes(SessionContext &ctx, quint32 relOid);
Result<QList<ConstraintInfo>> constraints(SessionContext &ctx, quint32 relOid);
Result<QList<TriggerInfo>> triggers(SessionContext &ctx, quint32 relOid);

Result<RelationDetails> relationDetails(SessionContext &ctx, quint32 relOid);
Result<FunctionDetails> functionDetails(SessionContext &ctx, quint32 oid);
Result<TypeDetails> typeDetails(SessionContext &ctx, quint32 oid);
Result<ExtensionDetails> extensionDetails(SessionContext &ctx, quint32 oid);

// Names containing text (case-insensitive, LIKE wildcards in text taken literally).
Result<QList<FindMatch>> find(
    SessionContext &ctx, const QString &text, int limit, bool includeInternal);

// The schema PostGIS is installed in, or empty without PostGIS.
Result<QString> postgisSchema(SessionContext &ctx);

// The error for an object that was dropped after the tree showed it.
Error objectGone(const QString &what);

} // namespace CatalogReader
} // namespace strata::core

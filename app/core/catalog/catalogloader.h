#pragma once

#include "catalog/catalogtypes.h"
#include "catalog/previewreader.h"
#include "catalog/relationlist.h"
#include "result.h"

#include <QFuture>

#include <memory>

namespace strata::core {

class Connection;
class Session;

// What the schema tree and pages ask of the catalog: every call returns at once with a future;
// the reads run on the session's thread (CatalogReader). Models hold one of these and never run
// SQL themselves.
class CatalogLoader
{
public:
    // Reads through the connection's browsing session; pg_dump runs as the connection does.
    explicit CatalogLoader(std::shared_ptr<const Connection> connection);
    // Reads through this session only (tests and benchmarks); dumpDefinition is not available.
    explicit CatalogLoader(std::shared_ptr<Session> session);

    const std::shared_ptr<Session> &session() const { return m_session; }
    QString databaseName() const;

    QFuture<Result<QList<DatabaseInfo>>> databases();
    QFuture<Result<QList<SchemaInfo>>> schemas();
    // Compact lists (the schema tree keeps them as its rows).
    QFuture<Result<RelationList>> objects(quint32 schemaOid, CatalogGroup group);
    QFuture<Result<RelationList>> partitions(quint32 parentOid);
    QFuture<Result<RelationCounts>> relationCounts(quint32 relOid);
    QFuture<Result<QList<ColumnInfo>>> columns(quint32 relOid);
    QFuture<Result<QList<IndexInfo>>> indexes(quint32 relOid);
    QFuture<Result<QList<ConstraintInfo>>> constraints(quint32 relOid);
    QFuture<Result<QList<TriggerInfo>>> triggers(quint32 relOid);
    QFuture<Result<QList<FindMatch>>> find(const QString &text, int limit, bool includeInternal);

    QFuture<Result<RelationDetails>> relationDetails(quint32 oid);
    QFuture<Result<FunctionDetails>> functionDetails(quint32 oid);
    QFuture<Result<TypeDetails>> typeDetails(quint32 oid);
    QFuture<Result<ExtensionDetails>> extensionDetails(quint32 oid);
    QFuture<Result<QString>> serverDefinition(ObjectKind kind, quint32 oid);
    QFuture<Result<PreviewPage>> previewPage(const QString &schema, const QString &name,
        ObjectKind kind, const PreviewCursor &cursor, int pageSize);

    // What "Copy as SELECT" gives: a first look at a relation's rows, names quoted as needed.
    static QString selectStatement(const QString &schema, const QString &name);

    // pg_dump --schema-only for exactly this relation, run on the Io pool.
    QFuture<Result<QString>> dumpDefinition(const QString &schema, const QString &name) const;

    // Cancels the statement running now (a slow catalog read); it ends with a Canceled error.
    // Posted: returns at once.
    void cancel();

private:
    std::shared_ptr<const Connection> m_connection;
    std::shared_ptr<Session> m_session;
};

} // namespace strata::core

#include "catalogloader.h"

#include "catalog/catalogreader.h"
#include "catalog/objectddl.h"
#include "db/connection.h"
#include "db/identifiers.h"
#include "db/session.h"
#include "db/sqlregistry.h"
#include "util/async.h"

namespace strata::core {

CatalogLoader::CatalogLoader(std::shared_ptr<const Connection> connection)
    : m_connection(std::move(connection)), m_session(m_connection->browseSession())
{
}

CatalogLoader::CatalogLoader(std::shared_ptr<Session> session) : m_session(std::move(session)) { }

QString CatalogLoader::databaseName() const
{
    return m_session->profile().database;
}

QFuture<Result<QList<DatabaseInfo>>> CatalogLoader::databases()
{
    return m_session->run([](SessionContext &ctx) { return CatalogReader::databases(ctx); });
}

QFuture<Result<QList<SchemaInfo>>> CatalogLoader::schemas()
{
    return m_session->run([](SessionContext &ctx) { return CatalogReader::schemas(ctx); });
}

QFuture<Result<RelationList>> CatalogLoader::objects(quint32 schemaOid, CatalogGroup group)
{
    return m_session->run([schemaOid, group](SessionContext &ctx) {
        return CatalogReader::objectList(ctx, schemaOid, group);
    });
}

QFuture<Result<RelationList>> CatalogLoader::partitions(quint32 parentOid)
{
    return m_session->run(
        [parentOid](SessionContext &ctx) { return CatalogReader::partitionList(ctx, parentOid); });
}

QFuture<Result<RelationCounts>> CatalogLoader::relationCounts(quint32 relOid)
{
    return m_session->run(
        [relOid](SessionContext &ctx) { return CatalogReader::relationCounts(ctx, relOid); });
}

QFuture<Result<QList<ColumnInfo>>> CatalogLoader::columns(quint32 relOid)
{
    return m_session->run(
        [relOid](SessionContext &ctx) { return CatalogReader::columns(ctx, relOid); });
}

QFuture<Result<QList<IndexInfo>>> CatalogLoader::indexes(quint32 relOid)
{
    return m_session->run(
        [relOid](SessionContext &ctx) { return CatalogReader::indexes(ctx, relOid); });
}

QFuture<Result<QList<ConstraintInfo>>> CatalogLoader::constraints(quint32 relOid)
{
    return m_session->run(
        [relOid](SessionContext &ctx) { return CatalogReader::constraints(ctx, relOid); });
}

QFuture<Result<QList<TriggerInfo>>> CatalogLoader::triggers(quint32 relOid)
{
    return m_session->run(
        [relOid](SessionContext &ctx) { return CatalogReader::triggers(ctx, relOid); });
}

QFuture<Result<QList<FindMatch>>> CatalogLoader::find(
    const QString &text, int limit, bool includeInternal)
{
    return m_session->run([text, limit, includeInternal](SessionContext &ctx) {
        return CatalogReader::find(ctx, text, limit, includeInternal);
    });
}

QFuture<Result<RelationDetails>> CatalogLoader::relationDetails(quint32 oid)
{
    return m_session->run(
        [oid](SessionContext &ctx) { return CatalogReader::relationDetails(ctx, oid); });
}

QFuture<Result<FunctionDetails>> CatalogLoader::functionDetails(quint32 oid)
{
    return m_session->run(
        [oid](SessionContext &ctx) { return CatalogReader::functionDetails(ctx, oid); });
}

QFuture<Result<TypeDetails>> CatalogLoader::typeDetails(quint32 oid)
{
    return m_session->run(
        [oid](SessionContext &ctx) { return CatalogReader::typeDetails(ctx, oid); });
}

QFuture<Result<ExtensionDetails>> CatalogLoader::extensionDetails(quint32 oid)
{
    return m_session->run(
        [oid](SessionContext &ctx) { return CatalogReader::extensionDetails(ctx, oid); });
}

QFuture<Result<QString>> CatalogLoader::serverDefinition(ObjectKind kind, quint32 oid)
{
    return m_session->run(
        [kind, oid](SessionContext &ctx) { return ObjectDdl::serverDefinition(ctx, kind, oid); });
}

QFuture<Result<PreviewPage>> CatalogLoader::previewPage(const QString &schema, const QString &name,
    ObjectKind kind, const PreviewCursor &cursor, int pageSize)
{
    return m_session->run([=](SessionContext &ctx) {
        return PreviewReader::page(ctx, schema, name, kind, cursor, pageSize);
    });
}

QFuture<Result<QString>> CatalogLoader::dumpDefinition(
    const QString &schema, const QString &name) const
{
    if (!m_connection)
        return readyFuture(Result<QString>(
            Error(Error::Kind::Internal, QStringLiteral("No connection to run pg_dump with."))));
    ObjectDdl::DumpRequest req;
    req.profile = m_connection->profile();
    req.password = m_connection->secretForTools();
    req.serverMajor = m_connection->serverMajor();
    req.schema = schema;
    req.name = name;
    return asyncRun<Result<QString>>(Pool::Io,
        [req](QPromise<Result<QString>> &p) { p.addResult(ObjectDdl::dumpRelation(req)); });
}

QString CatalogLoader::selectStatement(const QString &schema, const QString &name)
{
    QString text;
    for (const QString &line :
        SqlRegistry::instance().text(QStringLiteral("catalog/select_rows")).split(u'\n'))
        if (!line.startsWith(QLatin1String("--")))
            text += line + u'\n';
    auto filled = SqlRegistry::fill(text.trimmed(),
        { { QStringLiteral("relation"), { schema, name } } }, quoteIdentifierIfNeeded);
    return filled ? filled.value() : QString();
}

void CatalogLoader::cancel()
{
    m_session->cancel();
}

} // namespace strata::core

#pragma once

#include <QList>
#include <QString>

namespace strata::core {

struct CandidateColumn
{
    QString name;
    QString type; // format_type(): "bigint", "character varying(50)", "timestamp with time zone"
};

// A table whose name some framework uses, with its columns, as the catalog query found it.
struct CandidateTable
{
    QString schema;
    QString table;
    QList<CandidateColumn> columns;

    bool has(const QString &column) const;
    QString type(const QString &column) const; // empty when absent
    bool isInteger(const QString &column) const; // smallint, integer, bigint, numeric
    bool isText(const QString &column) const; // varchar, text, char
    bool hasAll(const QStringList &names) const;
    QString qualifiedName() const; // schema.table for messages (not SQL)
};

// Every candidate in the database, so a detector can look at a table's neighbours
// (ar_internal_metadata beside schema_migrations, knex_migrations_lock, sqitch.changes).
struct CatalogSnapshot
{
    QList<CandidateTable> tables;
    const CandidateTable *find(const QString &schema, const QString &table) const;
};

} // namespace strata::core

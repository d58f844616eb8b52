#pragma once

#include "db/pgresult.h"
#include "migrations/candidatetable.h"
#include "migrations/migrationentry.h"
#include "result.h"

#include <QList>
#include <QStringList>

namespace strata::core {

class SessionContext;

// Recognises one framework's history table by its columns and reads its rows into entries.
// Extra columns are ignored; reading casts to text so wrong types and NULLs do not fail the
// query. Subclasses are small: columns to look for, a statement in sql/migrations/history/, and
// how a row maps to an entry.
class MigrationDetector
{
public:
    enum class Match { No, Yes, Ambiguous };

    virtual ~MigrationDetector() = default;
    virtual QString id() const = 0; // "flyway"
    virtual QString displayName() const = 0; // "Flyway"
    virtual QStringList tableNames() const = 0; // names the catalog query looks for
    virtual Match matches(const CandidateTable &table, const CatalogSnapshot &all) const = 0;
    // What the user runs to apply pending migrations with the framework's own tool.
    virtual QString upgradeCommand() const = 0;

    // Reads at most rowLimit rows (the latest ones), oldest first. *truncated is set when there
    // were more.
    Result<QList<MigrationEntry>> read(
        SessionContext &ctx, const CandidateTable &table, int rowLimit, bool *truncated) const;
    // Facts about the table beyond its rows (a held lock); default none.
    virtual QStringList notes(
        SessionContext &ctx, const CandidateTable &table, const CatalogSnapshot &all) const;

protected:
    // "migrations/history/flyway": the statement reads {{table}} (the quoted, schema-qualified
    // table) and {{schema}} (the quoted schema), newest first, LIMIT $1.
    virtual QString sqlName() const = 0;
    virtual QList<MigrationEntry> entriesFrom(const PgResult &rows) const = 0;

    // Helpers for entriesFrom: by column name, NULL-safe, tolerant of odd text.
    static QString text(const PgResult &r, int row, const char *column);
    static QDateTime timestamp(const PgResult &r, int row, const char *column);
    static qint64 number(const PgResult &r, int row, const char *column, qint64 fallback = -1);
    static bool flag(const PgResult &r, int row, const char *column, bool fallback = false);
    static bool isNull(const PgResult &r, int row, const char *column);
};

// PostgreSQL's text output of a timestamp (with or without zone), or epoch seconds/ms.
QDateTime parsePgTimestamp(const QString &text);

} // namespace strata::core

#pragma once

#include <QString>

namespace strata::core {

// One line of pg_dump / pg_restore / psql stderr, run with LC_MESSAGES=C and PG_COLOR=never.
struct DumpLogEvent
{
    enum class Kind {
        Other, // anything else worth logging
        CatalogStep, // pg_dump: "reading schemas", "saving encoding = UTF8", ...
        DumpingTable, // pg_dump: dumping contents of table "schema.table"   (name)
        FinishedItem, // -j: finished item N TYPE NAME                        (itemId, type)
        LaunchingItem, // pg_restore -j: launching item N TYPE NAME
        ProcessingItem, // pg_restore -j: processing item N TYPE NAME
        Creating, // pg_restore: creating TYPE "schema.name"               (type, name)
        ProcessingData, // pg_restore: processing data for table "schema.table" (name)
        Executing, // pg_restore: executing TYPE NAME
        Error, // "error: ..." (also psql's "ERROR:" lines)
        Detail,
        Hint,
        Warning,
        IgnoredErrors, // "warning: errors ignored on restore: N"              (count)
    };
    Kind kind = Kind::Other;
    QString program; // "pg_dump", "pg_restore", "psql"
    QString message; // the text after "program: "
    QString name; // unquoted "schema.table" as printed (names are not escaped by pg_dump)
    QString type; // "TABLE DATA", "CONSTRAINT", ...
    int itemId = -1;
    int count = 0;
};

class DumpLogParser
{
public:
    static DumpLogEvent parse(const QString &line);
    // "TABLE DATA public t2 postgres" -> type "TABLE DATA", rest "public t2 postgres".
    static void splitType(const QString &text, QString *type, QString *rest);
};

} // namespace strata::core

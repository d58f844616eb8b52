#pragma once

#include "result.h"

#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace strata::core {

enum class ArchiveFormat { Unknown, Custom, Directory, Tar, Plain };

// One line of `pg_restore --list`: "ID; TABLEOID OID TYPE SCHEMA NAME OWNER".
struct TocEntry
{
    int id = 0;
    QString type; // "TABLE DATA", "SEQUENCE SET", ...
    QString schema; // empty for "-"
    QString name; // the rest of the tag (a constraint is "table conname")
    QString owner;
    QString line; // as pg_restore printed it; written back into a --use-list file
    qint64 weight = 1; // for progress: bytes for TABLE DATA when known
    QList<int> dependencies; // the entries it depends on (pg_restore --list --verbose)

    bool isData() const { return type == QLatin1String("TABLE DATA"); }
    QString qualified() const { return schema.isEmpty() ? name : schema + u'.' + name; }
};

// An archive's table of contents, from `pg_restore --list`.
struct ArchiveToc
{
    ArchiveFormat format = ArchiveFormat::Unknown;
    QString database;
    QString dumpedFrom; // server version text
    QString dumpedBy; // pg_dump version text
    int dumpedByMajor = 0;
    QString formatText; // "CUSTOM"
    int declaredEntries = -1; // "TOC Entries: N" in the header
    QList<TocEntry> entries;

    // pg_restore prints names unquoted, so a name with spaces is ambiguous; schema names are
    // taken from the archive's own SCHEMA entries, "public", and `knownSchemas` (the manifest's:
    // an archive of chosen tables has no SCHEMA entries) to split them right.
    static Result<ArchiveToc> parse(
        const QString &listOutput, const QStringList &knownSchemas = {});
    // A --use-list file restoring only these entries, in the archive's order.
    QByteArray useList(const QSet<int> &ids) const;
    // These entries, each chosen partitioned table with its whole tree: the partitions under
    // it (their TABLE, TABLE ATTACH and TABLE DATA entries, its rows live there) and what
    // belongs to them alone (an index on a partition attached to a chosen index, a default).
    QSet<int> withPartitions(const QSet<int> &ids) const;
    static ArchiveFormat detect(const QString &path);
    static QString formatName(ArchiveFormat f);
};

} // namespace strata::core

#include "backupoptions.h"

#include <QJsonArray>

namespace strata::core {

QString BackupOptions::formatName(BackupFormat f)
{
    switch (f) {
    case BackupFormat::Custom:
        return QStringLiteral("custom");
    case BackupFormat::Directory:
        return QStringLiteral("directory");
    case BackupFormat::Tar:
        return QStringLiteral("tar");
    case BackupFormat::Plain:
        return QStringLiteral("plain");
    }
    return {};
}

std::optional<BackupFormat> BackupOptions::parseFormat(const QString &name)
{
    const QString n = name.toLower();
    if (n == QLatin1String("custom") || n == QLatin1String("c"))
        return BackupFormat::Custom;
    if (n == QLatin1String("directory") || n == QLatin1String("d"))
        return BackupFormat::Directory;
    if (n == QLatin1String("tar") || n == QLatin1String("t"))
        return BackupFormat::Tar;
    if (n == QLatin1String("plain") || n == QLatin1String("p") || n == QLatin1String("sql"))
        return BackupFormat::Plain;
    return std::nullopt;
}

Status BackupOptions::validate() const
{
    auto bad
        = [](const QString &m, const QString &h) { return Error(Error::Kind::InvalidInput, m, h); };
    if (outputPath.isEmpty())
        return bad(QStringLiteral("No output path was given."),
            QStringLiteral("Choose where the backup should be written."));
    if (dataOnly && schemaOnly)
        return bad(QStringLiteral("Data only and schema only cannot both be chosen."),
            QStringLiteral("Choose one of them, or neither for a full backup."));
    if (jobs < 1)
        return bad(QStringLiteral("The number of parallel jobs must be at least 1."), {});
    if (jobs > 1 && format != BackupFormat::Directory)
        return bad(QStringLiteral("Parallel jobs (-j %1) need the directory format.").arg(jobs),
            QStringLiteral("Choose the directory format or one job."));
    if (onConflictDoNothing && !inserts)
        return bad(QStringLiteral("ON CONFLICT DO NOTHING only applies to INSERT statements."),
            QStringLiteral("Also choose \"--inserts\"."));
    if (inserts && schemaOnly)
        return bad(QStringLiteral("--inserts writes rows, but schema only writes none."),
            QStringLiteral("Drop one of the two options."));
    if (withDependencies && tables.isEmpty())
        return bad(QStringLiteral("\"Include what these tables reference\" needs chosen tables."),
            QStringLiteral("Choose tables with -t."));
    if (compress > 9 || compress < -1)
        return bad(QStringLiteral("Compression must be between 0 and 9."), {});
    if (compress > 0 && format == BackupFormat::Tar)
        return bad(QStringLiteral("The tar format cannot be compressed by pg_dump."),
            QStringLiteral("Choose the custom or directory format, or no compression."));
    return Ok {};
}

QJsonObject BackupOptions::toJson() const
{
    QJsonObject o;
    o[QStringLiteral("format")] = formatName(format);
    o[QStringLiteral("jobs")] = jobs;
    o[QStringLiteral("schemas")] = QJsonArray::fromStringList(schemas);
    o[QStringLiteral("tables")] = QJsonArray::fromStringList(tables);
    o[QStringLiteral("with_dependencies")] = withDependencies;
    o[QStringLiteral("data_only")] = dataOnly;
    o[QStringLiteral("schema_only")] = schemaOnly;
    o[QStringLiteral("inserts")] = inserts;
    o[QStringLiteral("on_conflict_do_nothing")] = onConflictDoNothing;
    o[QStringLiteral("compress")] = compress;
    o[QStringLiteral("exclude_table_data")] = QJsonArray::fromStringList(excludeTableData);
    return o;
}

ArchiveFormat BackupOptions::archiveFormat(BackupFormat f)
{
    switch (f) {
    case BackupFormat::Custom:
        return ArchiveFormat::Custom;
    case BackupFormat::Directory:
        return ArchiveFormat::Directory;
    case BackupFormat::Tar:
        return ArchiveFormat::Tar;
    case BackupFormat::Plain:
        return ArchiveFormat::Plain;
    }
    return ArchiveFormat::Unknown;
}

} // namespace strata::core

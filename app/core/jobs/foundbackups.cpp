#include "foundbackups.h"

#include "jobs/archiveinspector.h"
#include "jobs/archiverowcounter.h"
#include "jobs/backupmanifest.h"

#include <QDir>
#include <QFileInfo>

namespace strata::core::foundbackups {

QStringList archivesIn(const QString &folder)
{
    QStringList out;
    const QDir dir(folder);
    for (const QFileInfo &fi :
        dir.entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        const QString name = fi.fileName();
        if (name.endsWith(QLatin1String(".manifest.json"))
            || name.contains(QLatin1String(".partial-")))
            continue;
        const ArchiveFormat f = ArchiveToc::detect(fi.filePath());
        // A text file is a plain dump only when it says so (pg_dump's first line).
        if (f == ArchiveFormat::Unknown)
            continue;
        if (f == ArchiveFormat::Plain) {
            QFile file(fi.filePath());
            if (!file.open(QIODevice::ReadOnly)
                || !file.read(4096).contains("-- PostgreSQL database dump"))
                continue;
        }
        out << fi.absoluteFilePath();
    }
    return out;
}

Result<BackupRun> describe(
    const QString &path, const ToolLocator &locator, const std::function<bool()> &canceled)
{
    const QFileInfo fi(path);
    BackupRun run;
    run.path = fi.absoluteFilePath();
    run.outcome = BackupOutcome::Found;
    run.origin = BackupOrigin::person();
    std::optional<ArchiveDigest> recorded;
    if (auto m = BackupManifest::read(run.path)) {
        recorded = m->digest;
        run.database = m->database;
        run.serverVersion = m->serverVersion;
        run.toolVersion = m->toolVersion;
        run.format = m->format;
        run.options = m->options;
        run.started = m->started;
        run.durationMs = m->durationMs;
        run.sha256 = m->digest.hex;
        run.manifestPath = BackupManifest::manifestPath(run.path);
        run.tables = backuphistory::rowCounts(*m);
        if (!run.tables.isEmpty())
            run.countsSource = QStringLiteral("manifest");
    } else {
        auto toc = ArchiveInspector(locator).readToc(run.path);
        if (!toc)
            return toc.error();
        run.database = toc->database;
        run.serverVersion = toc->dumpedFrom;
        run.toolVersion
            = toc->dumpedBy.isEmpty() ? QString() : QStringLiteral("pg_dump ") + toc->dumpedBy;
        run.format = ArchiveToc::formatName(toc->format);
        run.started = fi.lastModified().toUTC();
    }
    // An archive with a manifest must match it; one without is recorded with the checksums it
    // has now.
    HashControl control;
    control.canceled = canceled;
    if (recorded) {
        if (auto s = archivedigest::check(run.path, *recorded, control); !s)
            return s.error();
        auto size = archivedigest::archiveSize(run.path);
        if (!size)
            return size.error();
        run.size = size.value();
    } else {
        auto d = archivedigest::compute(run.path, ArchiveDigest::Scheme::Chunked, control);
        if (!d)
            return d.error();
        run.sha256 = d->hex;
        run.size = d->size();
    }
    if (run.tables.isEmpty()) {
        auto counted = countArchiveRows(run.path, canceled);
        if (counted) {
            run.tables = counted.value();
            run.countsSource = QStringLiteral("archive");
        }
    }
    return run;
}

Result<QList<qint64>> addFolder(BackupCatalog &catalog, const QString &folder,
    const ToolLocator &locator, QStringList *skipped, const std::function<bool()> &canceled)
{
    if (!QFileInfo(folder).isDir())
        return Error(Error::Kind::InvalidInput, QStringLiteral("%1 is not a folder.").arg(folder));
    QList<qint64> added;
    for (const QString &path : archivesIn(folder)) {
        if (canceled && canceled())
            return Error(Error::Kind::Canceled, QStringLiteral("Cancelled."));
        auto known = catalog.findByPath(path);
        if (!known)
            return known.error();
        if (known->has_value())
            continue;
        auto run = describe(path, locator, canceled);
        if (!run) {
            if (skipped)
                *skipped << QStringLiteral("%1: %2").arg(path, run.error().message);
            continue;
        }
        auto id = catalog.recordRun(run.value());
        if (!id)
            return id.error();
        added << id.value();
    }
    return added;
}

Result<qint64> entryFor(BackupCatalog &catalog, const QString &path, const ToolLocator &locator,
    const std::function<bool()> &canceled)
{
    auto known = catalog.findByPath(path);
    if (!known)
        return known.error();
    if (known->has_value())
        return known->value();
    auto run = describe(path, locator, canceled);
    if (!run)
        return run.error();
    return catalog.recordRun(run.value());
}

} // namespace strata::core::foundbackups

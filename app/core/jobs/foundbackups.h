#pragma once

#include "jobs/backupcatalog.h"
#include "jobs/toollocator.h"

#include <functional>

namespace strata::core {

// Backups Strata did not make (or whose entry was forgotten), found on disk and added to the
// history: what they are from their manifest when they have one, else from the archive itself.
namespace foundbackups {

// The archives in a folder (not its subfolders): files pg_dump made and directory archives;
// manifests and partial files are left out.
QStringList archivesIn(const QString &folder);

// The history entry for an archive on disk: its manifest's facts, or pg_restore --list's (the
// database, the versions), its size and SHA-256, and each table's rows counted in the archive.
// Reads the archive whole: call it on a worker.
Result<BackupRun> describe(
    const QString &path, const ToolLocator &locator, const std::function<bool()> &canceled = {});

// Adds the archives of a folder that the history does not hold yet; returns the new entries'
// ids. An archive that cannot be read is skipped and named in *skipped.
Result<QList<qint64>> addFolder(BackupCatalog &catalog, const QString &folder,
    const ToolLocator &locator, QStringList *skipped = nullptr,
    const std::function<bool()> &canceled = {});

// The history's entry for an archive, added as found when it has none.
Result<qint64> entryFor(BackupCatalog &catalog, const QString &path, const ToolLocator &locator,
    const std::function<bool()> &canceled = {});

} // namespace foundbackups
} // namespace strata::core

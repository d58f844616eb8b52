#include "restoreoptions.h"

namespace strata::core {

Status RestoreOptions::validate() const
{
    if (archivePath.isEmpty())
        return Error(Error::Kind::InvalidInput, QStringLiteral("No archive was given."),
            QStringLiteral("Choose the backup to restore."));
    if (jobs < 1)
        return Error(Error::Kind::InvalidInput,
            QStringLiteral("The number of parallel jobs must be at least 1."));
    if (selectedIds && selectedIds->isEmpty())
        return Error(Error::Kind::InvalidInput, QStringLiteral("No item is chosen to restore."),
            QStringLiteral("Tick at least one item of the archive."));
    if (selectedIds && !useListFile.isEmpty())
        return Error(Error::Kind::InvalidInput,
            QStringLiteral("Choose items or give a --use-list file, not both."));
    if (dataOnly && clean)
        return Error(Error::Kind::InvalidInput,
            QStringLiteral("Clean drops the tables a data-only restore fills."),
            QStringLiteral("Choose one of the two."));
    return Ok {};
}

} // namespace strata::core

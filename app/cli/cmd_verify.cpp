#include "command.h"

#include "jobs/archiveinspector.h"

#include <QLocale>

using namespace strata::core;

namespace {

int runVerify(const QStringList &args)
{
    if (args.size() != 1) {
        strata::cli::err(QStringLiteral("Usage: strata-cli verify ARCHIVE"));
        return 2;
    }
    ArchiveInspector inspector { ToolLocator(ConnectionProfile {}) };
    auto rep = inspector.verify(args.first());
    if (!rep) {
        strata::cli::err(QStringLiteral("error: ") + rep.error().toString());
        return 1;
    }
    strata::cli::out(QStringLiteral("archive: %1 (%2 format, %3)")
                         .arg(args.first(), ArchiveToc::formatName(rep->format),
                             QLocale::c().formattedDataSize(rep->size)));
    strata::cli::out(QStringLiteral("sha256: %1").arg(rep->sha256));
    if (rep->format != ArchiveFormat::Plain)
        strata::cli::out(QStringLiteral("contents: %1 entries, %2 with table data, made by "
                                        "pg_dump %3")
                             .arg(rep->entries)
                             .arg(rep->dataEntries)
                             .arg(rep->dumpedBy));
    if (!rep->manifestMatches.has_value()) {
        strata::cli::out(QStringLiteral("manifest: none beside the archive; pg_restore read it "
                                        "whole without error"));
    } else if (*rep->manifestMatches) {
        strata::cli::out(QStringLiteral("manifest: SHA-256 matches"));
    } else {
        strata::cli::err(QStringLiteral("error: the SHA-256 does not match the manifest (%1): the "
                                        "archive is damaged or was changed.")
                             .arg(rep->manifestSha256));
        return 1;
    }
    strata::cli::out(QStringLiteral("ok"));
    return 0;
}

} // namespace

STRATA_CLI_COMMAND("verify", "verify ARCHIVE",
    "Re-hash a backup against its manifest and read its table of contents with\n"
    "      pg_restore --list (without a manifest, read it whole). Exit 0 only if "
    "sound.",
    runVerify);

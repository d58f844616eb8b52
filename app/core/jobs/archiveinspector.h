#pragma once

#include "jobs/archivetoc.h"
#include "jobs/backupmanifest.h"
#include "jobs/toollocator.h"
#include "result.h"

#include <functional>
#include <optional>

namespace strata::core {

struct VerifyReport
{
    ArchiveFormat format = ArchiveFormat::Unknown;
    QString sha256;
    qint64 size = 0;
    std::optional<bool> manifestMatches; // nullopt: no manifest beside the archive
    QString manifestSha256;
    QString checksum; // what the digests are of: "SHA-256", "SHA-256 of 8 MiB chunks"
    QString difference; // where the archive differs from its manifest, when it does
    int entries = 0;
    int dataEntries = 0;
    QString dumpedBy;
    bool ok() const { return manifestMatches.value_or(true); }
};

// Reads archives before anything touches a database. Blocks: run it on a worker.
class ArchiveInspector
{
public:
    explicit ArchiveInspector(ToolLocator locator);

    // `pg_restore --list` with a pg_restore new enough for the archive; plain SQL files give
    // an empty table of contents. tool receives the pg_restore chosen.
    Result<ArchiveToc> readToc(const QString &path, ToolInfo *tool = nullptr) const;
    // The whole archive is sound: checkManifest, or without a manifest readEveryBlock.
    Status checkIntegrity(const QString &path, const ArchiveToc &toc, const ToolInfo &tool,
        const std::function<bool()> &canceled = {},
        const std::function<void(qint64, qint64)> &progress = {}) const;
    // The archive's SHA-256 against the manifest beside it; nullopt when there is no manifest,
    // an error when there is one that is damaged. `progress(done, all)` follows the bytes hashed. A
    // file that matched its manifest in this process within the hour, and has not been written to
    // since, is not read again. Needs no pg_restore: it can run while the table of contents is
    // read.
    static std::optional<Status> checkManifest(const QString &path,
        const std::function<bool()> &canceled = {},
        const std::function<void(qint64, qint64)> &progress = {});
    // pg_restore reads every block of the archive into /dev/null (a truncated custom archive
    // still lists); a plain SQL file is Ok (psql stops at its first error, in one transaction).
    Status readEveryBlock(const QString &path, const ArchiveToc &toc, const ToolInfo &tool,
        const std::function<bool()> &canceled = {}) const;
    // The manifest beside an archive: none (nullopt), or one that parses and holds a SHA-256;
    // one that is there but damaged is an error, never taken for none.
    static Result<std::optional<BackupManifest>> readManifest(const QString &path);
    // Forgets which archives were found sound (benchmarks measure a first restore each time).
    static void forgetVerified();
    // For `strata-cli verify`: re-hash against the manifest and list the contents.
    Result<VerifyReport> verify(const QString &path) const;

private:
    ToolLocator m_locator;
};

} // namespace strata::core

#pragma once

#include "jobs/archivetoc.h"
#include "jobs/backuphistory.h"
#include "result.h"

#include <functional>
#include <memory>

namespace strata::core {

// Each table's row count in pg_dump's output, counted as the bytes go by: the custom format's
// data blocks (inflated when compressed), the tar format's members, a plain SQL file's COPY
// blocks, and a directory archive's data files one by one. This is how Strata knows the row
// counts a backup holds without counting the tables on the server: the archive is pg_dump's
// snapshot, read once while pg_dump writes it (ArchiveFollower), or afterwards for a backup
// found in a folder.
//
// Data written as INSERT statements (--inserts), and lz4 or zstd compression, give no count for
// the tables concerned (rows -1).
class ArchiveRowCounter
{
public:
    explicit ArchiveRowCounter(ArchiveFormat format);
    ~ArchiveRowCounter();
    ArchiveRowCounter(const ArchiveRowCounter &) = delete;
    ArchiveRowCounter &operator=(const ArchiveRowCounter &) = delete;

    // The next piece of a custom, tar or plain archive.
    void feed(const char *data, qsizetype n);
    // The next piece of one data file of a directory archive ("3401.dat.gz").
    void feedFile(const QString &fileName, const char *data, qsizetype n);
    // A directory archive's toc.dat (pg_dump writes it last).
    void setDirectoryToc(const QByteArray &tocDat);
    // Whether a directory archive's file holds table data this counter reads.
    static bool isDataFile(const QString &fileName);

    // After the last byte: every table's count, or why the archive could not be counted.
    Result<QList<TableRowCount>> finish();

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

// Counts an archive on disk (a backup found in a folder, or one made without counts). Reads
// it whole: call it on a worker.
Result<QList<TableRowCount>> countArchiveRows(
    const QString &path, const std::function<bool()> &canceled = {});

} // namespace strata::core

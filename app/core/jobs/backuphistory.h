#pragma once

#include "result.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace strata::core {

struct BackupManifest;
struct ConnectionProfile;

// Who asked for a backup: a person (by their login name) or a schedule (by its name).
struct BackupOrigin
{
    bool scheduled = false;
    QString name;

    static BackupOrigin person(); // the login name of whoever runs this process
    static BackupOrigin schedule(const QString &name) { return { true, name }; }
};

enum class BackupOutcome { Written, Failed, Cancelled, Found };

// Whether a backup's file is still what was written, seen when the history is read (a cheap
// look at its size and time; `verify` reads it whole).
enum class FileState { Unknown, Present, Missing, Changed };

// One table's rows at backup time. rows -1: not known (data written as INSERT statements, or a
// compression Strata cannot read).
struct TableRowCount
{
    QString schema;
    QString name;
    qint64 rows = -1;

    QString qualified() const { return schema + u'.' + name; }
    bool operator==(const TableRowCount &) const = default;
};

struct RestoreTestRecord
{
    qint64 id = 0;
    qint64 backupId = 0;
    QDateTime testedAt;
    QString target; // the server it was restored on ("user@host:port")
    QString database; // the throwaway database's name
    bool passed = false;
    QString summary;
    QStringList problems; // one line each; empty when it passed
    QString log;
    qint64 durationMs = 0;
};

// One entry of the backup history: a backup written (or found), or a run that failed or was
// cancelled, with its log.
struct BackupEntry
{
    qint64 id = 0;
    QString path;
    QString server; // "host:port", "local socket", "service=NAME"
    QString database;
    QString serverVersion;
    QString toolVersion;
    QString format;
    QString what; // "whole database", "schemas sales, crm", "tables public.orders; data only"
    QJsonObject options;
    QDateTime started;
    qint64 durationMs = 0;
    qint64 size = 0;
    QString sha256;
    QString manifestPath;
    BackupOrigin origin;
    BackupOutcome outcome = BackupOutcome::Written;
    QString error;
    QString log;
    QString countsSource; // "dump": counted as pg_dump wrote it; "archive": read afterwards
    std::optional<QDateTime> verifiedAt;
    bool verifyOk = false;
    QString verifyMessage;
    std::optional<RestoreTestRecord> lastRestoreTest;
    std::optional<QDateTime> deletedAt;
    QString deletedReason;
    bool notified = false;
    FileState fileState = FileState::Unknown; // filled by BackupCatalog::list

    // A file that exists (or existed): written or found, as opposed to a failed run.
    bool isBackup() const
    {
        return outcome == BackupOutcome::Written || outcome == BackupOutcome::Found;
    }
    bool isDeleted() const { return deletedAt.has_value(); }
    bool passedRestoreTest() const { return lastRestoreTest && lastRestoreTest->passed; }
    // A few words for a list: "restore-tested", "hash verified", "file missing", "failed".
    QString stateText() const;
};

namespace backuphistory {

QString outcomeName(BackupOutcome o); // "written", "failed", "cancelled", "found"
std::optional<BackupOutcome> parseOutcome(const QString &name);
QString fileStateName(FileState s); // "unknown", "present", "missing", "changed"
// The server part of a profile, for grouping: "db.example.com:5432", "local socket",
// "service=prod".
QString serverLabel(const ConnectionProfile &profile);
// What a backup holds, in a few words, from its options (BackupOptions::toJson).
QString describeWhat(const QJsonObject &options);
// The row counts a manifest's objects carry ("rows"), and objects given them.
QList<TableRowCount> rowCounts(const BackupManifest &manifest);
QJsonArray withRowCounts(QJsonArray objects, const QList<TableRowCount> &counts);
// The archive at `path` against the digest the history recorded for it (hex): through the
// manifest beside it while that still holds the same digest (its chunks checked on every core),
// else by hashing the archive in both schemes (chunked, and whole as manifests of version 1
// had it). Ok, Canceled, or an error that says what differs. Blocks: run it on a worker.
Status checkRecorded(
    const QString &path, const QString &recorded, const std::function<bool()> &canceled = {});

} // namespace backuphistory
} // namespace strata::core

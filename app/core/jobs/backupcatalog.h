#pragma once

#include "jobs/backuphistory.h"
#include "jobs/backupmanifest.h"
#include "result.h"

#include <QList>
#include <QString>

namespace strata::core {

// What one backup run leaves in the history, whatever its end.
struct BackupRun
{
    QString path; // the target (a failed run's target never held a file)
    QString server;
    QString database;
    QString serverVersion;
    QString toolVersion;
    QString format;
    QJsonObject options; // BackupOptions::toJson
    QDateTime started;
    qint64 durationMs = 0;
    qint64 size = 0;
    QString sha256;
    QString manifestPath;
    BackupOrigin origin;
    BackupOutcome outcome = BackupOutcome::Written;
    QString error;
    QString log;
    QList<TableRowCount> tables; // row counts at backup time, when known
    QString countsSource; // "dump" or "archive"

    // A written backup as its manifest describes it (path made absolute, manifest beside it).
    static BackupRun fromManifest(const BackupManifest &m, const BackupOrigin &origin);
};

// The local backup history (SQLite through QSqlDatabase "QSQLITE", statements in sql/local/),
// in the app data folder: every backup run (written, failed, cancelled), backups found in
// folders, their row counts at backup time, verifications, restore tests and deletions, and
// the schedules. Every call opens its own connection on the calling thread, so any worker may
// use it; it blocks on the disk, so never call it on the GUI thread (BackupHistoryService is
// the asynchronous front). A catalog made by an older Strata is brought up to date, its
// entries kept, when first opened.
class BackupCatalog
{
public:
    // The default file, or $STRATA_BACKUP_CATALOG when set (tests, scripts).
    static QString defaultPath();
    // The default file whatever the environment says (~/.local/share/strata/backups.sqlite).
    static QString standardPath();
    explicit BackupCatalog(QString path = defaultPath());
    QString path() const { return m_path; }

    // Opens (and migrates) the catalog; the version it had before (0: new or Strata 0.1).
    Result<int> open() const;

    // A backup written, from its manifest (row counts from its objects' "rows").
    Result<qint64> record(
        const BackupManifest &manifest, const BackupOrigin &origin = BackupOrigin::person());
    Result<qint64> recordRun(const BackupRun &run);

    // Every entry, grouped by server and database, newest first, with its last restore test
    // and whether its file is still there unchanged (a look at size and time, not a hash).
    Result<QList<BackupEntry>> list() const;
    Result<BackupEntry> entry(qint64 id) const;
    // The newest live entry for a backup file, if the history has one.
    Result<std::optional<qint64>> findByPath(const QString &path) const;
    Result<QList<TableRowCount>> tableCounts(qint64 id) const;
    // Replaces one table's recorded count (tests; a person correcting a record).
    Status setTableCount(qint64 id, const QString &schema, const QString &name, qint64 rows);
    Status setTableCounts(qint64 id, const QList<TableRowCount> &counts, const QString &source);
    Result<QList<RestoreTestRecord>> restoreTests(qint64 id) const;

    Status recordVerification(qint64 id, bool ok, const QString &message);
    Result<qint64> recordRestoreTest(const RestoreTestRecord &test);
    // The file is gone (deleted by retention or by hand); the entry stays, saying why.
    Status markDeleted(qint64 id, const QString &reason);
    // Removes the entry (its counts and tests too); the file is left alone.
    Status forget(qint64 id);

    // Scheduled runs that failed or were cancelled and nobody was told about yet.
    Result<QList<BackupEntry>> unnotifiedFailures() const;
    Status markNotified(const QList<qint64> &ids);

private:
    QString m_path;
};

} // namespace strata::core

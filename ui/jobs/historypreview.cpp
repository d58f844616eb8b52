#include "historypreview.h"

namespace strata::ui {

using core::BackupEntry;
using core::BackupOutcome;

HistoryPreview historyPreview(const core::ConnectionProfile &profile)
{
    HistoryPreview p;
    const QString db = profile.database.isEmpty() ? QStringLiteral("shop") : profile.database;
    const QString server = profile.host.isEmpty() ? QStringLiteral("db.internal.example:5432")
                                                  : core::backuphistory::serverLabel(profile);
    const QDateTime night = QDateTime(QDate::currentDate(), QTime(3, 0)).toUTC();
    qint64 id = 100;
    auto add = [&](int daysBack, BackupOutcome outcome, const QString &by,
                   bool scheduled) -> BackupEntry & {
        BackupEntry e;
        e.id = ++id;
        e.server = server;
        e.database = db;
        e.started = night.addDays(-daysBack);
        e.durationMs = 184000 + daysBack * 1300;
        e.size = 1'860'000'000 - daysBack * 3'100'000;
        e.format = QStringLiteral("custom");
        e.what = QStringLiteral("whole database");
        e.toolVersion = QStringLiteral("pg_dump (PostgreSQL) 15.18");
        e.serverVersion = QStringLiteral("PostgreSQL 15.18");
        e.origin = { scheduled, by };
        e.outcome = outcome;
        e.countsSource = QStringLiteral("dump");
        e.path = QStringLiteral("/srv/backups/%1-%2-030000.dump")
                     .arg(db, e.started.toLocalTime().toString(QStringLiteral("yyyyMMdd")));
        e.fileState = core::FileState::Present;
        p.entries << e;
        return p.entries.last();
    };
    BackupEntry &newest = add(0, BackupOutcome::Written, QStringLiteral("nightly"), true);
    newest.verifiedAt = night.addSecs(400);
    newest.verifyOk = true;
    newest.verifyMessage = QStringLiteral("SHA-256 matches the one recorded at backup time");
    core::RestoreTestRecord passed { 1, newest.id, night.addSecs(900), server,
        QStringLiteral("strata_restore_test_%1_030000_4f1a2c")
            .arg(night.toString(QStringLiteral("yyyyMMdd"))),
        true,
        QStringLiteral("Restore test passed: 5 tables with 2,604,112 rows as at backup time, 3 "
                       "sequences past their columns, restored without errors (on %1)")
            .arg(server),
        {}, {}, 212000 };
    newest.lastRestoreTest = passed;
    p.selected = newest.id;
    p.counts.insert(newest.id,
        { { QStringLiteral("agri"), QStringLiteral("crops"), 212 },
            { QStringLiteral("agri"), QStringLiteral("dias_catalogue"), 48'210 },
            { QStringLiteral("agri"), QStringLiteral("parcel_set"), 1'311 },
            { QStringLiteral("agri"), QStringLiteral("parcels"), 554'379 },
            { QStringLiteral("agri"), QStringLiteral("roi2024_card_signatures"), 2'000'000 } });
    BackupEntry &failed = add(1, BackupOutcome::Failed, QStringLiteral("nightly"), true);
    failed.error
        = QStringLiteral("connection to server at \"%1\" failed: Connection refused").arg(server);
    failed.size = 0;
    failed.durationMs = 1200;
    failed.toolVersion.clear();
    BackupEntry &verified = add(2, BackupOutcome::Written, QStringLiteral("nightly"), true);
    verified.verifiedAt = night.addDays(-2).addSecs(400);
    verified.verifyOk = true;
    verified.verifyMessage = QStringLiteral("SHA-256 matches the one recorded at backup time");
    BackupEntry &differs = add(3, BackupOutcome::Written, QStringLiteral("nightly"), true);
    differs.lastRestoreTest = core::RestoreTestRecord { 2, differs.id,
        night.addDays(-3).addSecs(900), server, QStringLiteral("strata_restore_test_x"), false,
        QStringLiteral("Restore test failed: pg_restore ended with exit code 1: role \"reporting\" "
                       "does not exist"),
        { QStringLiteral("pg_restore ended with exit code 1: role \"reporting\" does not exist") },
        {}, 198000 };
    BackupEntry &cancelled = add(
        4, BackupOutcome::Cancelled, qEnvironmentVariable("USER", QStringLiteral("dba")), false);
    cancelled.error = QStringLiteral("Cancelled; the partial backup was removed.");
    cancelled.size = 0;
    cancelled.toolVersion.clear();
    cancelled.started = cancelled.started.addSecs(9 * 3600);
    BackupEntry &pruned = add(9, BackupOutcome::Written, QStringLiteral("nightly"), true);
    pruned.deletedAt = night.addDays(-2).addSecs(200);
    pruned.deletedReason
        = QStringLiteral("retention of schedule nightly (keep-daily 7, keep-weekly 4)");
    return p;
}

} // namespace strata::ui

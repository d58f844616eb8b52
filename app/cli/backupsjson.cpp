#include "backupsjson.h"

#include "command.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace strata::cli {

using namespace strata::core;

namespace {

QJsonValue orNull(const QString &s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

QJsonObject retentionJson(const RetentionPolicy &p)
{
    return { { "last", p.keepLast }, { "daily", p.keepDaily }, { "weekly", p.keepWeekly },
        { "monthly", p.keepMonthly } };
}

} // namespace

QString isoTime(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODate) : QString();
}

void printJson(const QJsonObject &o)
{
    out(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented)).trimmed());
}

QJsonObject entryJson(const BackupEntry &e)
{
    QJsonObject o {
        { "id", double(e.id) },
        { "server", e.server },
        { "database", e.database },
        { "path", e.path },
        { "outcome", backuphistory::outcomeName(e.outcome) },
        { "state", e.stateText() },
        { "file", backuphistory::fileStateName(e.fileState) },
        { "started", isoTime(e.started) },
        { "duration_ms", double(e.durationMs) },
        { "size", double(e.size) },
        { "format", e.format },
        { "what", e.what },
        { "server_version", orNull(e.serverVersion) },
        { "tool_version", orNull(e.toolVersion) },
        { "sha256", orNull(e.sha256) },
        { "made_by",
            QJsonObject { { "kind", e.origin.scheduled ? "schedule" : "person" },
                { "name", e.origin.name } } },
        { "error", orNull(e.error) },
        { "counts_source", orNull(e.countsSource) },
    };
    o["verified"] = e.verifiedAt ? QJsonValue(QJsonObject { { "at", isoTime(*e.verifiedAt) },
                        { "ok", e.verifyOk }, { "message", e.verifyMessage } })
                                 : QJsonValue(QJsonValue::Null);
    if (e.lastRestoreTest) {
        const RestoreTestRecord &t = *e.lastRestoreTest;
        o["restore_test"] = QJsonObject { { "at", isoTime(t.testedAt) }, { "target", t.target },
            { "database", t.database }, { "passed", t.passed }, { "summary", t.summary },
            { "problems", QJsonArray::fromStringList(t.problems) },
            { "duration_ms", double(t.durationMs) } };
    } else {
        o["restore_test"] = QJsonValue(QJsonValue::Null);
    }
    o["deleted"] = e.deletedAt
        ? QJsonValue(QJsonObject { { "at", isoTime(*e.deletedAt) }, { "reason", e.deletedReason } })
        : QJsonValue(QJsonValue::Null);
    if (!e.isBackup())
        o["log"] = e.log;
    return o;
}

QJsonObject restoreTestJson(const RestoreTestReport &r)
{
    QJsonArray tables, sequences;
    for (const RestoreTestTable &t : r.tables)
        tables.append(QJsonObject { { "schema", t.schema }, { "name", t.name },
            { "rows_at_backup", t.expected >= 0 ? QJsonValue(double(t.expected)) : QJsonValue() },
            { "rows_restored", t.restored >= 0 ? QJsonValue(double(t.restored)) : QJsonValue() },
            { "of_extension", t.ofExtension }, { "passed", t.passed() } });
    for (const RestoreTestSequence &s : r.sequences)
        sequences.append(QJsonObject { { "sequence", s.sequence }, { "column", s.column },
            { "column_max", double(s.columnMax) }, { "next_value", double(s.nextValue) },
            { "passed", s.passed() } });
    return { { "archive", r.archivePath }, { "backup_id", double(r.backupId) },
        { "target", r.target }, { "database", r.database }, { "dropped", r.dropped },
        { "passed", r.passed() }, { "counts_source", orNull(r.countsSource) },
        { "tool_exit_code", r.toolExitCode },
        { "tool_errors", QJsonArray::fromStringList(r.toolErrors) }, { "tables", tables },
        { "sequences", sequences }, { "problems", QJsonArray::fromStringList(r.problems) },
        { "duration_ms", double(r.durationMs) } };
}

QJsonObject scheduleJson(
    const BackupSchedule &s, const ScheduleLastRun *last, const QString &nextRun, bool unitsWritten)
{
    QJsonObject o { { "name", s.name }, { "connection", s.conninfo }, { "database", s.database() },
        { "folder", s.outputDir }, { "pattern", s.pattern }, { "every", s.every },
        { "format", BackupOptions::formatName(s.options.format) },
        { "keep", retentionJson(s.retention) }, { "units_written", unitsWritten },
        { "next_run", orNull(nextRun) }, { "created", isoTime(s.created) } };
    o["last_run"] = last ? QJsonValue(QJsonObject { { "backup_id", double(last->backupId) },
                        { "started", isoTime(last->started) }, { "outcome", last->outcome },
                        { "error", orNull(last->error) } })
                         : QJsonValue(QJsonValue::Null);
    return o;
}

QJsonObject pruneJson(const PruneReport &r)
{
    QJsonArray kept, deleted;
    for (const PruneEntry &e : r.entries) {
        QJsonObject o { { "id", double(e.id) }, { "path", e.path },
            { "started", isoTime(e.started) } };
        if (e.keep) {
            o["reasons"] = QJsonArray::fromStringList(e.reasons);
            kept.append(o);
        } else {
            o["problem"] = orNull(e.problem);
            deleted.append(o);
        }
    }
    return { { "schedule", r.schedule }, { "policy", retentionJson(r.policy) },
        { "dry_run", r.dryRun }, { "kept", kept }, { "deleted", deleted } };
}

} // namespace strata::cli

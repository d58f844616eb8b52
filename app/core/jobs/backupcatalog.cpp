#include "backupcatalog.h"

#include "jobs/catalogdb.h"

#include <QDirIterator>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSqlRecord>
#include <QStandardPaths>

namespace strata::core {

namespace {

QString iso(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime fromIso(const QVariant &v)
{
    QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(v.toString(), Qt::ISODate);
    return t.toUTC();
}

std::optional<QDateTime> optionalTime(const QVariant &v)
{
    if (v.isNull() || v.toString().isEmpty())
        return std::nullopt;
    return fromIso(v);
}

// A column that is NOT NULL takes an empty text where Qt would bind a null one.
QString text(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

QString now()
{
    return iso(QDateTime::currentDateTimeUtc());
}

qint64 pathSize(const QFileInfo &fi)
{
    if (!fi.isDir())
        return fi.size();
    qint64 total = 0;
    QDirIterator it(fi.filePath(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        total += it.fileInfo().size();
    }
    return total;
}

// A cheap look: the file is there with the size it was written with, and (for a backup Strata
// wrote) not written to since the job ended. Only `verify` reads it whole.
FileState lookAt(const BackupEntry &e)
{
    if (!e.isBackup() || e.isDeleted())
        return FileState::Unknown;
    const QFileInfo fi(e.path);
    if (e.path.isEmpty() || !fi.exists())
        return FileState::Missing;
    if (e.size > 0 && pathSize(fi) != e.size)
        return FileState::Changed;
    const QDateTime ended = e.started.addMSecs(e.durationMs).addSecs(120);
    if (e.outcome == BackupOutcome::Written && !fi.isDir() && e.started.isValid()
        && fi.lastModified().toUTC() > ended)
        return FileState::Changed;
    return FileState::Present;
}

BackupEntry entryFrom(const QSqlQuery &q)
{
    BackupEntry e;
    e.id = q.value(QStringLiteral("id")).toLongLong();
    e.path = q.value(QStringLiteral("path")).toString();
    e.server = q.value(QStringLiteral("server")).toString();
    e.database = q.value(QStringLiteral("database")).toString();
    e.serverVersion = q.value(QStringLiteral("server_version")).toString();
    e.toolVersion = q.value(QStringLiteral("tool_version")).toString();
    e.format = q.value(QStringLiteral("format")).toString();
    e.what = q.value(QStringLiteral("what")).toString();
    e.options
        = QJsonDocument::fromJson(q.value(QStringLiteral("options")).toString().toUtf8()).object();
    e.started = fromIso(q.value(QStringLiteral("started")));
    e.durationMs = q.value(QStringLiteral("duration_ms")).toLongLong();
    e.size = q.value(QStringLiteral("size")).toLongLong();
    e.sha256 = q.value(QStringLiteral("sha256")).toString();
    e.manifestPath = q.value(QStringLiteral("manifest")).toString();
    e.origin.scheduled = q.value(QStringLiteral("made_by")).toString() == QLatin1String("schedule");
    e.origin.name = q.value(QStringLiteral("made_by_name")).toString();
    e.outcome = backuphistory::parseOutcome(q.value(QStringLiteral("outcome")).toString())
                    .value_or(BackupOutcome::Written);
    e.error = q.value(QStringLiteral("error")).toString();
    e.log = q.value(QStringLiteral("log")).toString();
    e.countsSource = q.value(QStringLiteral("counts_source")).toString();
    e.verifiedAt = optionalTime(q.value(QStringLiteral("verified_at")));
    e.verifyOk = q.value(QStringLiteral("verify_ok")).toInt() == 1;
    e.verifyMessage = q.value(QStringLiteral("verify_message")).toString();
    e.deletedAt = optionalTime(q.value(QStringLiteral("deleted_at")));
    e.deletedReason = q.value(QStringLiteral("deleted_reason")).toString();
    e.notified = q.value(QStringLiteral("notified")).toInt() == 1;
    if (e.what.isEmpty() && e.isBackup())
        e.what = backuphistory::describeWhat(e.options);
    return e;
}

RestoreTestRecord testFrom(const QSqlQuery &q)
{
    RestoreTestRecord t;
    t.id = q.value(QStringLiteral("id")).toLongLong();
    t.backupId = q.value(QStringLiteral("backup_id")).toLongLong();
    t.testedAt = fromIso(q.value(QStringLiteral("tested_at")));
    t.target = q.value(QStringLiteral("target")).toString();
    t.database = q.value(QStringLiteral("database")).toString();
    t.passed = q.value(QStringLiteral("passed")).toInt() == 1;
    t.summary = q.value(QStringLiteral("summary")).toString();
    const QString problems = q.value(QStringLiteral("problems")).toString();
    if (!problems.isEmpty())
        t.problems = problems.split(u'\n');
    t.log = q.value(QStringLiteral("log")).toString();
    t.durationMs = q.value(QStringLiteral("duration_ms")).toLongLong();
    return t;
}

Status writeCounts(CatalogDb &db, qint64 id, const QList<TableRowCount> &counts)
{
    if (auto r = db.run(QStringLiteral("local/forget_table_counts"), { { "id", id } }); !r)
        return r.error();
    for (const TableRowCount &t : counts) {
        auto r = db.run(QStringLiteral("local/insert_table_count"),
            { { "backup_id", id }, { "schema_name", t.schema }, { "table_name", t.name },
                { "row_count", t.rows >= 0 ? QVariant(t.rows) : QVariant() } });
        if (!r)
            return r.error();
    }
    return Ok {};
}

// Runs fn inside one transaction on a fresh connection.
template <typename T, typename F> Result<T> inTransaction(const QString &path, F fn)
{
    CatalogDb db(path);
    if (!db.ok())
        return db.error();
    if (auto b = db.begin(); !b)
        return b.error();
    Result<T> r = fn(db);
    if (!r) {
        db.rollback();
        return r;
    }
    if (auto c = db.commit(); !c)
        return c.error();
    return r;
}

Status statusOf(Result<QSqlQuery> r)
{
    if (!r)
        return r.error();
    return Ok {};
}

} // namespace

QString BackupCatalog::defaultPath()
{
    const QString env = qEnvironmentVariable("STRATA_BACKUP_CATALOG");
    if (!env.isEmpty())
        return env;
    return standardPath();
}

QString BackupCatalog::standardPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
        + QStringLiteral("/backups.sqlite");
}

BackupCatalog::BackupCatalog(QString path) : m_path(std::move(path)) { }

Result<int> BackupCatalog::open() const
{
    CatalogDb db(m_path);
    if (!db.ok())
        return db.error();
    return db.versionFound();
}

BackupRun BackupRun::fromManifest(const BackupManifest &m, const BackupOrigin &origin)
{
    BackupRun run;
    run.path = QFileInfo(m.path).absoluteFilePath();
    run.database = m.database;
    run.serverVersion = m.serverVersion;
    run.toolVersion = m.toolVersion;
    run.format = m.format;
    run.options = m.options;
    run.started = m.started;
    run.durationMs = m.durationMs;
    run.size = m.size;
    run.sha256 = m.digest.hex;
    run.manifestPath = BackupManifest::manifestPath(run.path);
    run.origin = origin;
    return run;
}

Result<qint64> BackupCatalog::record(const BackupManifest &m, const BackupOrigin &origin)
{
    BackupRun run = BackupRun::fromManifest(m, origin);
    run.tables = backuphistory::rowCounts(m);
    if (!run.tables.isEmpty())
        run.countsSource = QStringLiteral("dump");
    return recordRun(run);
}

Result<qint64> BackupCatalog::recordRun(const BackupRun &r)
{
    return inTransaction<qint64>(m_path, [&r](CatalogDb &db) -> Result<qint64> {
        const QVariantMap p {
            { "path", text(r.path) },
            { "server", text(r.server) },
            { "database", text(r.database) },
            { "server_version", r.serverVersion },
            { "tool_version", r.toolVersion },
            { "format", r.format },
            { "what", backuphistory::describeWhat(r.options) },
            { "options",
                QString::fromUtf8(QJsonDocument(r.options).toJson(QJsonDocument::Compact)) },
            { "started", iso(r.started.isValid() ? r.started : QDateTime::currentDateTimeUtc()) },
            { "duration_ms", r.durationMs },
            { "size", r.size },
            { "sha256", r.sha256 },
            { "manifest", r.manifestPath },
            { "made_by", r.origin.scheduled ? "schedule" : "person" },
            { "made_by_name", text(r.origin.name) },
            { "outcome", backuphistory::outcomeName(r.outcome) },
            { "error", r.error },
            { "log", r.log },
            { "counts_source", r.countsSource.isEmpty() ? QVariant() : QVariant(r.countsSource) },
        };
        auto q = db.run(QStringLiteral("local/insert_backup"), p);
        if (!q)
            return q.error();
        const qint64 id = q->lastInsertId().toLongLong();
        if (auto w = writeCounts(db, id, r.tables); !w)
            return w.error();
        return id;
    });
}

Result<QList<BackupEntry>> BackupCatalog::list() const
{
    CatalogDb db(m_path);
    auto q = db.run(QStringLiteral("local/list_backups"));
    if (!q)
        return q.error();
    QList<BackupEntry> out;
    QHash<qint64, int> at;
    while (q->next()) {
        at.insert(q->value(QStringLiteral("id")).toLongLong(), int(out.size()));
        out << entryFrom(q.value());
    }
    auto t = db.run(QStringLiteral("local/restore_tests"));
    if (!t)
        return t.error();
    while (t->next()) {
        const RestoreTestRecord test = testFrom(t.value());
        const auto it = at.constFind(test.backupId);
        if (it != at.cend() && !out[*it].lastRestoreTest)
            out[*it].lastRestoreTest = test; // newest first
    }
    for (BackupEntry &e : out)
        e.fileState = lookAt(e);
    return out;
}

Result<BackupEntry> BackupCatalog::entry(qint64 id) const
{
    CatalogDb db(m_path);
    auto q = db.run(QStringLiteral("local/backup_by_id"), { { "id", id } });
    if (!q)
        return q.error();
    if (!q->next())
        return Error(Error::Kind::InvalidInput,
            QStringLiteral("The backup history has no entry %1.").arg(id),
            QStringLiteral("It may have been forgotten meanwhile; reload the history."));
    BackupEntry e = entryFrom(q.value());
    auto t = db.run(QStringLiteral("local/restore_tests_of_backup"), { { "backup_id", id } });
    if (!t)
        return t.error();
    if (t->next())
        e.lastRestoreTest = testFrom(t.value());
    e.fileState = lookAt(e);
    return e;
}

Result<std::optional<qint64>> BackupCatalog::findByPath(const QString &path) const
{
    CatalogDb db(m_path);
    auto q = db.run(
        QStringLiteral("local/backup_by_path"), { { "path", QFileInfo(path).absoluteFilePath() } });
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<qint64>();
    return std::optional<qint64>(q->value(QStringLiteral("id")).toLongLong());
}

Result<QList<TableRowCount>> BackupCatalog::tableCounts(qint64 id) const
{
    CatalogDb db(m_path);
    auto q = db.run(QStringLiteral("local/table_counts"), { { "backup_id", id } });
    if (!q)
        return q.error();
    QList<TableRowCount> out;
    while (q->next()) {
        const QVariant rows = q->value(QStringLiteral("row_count"));
        out << TableRowCount { q->value(QStringLiteral("schema_name")).toString(),
            q->value(QStringLiteral("table_name")).toString(),
            rows.isNull() ? -1 : rows.toLongLong() };
    }
    return out;
}

Status BackupCatalog::setTableCount(
    qint64 id, const QString &schema, const QString &name, qint64 rows)
{
    CatalogDb db(m_path);
    return statusOf(db.run(QStringLiteral("local/set_table_count"),
        { { "backup_id", id }, { "schema_name", schema }, { "table_name", name },
            { "row_count", rows } }));
}

Status BackupCatalog::setTableCounts(
    qint64 id, const QList<TableRowCount> &counts, const QString &source)
{
    return inTransaction<Ok>(m_path, [&](CatalogDb &db) -> Status {
        if (auto w = writeCounts(db, id, counts); !w)
            return w;
        return statusOf(db.run(QStringLiteral("local/set_counts_source"),
            { { "id", id }, { "counts_source", source } }));
    });
}

Result<QList<RestoreTestRecord>> BackupCatalog::restoreTests(qint64 id) const
{
    CatalogDb db(m_path);
    auto q = db.run(QStringLiteral("local/restore_tests_of_backup"), { { "backup_id", id } });
    if (!q)
        return q.error();
    QList<RestoreTestRecord> out;
    while (q->next())
        out << testFrom(q.value());
    return out;
}

Status BackupCatalog::recordVerification(qint64 id, bool ok, const QString &message)
{
    CatalogDb db(m_path);
    return statusOf(db.run(QStringLiteral("local/record_verification"),
        { { "id", id }, { "verified_at", now() }, { "verify_ok", ok ? 1 : 0 },
            { "verify_message", message } }));
}

Result<qint64> BackupCatalog::recordRestoreTest(const RestoreTestRecord &t)
{
    CatalogDb db(m_path);
    auto q = db.run(QStringLiteral("local/insert_restore_test"),
        { { "backup_id", t.backupId },
            { "tested_at",
                iso(t.testedAt.isValid() ? t.testedAt : QDateTime::currentDateTimeUtc()) },
            { "target", text(t.target) }, { "database", text(t.database) },
            { "passed", t.passed ? 1 : 0 }, { "summary", t.summary },
            { "problems", t.problems.join(u'\n') }, { "log", t.log },
            { "duration_ms", t.durationMs } });
    if (!q)
        return q.error();
    return q->lastInsertId().toLongLong();
}

Status BackupCatalog::markDeleted(qint64 id, const QString &reason)
{
    CatalogDb db(m_path);
    return statusOf(db.run(QStringLiteral("local/mark_deleted"),
        { { "id", id }, { "deleted_at", now() }, { "deleted_reason", reason } }));
}

Status BackupCatalog::forget(qint64 id)
{
    return inTransaction<Ok>(m_path, [id](CatalogDb &db) -> Status {
        for (const char *name :
            { "local/forget_table_counts", "local/forget_restore_tests", "local/forget_backup" })
            if (auto r = db.run(QLatin1String(name), { { "id", id } }); !r)
                return r.error();
        return Ok {};
    });
}

Result<QList<BackupEntry>> BackupCatalog::unnotifiedFailures() const
{
    QList<qint64> ids;
    {
        CatalogDb db(m_path);
        auto q = db.run(QStringLiteral("local/unnotified_failures"));
        if (!q)
            return q.error();
        while (q->next())
            ids << q->value(QStringLiteral("id")).toLongLong();
    }
    QList<BackupEntry> out;
    for (qint64 id : ids) {
        auto e = entry(id);
        if (!e)
            return e.error();
        out << e.value();
    }
    return out;
}

Status BackupCatalog::markNotified(const QList<qint64> &ids)
{
    if (ids.isEmpty())
        return Ok {}; // no write: a window watching the catalog would see a change
    return inTransaction<Ok>(m_path, [&ids](CatalogDb &db) -> Status {
        for (qint64 id : ids)
            if (auto r = db.run(QStringLiteral("local/mark_notified"), { { "id", id } }); !r)
                return r.error();
        return Ok {};
    });
}

} // namespace strata::core

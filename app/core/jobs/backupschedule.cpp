#include "backupschedule.h"

#include "db/connectionprofile.h"
#include "jobs/catalogdb.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace strata::core {

namespace {

QStringList strings(const QJsonObject &o, const char *key)
{
    QStringList out;
    for (const auto &v : o.value(QLatin1String(key)).toArray())
        out << v.toString();
    return out;
}

BackupSchedule scheduleFrom(const QSqlQuery &q)
{
    BackupSchedule s;
    s.name = q.value(QStringLiteral("name")).toString();
    s.conninfo = q.value(QStringLiteral("conninfo")).toString();
    s.profileId = q.value(QStringLiteral("profile_id")).toString();
    s.outputDir = q.value(QStringLiteral("output_dir")).toString();
    s.pattern = q.value(QStringLiteral("pattern")).toString();
    s.every = q.value(QStringLiteral("every")).toString();
    s.options = backupschedule::optionsFromJson(
        QJsonDocument::fromJson(q.value(QStringLiteral("options")).toString().toUtf8()).object());
    s.retention.keepLast = q.value(QStringLiteral("keep_last")).toInt();
    s.retention.keepDaily = q.value(QStringLiteral("keep_daily")).toInt();
    s.retention.keepWeekly = q.value(QStringLiteral("keep_weekly")).toInt();
    s.retention.keepMonthly = q.value(QStringLiteral("keep_monthly")).toInt();
    s.created = QDateTime::fromString(q.value(QStringLiteral("created")).toString(), Qt::ISODate);
    return s;
}

} // namespace

QString BackupSchedule::database() const
{
    auto p = ConnectionProfile::fromConnInfo(conninfo);
    if (p && !p->database.isEmpty())
        return p->database;
    if (p && !p->user.isEmpty())
        return p->user;
    return qEnvironmentVariable("PGDATABASE", qEnvironmentVariable("USER"));
}

QString BackupSchedule::outputPathAt(const QString &db, const QDateTime &when) const
{
    QString ext;
    switch (options.format) {
    case BackupFormat::Custom:
        ext = QStringLiteral("dump");
        break;
    case BackupFormat::Tar:
        ext = QStringLiteral("tar");
        break;
    case BackupFormat::Plain:
        ext = QStringLiteral("sql");
        break;
    case BackupFormat::Directory:
        break;
    }
    const QDateTime local = when.toLocalTime();
    QString file = pattern;
    file.replace(QLatin1String("{database}"), db)
        .replace(QLatin1String("{schedule}"), name)
        .replace(QLatin1String("{date}"), local.toString(QStringLiteral("yyyyMMdd")))
        .replace(QLatin1String("{time}"), local.toString(QStringLiteral("hhmmss")))
        .replace(QLatin1String("{ext}"), ext);
    while (file.endsWith(u'.'))
        file.chop(1);
    file.replace(u'/', u'_');
    return QDir(outputDir).filePath(file);
}

Status BackupSchedule::validate() const
{
    auto bad
        = [](const QString &m, const QString &h) { return Error(Error::Kind::InvalidInput, m, h); };
    if (!backupschedule::validName(name))
        return bad(QStringLiteral("\"%1\" cannot name a schedule.").arg(name),
            QStringLiteral("Use letters, digits, \"-\", \"_\" and \".\" (it names the systemd "
                           "unit files)."));
    QString password;
    auto profile = ConnectionProfile::fromConnInfo(conninfo, &password);
    if (!profile)
        return profile.error();
    if (!password.isEmpty())
        return bad(QStringLiteral("The connection string holds a password, which would end up "
                                  "in the schedule."),
            QStringLiteral("Leave it out: put it in ~/.pgpass (or save the connection in Strata "
                           "with its password in the keychain)."));
    if (outputDir.isEmpty() || !QDir::isAbsolutePath(outputDir))
        return bad(QStringLiteral("The schedule needs an absolute folder for its backups."),
            QStringLiteral("Give one with -o."));
    if (every.trimmed().isEmpty())
        return bad(QStringLiteral("The schedule needs to say how often it runs."),
            QStringLiteral("Use --every daily, weekly or a systemd calendar expression."));
    if (!pattern.contains(QLatin1String("{date}")) && !pattern.contains(QLatin1String("{time}")))
        return bad(QStringLiteral("The file-name pattern has no {date} or {time}: each run would "
                                  "replace the last."),
            QStringLiteral("Add {date}-{time} to the pattern."));
    BackupOptions o = options;
    o.outputPath = outputPathAt(database(), QDateTime::currentDateTime());
    return o.validate();
}

namespace backupschedule {

bool validName(const QString &name)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$"));
    return re.match(name).hasMatch();
}

QString calendarFor(const QString &every, const QString &at)
{
    const QString time = (at.isEmpty() ? QStringLiteral("03:00") : at) + QStringLiteral(":00");
    if (every == QLatin1String("daily"))
        return QStringLiteral("*-*-* ") + time;
    if (every == QLatin1String("weekly"))
        return QStringLiteral("Mon *-*-* ") + time;
    return every.trimmed();
}

BackupOptions optionsFromJson(const QJsonObject &o)
{
    BackupOptions b;
    b.format = BackupOptions::parseFormat(o.value(QStringLiteral("format")).toString())
                   .value_or(BackupFormat::Custom);
    b.jobs = std::max(1, o.value(QStringLiteral("jobs")).toInt(1));
    b.schemas = strings(o, "schemas");
    b.tables = strings(o, "tables");
    b.withDependencies = o.value(QStringLiteral("with_dependencies")).toBool();
    b.dataOnly = o.value(QStringLiteral("data_only")).toBool();
    b.schemaOnly = o.value(QStringLiteral("schema_only")).toBool();
    b.inserts = o.value(QStringLiteral("inserts")).toBool();
    b.onConflictDoNothing = o.value(QStringLiteral("on_conflict_do_nothing")).toBool();
    b.compress = o.value(QStringLiteral("compress")).toInt(-1);
    b.excludeTableData = strings(o, "exclude_table_data");
    return b;
}

Status save(const QString &catalogPath, const BackupSchedule &s)
{
    CatalogDb db(catalogPath);
    auto r = db.run(QStringLiteral("local/schedule_save"),
        { { "name", s.name }, { "conninfo", s.conninfo },
            { "profile_id", s.profileId.isEmpty() ? QVariant() : QVariant(s.profileId) },
            { "output_dir", s.outputDir }, { "pattern", s.pattern }, { "every", s.every },
            { "options",
                QString::fromUtf8(
                    QJsonDocument(s.options.toJson()).toJson(QJsonDocument::Compact)) },
            { "keep_last", s.retention.keepLast }, { "keep_daily", s.retention.keepDaily },
            { "keep_weekly", s.retention.keepWeekly }, { "keep_monthly", s.retention.keepMonthly },
            { "created",
                (s.created.isValid() ? s.created : QDateTime::currentDateTimeUtc())
                    .toUTC()
                    .toString(Qt::ISODate) } });
    if (!r)
        return r.error();
    return Ok {};
}

Result<QList<BackupSchedule>> list(const QString &catalogPath)
{
    CatalogDb db(catalogPath);
    auto q = db.run(QStringLiteral("local/schedule_list"));
    if (!q)
        return q.error();
    QList<BackupSchedule> out;
    while (q->next())
        out << scheduleFrom(q.value());
    return out;
}

Result<BackupSchedule> find(const QString &catalogPath, const QString &name)
{
    auto all = list(catalogPath);
    if (!all)
        return all.error();
    for (const BackupSchedule &s : all.value())
        if (s.name == name)
            return s;
    return Error(Error::Kind::InvalidInput,
        QStringLiteral("There is no schedule \"%1\".").arg(name),
        QStringLiteral("strata-cli schedule list shows the schedules."));
}

Status remove(const QString &catalogPath, const QString &name)
{
    CatalogDb db(catalogPath);
    auto r = db.run(QStringLiteral("local/schedule_remove"), { { "name", name } });
    if (!r)
        return r.error();
    return Ok {};
}

Result<QHash<QString, ScheduleLastRun>> lastRuns(const QString &catalogPath)
{
    CatalogDb db(catalogPath);
    auto q = db.run(QStringLiteral("local/schedule_last_runs"));
    if (!q)
        return q.error();
    QHash<QString, ScheduleLastRun> out;
    while (q->next())
        out.insert(q->value(QStringLiteral("schedule")).toString(),
            ScheduleLastRun { q->value(QStringLiteral("id")).toLongLong(),
                QDateTime::fromString(
                    q->value(QStringLiteral("started")).toString(), Qt::ISODateWithMs),
                q->value(QStringLiteral("outcome")).toString(),
                q->value(QStringLiteral("error")).toString() });
    return out;
}

} // namespace backupschedule
} // namespace strata::core

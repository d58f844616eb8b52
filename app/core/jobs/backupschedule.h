#pragma once

#include "jobs/backupoptions.h"
#include "jobs/retention.h"
#include "result.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace strata::core {

// A backup of one connection made by a systemd user timer: where the files go, how often, what
// to keep. The connection is a libpq string without a password: the run finds the password in
// the keychain (the saved connection's, by profileId) or in ~/.pgpass.
struct BackupSchedule
{
    QString name; // letters, digits, "-", "_" and "." (it names the unit files)
    QString conninfo;
    QString profileId; // the saved connection it was made from, for the keychain; may be empty
    QString outputDir;
    QString pattern = QStringLiteral("{database}-{date}-{time}.{ext}");
    QString every; // a systemd calendar expression ("*-*-* 03:00:00", "Mon *-*-* 03:00:00")
    BackupOptions options; // outputPath unused
    RetentionPolicy retention;
    QDateTime created;

    // The file name for a run at `when`: {database}, {schedule}, {date} (yyyyMMdd),
    // {time} (hhmmss, local time), {ext} (dump, tar, sql, or nothing for a directory).
    QString outputPathAt(const QString &database, const QDateTime &when) const;
    Status validate() const;
    // The database the connection names (the user's name when it names none, as libpq does).
    QString database() const;
};

struct ScheduleLastRun
{
    qint64 backupId = 0;
    QDateTime started;
    QString outcome; // "written", "failed", "cancelled"
    QString error;
};

namespace backupschedule {

bool validName(const QString &name);
// "daily" / "weekly" with an optional "HH:MM" (03:00 when empty), or a calendar expression as
// it is: "*-*-* 03:00:00", "Mon *-*-* 03:00:00".
QString calendarFor(const QString &every, const QString &at = {});
BackupOptions optionsFromJson(const QJsonObject &o);

// The schedules kept in the backup catalog.
Status save(const QString &catalogPath, const BackupSchedule &schedule);
Result<QList<BackupSchedule>> list(const QString &catalogPath);
Result<BackupSchedule> find(const QString &catalogPath, const QString &name);
Status remove(const QString &catalogPath, const QString &name);
// Each schedule's newest run, by schedule name.
Result<QHash<QString, ScheduleLastRun>> lastRuns(const QString &catalogPath);

} // namespace backupschedule
} // namespace strata::core

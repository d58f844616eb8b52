#pragma once

#include "jobs/backupschedule.h"
#include "result.h"

#include <QString>

namespace strata::core {

// A schedule's systemd user units: strata-backup-NAME.service (runs `strata-cli backup
// --schedule NAME` once) and strata-backup-NAME.timer (starts it on the schedule's calendar,
// catching up a run missed while the machine was off). No password is ever written into them:
// the run finds it in the keychain or ~/.pgpass.
namespace systemdunits {

// $XDG_CONFIG_HOME/systemd/user (~/.config/systemd/user).
QString unitFolder();
QString serviceName(const QString &schedule); // "strata-backup-NAME.service"
QString timerName(const QString &schedule);

// catalogPath: written as Environment= only when it is not the standard one.
QString serviceText(const BackupSchedule &s, const QString &cliPath, const QString &catalogPath);
QString timerText(const BackupSchedule &s);

// Checks a calendar expression with `systemd-analyze calendar` where it is installed; the next
// time it elapses, or an error naming the expression.
Result<QString> checkCalendar(const QString &expression);

struct Installed
{
    QString servicePath;
    QString timerPath;
    bool enabled = false; // systemctl --user enable --now ran
    QString note; // what was done, or how to enable them by hand
};

// Writes both units and, when a user manager answers, reloads it and enables the timer.
Result<Installed> install(
    const BackupSchedule &s, const QString &cliPath, const QString &catalogPath);
// Disables the timer (when a user manager answers) and removes both units.
Result<QString> uninstall(const QString &schedule);
// Whether `systemctl --user` reaches a running user manager.
bool userManagerRuns(QString *why = nullptr);

} // namespace systemdunits
} // namespace strata::core

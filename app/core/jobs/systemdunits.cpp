#include "systemdunits.h"

#include "jobs/backupcatalog.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSaveFile>
#include <QStandardPaths>

namespace strata::core::systemdunits {

namespace {

// A value in systemd's quoting: double quotes, C escapes, and "%" doubled (specifiers).
QString quoted(const QString &value)
{
    QString v = value;
    v.replace(u'\\', QStringLiteral("\\\\"))
        .replace(u'"', QStringLiteral("\\\""))
        .replace(u'%', QStringLiteral("%%"));
    return u'"' + v + u'"';
}

QString systemctl()
{
    const QString custom = qEnvironmentVariable("STRATA_SYSTEMCTL"); // tests: a stand-in
    return custom.isEmpty() ? QStringLiteral("systemctl") : custom;
}

struct Ran
{
    bool ok = false;
    QString out;
};

Ran run(const QString &program, const QStringList &args, int timeoutMs = 30000)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (!p.waitForStarted(5000))
        return { false, QStringLiteral("%1 could not be started").arg(program) };
    p.waitForFinished(timeoutMs);
    return { p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0,
        QString::fromLocal8Bit(p.readAll()).trimmed() };
}

Status writeFile(const QString &path, const QString &text)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly)) {
        return Error(
            Error::Kind::Io, QStringLiteral("Could not write %1: %2").arg(path, f.errorString()));
    }
    f.write(text.toUtf8());
    if (!f.commit())
        return Error(
            Error::Kind::Io, QStringLiteral("Could not write %1: %2").arg(path, f.errorString()));
    return Ok {};
}

QString enableHint(const QString &schedule)
{
    return QStringLiteral("In a desktop session, enable it with: systemctl --user daemon-reload "
                          "&& systemctl --user enable --now %1. For runs while you are logged "
                          "out: loginctl enable-linger.")
        .arg(timerName(schedule));
}

} // namespace

QString unitFolder()
{
    QString config = qEnvironmentVariable("XDG_CONFIG_HOME");
    if (config.isEmpty())
        config = QDir::homePath() + QStringLiteral("/.config");
    return config + QStringLiteral("/systemd/user");
}

QString serviceName(const QString &schedule)
{
    return QStringLiteral("strata-backup-%1.service").arg(schedule);
}

QString timerName(const QString &schedule)
{
    return QStringLiteral("strata-backup-%1.timer").arg(schedule);
}

QString serviceText(const BackupSchedule &s, const QString &cliPath, const QString &catalogPath)
{
    QString text = QStringLiteral(
        "# Written by Strata for the backup schedule \"%1\"; `strata-cli schedule remove %1` "
        "removes it.\n"
        "# No password is kept here: the run finds it in the keychain or in ~/.pgpass.\n"
        "[Unit]\n"
        "Description=Strata backup \"%1\" of %2\n"
        "\n"
        "[Service]\n"
        "Type=oneshot\n"
        "ExecStart=%3 backup --schedule %1 --progress=log\n")
                       .arg(s.name, s.database(), quoted(cliPath));
    if (!catalogPath.isEmpty() && catalogPath != BackupCatalog::standardPath())
        text += QStringLiteral("Environment=%1\n")
                    .arg(quoted(QStringLiteral("STRATA_BACKUP_CATALOG=") + catalogPath));
    // A backup in the background yields to what the person is doing.
    text += QStringLiteral("Nice=10\nIOSchedulingClass=best-effort\nIOSchedulingPriority=7\n");
    return text;
}

QString timerText(const BackupSchedule &s)
{
    QString every = s.every;
    every.replace(u'%', QStringLiteral("%%"));
    return QStringLiteral("# Written by Strata for the backup schedule \"%1\".\n"
                          "[Unit]\n"
                          "Description=Strata backup \"%1\": %2\n"
                          "\n"
                          "[Timer]\n"
                          "OnCalendar=%2\n"
                          "# A run missed while the machine was off is made when it next starts.\n"
                          "Persistent=true\n"
                          "Unit=%3\n"
                          "\n"
                          "[Install]\n"
                          "WantedBy=timers.target\n")
        .arg(s.name, every, serviceName(s.name));
}

Result<QString> checkCalendar(const QString &expression)
{
    const QString analyze = QStandardPaths::findExecutable(QStringLiteral("systemd-analyze"));
    if (analyze.isEmpty())
        return QString();
    const Ran r = run(analyze, { QStringLiteral("calendar"), expression });
    if (!r.ok)
        return Error(Error::Kind::InvalidInput,
            QStringLiteral("\"%1\" is not a systemd calendar expression: %2")
                .arg(expression, r.out.section(u'\n', -1)),
            QStringLiteral("Use daily, weekly, or an expression like \"Mon..Fri *-*-* 02:30\" "
                           "(man systemd.time)."));
    for (const QString &line : r.out.split(u'\n'))
        if (line.trimmed().startsWith(QLatin1String("Next elapse:")))
            return line.section(u':', 1).trimmed();
    return QString();
}

bool userManagerRuns(QString *why)
{
    const Ran r
        = run(systemctl(), { QStringLiteral("--user"), QStringLiteral("is-system-running") });
    const QString state = r.out.section(u'\n', -1).trimmed();
    const bool runs = state == QLatin1String("running") || state == QLatin1String("degraded")
        || state == QLatin1String("starting");
    if (why && !runs)
        *why = r.out.isEmpty() ? QStringLiteral("systemctl --user did not answer") : r.out;
    return runs;
}

Result<Installed> install(
    const BackupSchedule &s, const QString &cliPath, const QString &catalogPath)
{
    Installed done;
    const QDir dir(unitFolder());
    if (!QDir().mkpath(dir.path()))
        return Error(Error::Kind::Io, QStringLiteral("Could not create %1.").arg(dir.path()));
    done.servicePath = dir.filePath(serviceName(s.name));
    done.timerPath = dir.filePath(timerName(s.name));
    if (auto w = writeFile(done.servicePath, serviceText(s, cliPath, catalogPath)); !w)
        return w.error();
    if (auto w = writeFile(done.timerPath, timerText(s)); !w)
        return w.error();
    QString why;
    if (!userManagerRuns(&why)) {
        done.note = QStringLiteral("Wrote %1 and %2, but no systemd user manager answers here "
                                   "(%3). ")
                        .arg(done.servicePath, done.timerPath, why)
            + enableHint(s.name);
        return done;
    }
    run(systemctl(), { QStringLiteral("--user"), QStringLiteral("daemon-reload") });
    const Ran enabled = run(systemctl(),
        { QStringLiteral("--user"), QStringLiteral("enable"), QStringLiteral("--now"),
            timerName(s.name) });
    done.enabled = enabled.ok;
    done.note = enabled.ok
        ? QStringLiteral("Enabled %1 (systemctl --user list-timers shows it).")
              .arg(timerName(s.name))
        : QStringLiteral("Wrote the units, but systemctl --user enable failed: %1. ")
                .arg(enabled.out)
            + enableHint(s.name);
    return done;
}

Result<QString> uninstall(const QString &schedule)
{
    const QDir dir(unitFolder());
    QString note;
    if (userManagerRuns()) {
        const Ran r = run(systemctl(),
            { QStringLiteral("--user"), QStringLiteral("disable"), QStringLiteral("--now"),
                timerName(schedule) });
        note = r.ok ? QStringLiteral("Disabled %1. ").arg(timerName(schedule))
                    : QStringLiteral("systemctl --user disable said: %1. ").arg(r.out);
    }
    for (const QString &name : { serviceName(schedule), timerName(schedule) }) {
        const QString path = dir.filePath(name);
        if (QFile::exists(path) && !QFile::remove(path))
            return Error(Error::Kind::Io, QStringLiteral("Could not remove %1.").arg(path));
    }
    if (userManagerRuns())
        run(systemctl(), { QStringLiteral("--user"), QStringLiteral("daemon-reload") });
    return QString(note + QStringLiteral("Removed the units from %1.").arg(dir.path()));
}

} // namespace strata::core::systemdunits

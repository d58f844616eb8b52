#include "jobs/backupcatalog.h"
#include "jobs/backupschedule.h"
#include "jobs/retention.h"
#include "testserver.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace strata::core;
using strata::test::TestServer;

namespace {

const char *kDb = "tst_schedules";

struct Ran
{
    int code = -1;
    QString out;
    QString err;
};

Ran runProgram(const QString &program, const QStringList &args, const QProcessEnvironment &env)
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(program, args);
    p.waitForFinished(180000);
    return { p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
        QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError()) };
}

// systemd's command line: words, "quoted words" with C escapes.
QStringList splitCommandLine(const QString &line)
{
    QStringList out;
    QString word;
    bool quoted = false, any = false;
    for (int i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (quoted && c == u'\\' && i + 1 < line.size()) {
            word += line.at(++i);
        } else if (c == u'"') {
            quoted = !quoted;
            any = true;
        } else if (c.isSpace() && !quoted) {
            if (any || !word.isEmpty())
                out << word;
            word.clear();
            any = false;
        } else {
            word += c;
        }
    }
    if (any || !word.isEmpty())
        out << word;
    return out;
}

QString readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

} // namespace

class tst_Schedules : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void addWritesUnitsWithoutAPassword();
    void theUnitsPassSystemdAnalyzeVerify();
    void runningExecStartByHandMakesABackupInTheHistory();
    void listShowsTheScheduleAndItsLastRun();
    void pruneKeepsExactlyWhatThePolicySays();
    void withoutAUserManagerItSaysHowToEnable();
    void badSchedulesAreRefused();
    void removeDisablesAndDeletesTheUnits();

private:
    QProcessEnvironment env() const;
    Ran cli(const QStringList &args) const
    {
        return runProgram(TestServer::binaryDir() + "/strata-cli", args, env());
    }
    QString unitDir() const { return m_config.filePath("systemd/user"); }

    QTemporaryDir m_dir;
    QTemporaryDir m_config; // XDG_CONFIG_HOME
    QString m_catalog;
    QString m_backups;
    QString m_systemctlLog;
    QString m_systemctl;
};

void tst_Schedules::initTestCase()
{
    STRATA_REQUIRE_SERVER();
    TestServer::createDatabase(kDb);
    QVERIFY(TestServer::exec(kDb,
        "CREATE TABLE t (id serial PRIMARY KEY, v text); "
        "INSERT INTO t(v) SELECT 'v' || g FROM generate_series(1, 3000) g; "
        "GRANT SELECT ON ALL TABLES IN SCHEMA public TO strata_scram; "
        "GRANT SELECT ON ALL SEQUENCES IN SCHEMA public TO strata_scram")
                .isEmpty());
    m_catalog = m_dir.filePath("catalog.sqlite");
    m_backups = m_dir.filePath("backups");
    // A stand-in for systemctl: the tests must never enable a timer in the session of whoever
    // runs them. It says a user manager runs and logs what it was asked.
    m_systemctlLog = m_dir.filePath("systemctl.log");
    m_systemctl = m_dir.filePath("systemctl");
    QFile s(m_systemctl);
    QVERIFY(s.open(QIODevice::WriteOnly));
    s.write(QStringLiteral("#!/bin/sh\necho \"$*\" >> '%1'\n"
                           "[ \"$2\" = is-system-running ] && echo running\nexit 0\n")
                .arg(m_systemctlLog)
                .toUtf8());
    s.close();
    s.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}

QProcessEnvironment tst_Schedules::env() const
{
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    e.insert("XDG_CONFIG_HOME", m_config.path());
    e.insert("STRATA_BACKUP_CATALOG", m_catalog);
    e.insert("STRATA_SYSTEMCTL", m_systemctl);
    return e;
}

void tst_Schedules::addWritesUnitsWithoutAPassword()
{
    // The scram role needs a password: the run finds it in a password file, never in the units.
    QFile pgpass(m_dir.filePath("pgpass"));
    QVERIFY(pgpass.open(QIODevice::WriteOnly));
    pgpass.write(QStringLiteral("*:*:*:%1:%2\n")
                     .arg(TestServer::scramUser(), TestServer::scramPassword())
                     .toUtf8());
    pgpass.close();
    pgpass.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    const QString conninfo = QStringLiteral("host=127.0.0.1 port=%1 dbname=%2 user=%3")
                                 .arg(TestServer::port())
                                 .arg(kDb, TestServer::scramUser());
    Ran r = cli({ "schedule", "add", "nightly", conninfo, "-o", m_backups, "--every", "daily",
        "--at", "02:30", "--keep-last", "2", "--keep-daily", "7", "--keep-weekly", "4",
        "--keep-monthly", "3" });
    QVERIFY2(r.code == 0, qPrintable(r.err + r.out));
    QVERIFY2(r.out.contains("Enabled strata-backup-nightly.timer"), qPrintable(r.out));
    QVERIFY(readFile(m_systemctlLog).contains("--user enable --now strata-backup-nightly.timer"));
    const QString service = readFile(unitDir() + "/strata-backup-nightly.service");
    const QString timer = readFile(unitDir() + "/strata-backup-nightly.timer");
    QVERIFY2(service.contains("backup --schedule nightly"), qPrintable(service));
    QVERIFY(service.contains("STRATA_BACKUP_CATALOG=" + m_catalog));
    QVERIFY(timer.contains("OnCalendar=*-*-* 02:30:00"));
    QVERIFY(timer.contains("Persistent=true"));
    QVERIFY(timer.contains("WantedBy=timers.target"));
    for (const QString &text : { service, timer })
        QVERIFY(!text.contains(TestServer::scramPassword()));
    QVERIFY(!readFile(m_catalog).contains(TestServer::scramPassword().toUtf8()));
}

void tst_Schedules::theUnitsPassSystemdAnalyzeVerify()
{
    // systemd-analyze verify needs no running systemd: it loads the units as a user manager
    // would (the ExecStart program must exist and be executable, the calendar must parse, the
    // [Install] target must exist) and prints any problem. It needs a runtime folder of its
    // own for --user. It does not start the timer: that needs a user manager, which this
    // container does not run (the enabling is checked with a stand-in systemctl above).
    const QString analyze = QStandardPaths::findExecutable("systemd-analyze");
    if (analyze.isEmpty())
        QSKIP("systemd-analyze is not installed (Debian package systemd)");
    QTemporaryDir runtime;
    QFile::setPermissions(runtime.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QProcessEnvironment e = env();
    e.insert("XDG_RUNTIME_DIR", runtime.path());
    Ran r = runProgram(analyze,
        { "--user", "verify", unitDir() + "/strata-backup-nightly.timer",
            unitDir() + "/strata-backup-nightly.service" },
        e);
    QVERIFY2(r.code == 0, qPrintable(r.err + r.out));
    QVERIFY2(r.err.trimmed().isEmpty(), qPrintable(r.err)); // no warning either

    // And it does catch a broken unit, so the pass above means something.
    QFile broken(unitDir() + "/strata-backup-broken.timer");
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("[Timer]\nOnCalendar=every full moon\n[Install]\nWantedBy=timers.target\n");
    broken.close();
    Ran bad = runProgram(analyze, { "--user", "verify", broken.fileName() }, e);
    QFile::remove(broken.fileName());
    QVERIFY(bad.code != 0);
}

void tst_Schedules::runningExecStartByHandMakesABackupInTheHistory()
{
    const QString service = readFile(unitDir() + "/strata-backup-nightly.service");
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    e.remove("STRATA_BACKUP_CATALOG");
    e.insert("PGPASSFILE", m_dir.filePath("pgpass"));
    QStringList command;
    for (const QString &line : service.split('\n')) {
        if (line.startsWith("ExecStart="))
            command = splitCommandLine(line.mid(10));
        if (line.startsWith("Environment=")) {
            const QString assignment = splitCommandLine(line.mid(12)).value(0);
            e.insert(assignment.section('=', 0, 0), assignment.section('=', 1));
        }
    }
    QVERIFY(!command.isEmpty());
    QVERIFY(QFileInfo(command.first()).isExecutable());
    Ran r = runProgram(command.first(), command.mid(1), e);
    QVERIFY2(r.code == 0, qPrintable(r.err + r.out));
    auto list = BackupCatalog(m_catalog).list();
    QVERIFY(list.ok());
    QCOMPARE(list->size(), 1);
    const BackupEntry &b = list->first();
    QCOMPARE(b.outcome, BackupOutcome::Written);
    QVERIFY(b.origin.scheduled);
    QCOMPARE(b.origin.name, QStringLiteral("nightly"));
    QCOMPARE(b.database, QString(kDb));
    QVERIFY(QFile::exists(b.path));
    QVERIFY2(
        QRegularExpression("/backups/tst_schedules-\\d{8}-\\d{6}\\.dump$").match(b.path).hasMatch(),
        qPrintable(b.path));
    const auto counts = BackupCatalog(m_catalog).tableCounts(b.id);
    QVERIFY(counts.ok());
    QVERIFY(counts->contains(TableRowCount { "public", "t", 3000 }));
    // The log went to standard error, as the journal would keep it.
    QVERIFY(r.err.contains("dumping contents of table \"public.t\""));
}

void tst_Schedules::listShowsTheScheduleAndItsLastRun()
{
    Ran r = cli({ "schedule", "list", "--json" });
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    const QJsonArray schedules = o.value("schedules").toArray();
    QCOMPARE(schedules.size(), 1);
    const QJsonObject s = schedules.first().toObject();
    QCOMPARE(s.value("name").toString(), QStringLiteral("nightly"));
    QCOMPARE(s.value("database").toString(), QString(kDb));
    QCOMPARE(s.value("every").toString(), QStringLiteral("*-*-* 02:30:00"));
    QCOMPARE(s.value("keep").toObject().value("daily").toInt(), 7);
    QVERIFY(s.value("units_written").toBool());
    QCOMPARE(s.value("last_run").toObject().value("outcome").toString(), QStringLiteral("written"));
    QCOMPARE(o.value("unit_folder").toString(), unitDir());
}

void tst_Schedules::pruneKeepsExactlyWhatThePolicySays()
{
    // 60 made-up days of nightly backups (small files standing in for archives), one made by a
    // person and one by another schedule among them; one old backup passed a restore test.
    BackupCatalog catalog(m_catalog);
    QDir().mkpath(m_backups);
    const QDateTime lastNight = QDateTime(QDate::currentDate().addDays(-1), QTime(2, 30));
    QList<RetentionCandidate> candidates;
    auto add = [&](const QDateTime &at, const BackupOrigin &origin) {
        BackupRun r;
        r.path = QDir(m_backups).filePath(
            QStringLiteral("made-up-%1-%2.dump").arg(origin.name).arg(at.toSecsSinceEpoch()));
        QFile f(r.path);
        f.open(QIODevice::WriteOnly);
        f.write("PGDMP");
        f.close();
        r.size = 5;
        r.started = at.toUTC();
        r.origin = origin;
        r.database = kDb;
        r.format = "custom";
        return catalog.recordRun(r).value();
    };
    qint64 tested = 0;
    for (int back = 59; back >= 1; --back) {
        const qint64 id = add(lastNight.addDays(-back), BackupOrigin::schedule("nightly"));
        if (back == 40)
            tested = id;
    }
    const qint64 person = add(lastNight.addDays(-50), BackupOrigin::person());
    const qint64 other = add(lastNight.addDays(-55), BackupOrigin::schedule("weekly-other"));
    RestoreTestRecord t;
    t.backupId = tested;
    t.passed = true;
    t.target = "here";
    t.database = "strata_restore_test_x";
    QVERIFY(catalog.recordRestoreTest(t).ok());

    QSet<qint64> expectedDeleted;
    QSet<QString> expectedDeletedPaths;
    const auto all = catalog.list().value();
    for (const BackupEntry &e : all)
        if (e.origin.scheduled && e.origin.name == "nightly" && !e.isDeleted())
            candidates << RetentionCandidate { e.id, e.started, e.passedRestoreTest() };
    auto schedule = backupschedule::find(m_catalog, "nightly");
    QVERIFY(schedule.ok());
    for (const RetentionDecision &d : retention::decide(candidates, schedule->retention))
        if (!d.keep)
            expectedDeleted << d.id;
    for (const BackupEntry &e : all)
        if (expectedDeleted.contains(e.id))
            expectedDeletedPaths << e.path;
    QVERIFY(expectedDeleted.size() > 30);
    QVERIFY(!expectedDeleted.contains(tested));

    Ran dry = cli({ "backups", "prune", "--dry-run", "--json" });
    QVERIFY2(dry.code == 0, qPrintable(dry.err));
    QSet<qint64> wouldDelete;
    for (const auto &s :
        QJsonDocument::fromJson(dry.out.toUtf8()).object().value("schedules").toArray())
        for (const auto &d : s.toObject().value("deleted").toArray())
            wouldDelete << qint64(d.toObject().value("id").toDouble());
    QCOMPARE(wouldDelete, expectedDeleted);
    for (const QString &p : expectedDeletedPaths)
        QVERIFY(QFile::exists(p)); // a dry run deletes nothing

    Ran real = cli({ "backups", "prune", "--json" });
    QVERIFY2(real.code == 0, qPrintable(real.err));
    const auto after = catalog.list();
    QVERIFY(after.ok());
    for (const BackupEntry &e : after.value()) {
        const bool gone = expectedDeleted.contains(e.id);
        QCOMPARE(QFile::exists(e.path), !gone);
        QCOMPARE(e.isDeleted(), gone);
        if (gone)
            QVERIFY(e.deletedReason.startsWith("retention of schedule nightly (keep-last 2, "
                                               "keep-daily 7, keep-weekly 4, keep-monthly 3)"));
    }
    QVERIFY(QFile::exists(catalog.entry(person)->path));
    QVERIFY(QFile::exists(catalog.entry(other)->path));
    QVERIFY(QFile::exists(catalog.entry(tested)->path));
    // Pruning again deletes nothing more.
    Ran again = cli({ "backups", "prune", "--json" });
    QCOMPARE(QJsonDocument::fromJson(again.out.toUtf8())
                 .object()
                 .value("schedules")
                 .toArray()
                 .first()
                 .toObject()
                 .value("deleted")
                 .toArray()
                 .size(),
        0);
}

void tst_Schedules::withoutAUserManagerItSaysHowToEnable()
{
    QFile s(m_dir.filePath("no-manager"));
    QVERIFY(s.open(QIODevice::WriteOnly));
    s.write("#!/bin/sh\necho 'Failed to connect to bus: No medium found' >&2\nexit 1\n");
    s.close();
    s.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QProcessEnvironment e = env();
    e.insert("STRATA_SYSTEMCTL", s.fileName());
    Ran r = runProgram(TestServer::binaryDir() + "/strata-cli",
        { "schedule", "add", "weekly-one", TestServer::connInfo(kDb), "-o", m_backups, "--every",
            "weekly" },
        e);
    QVERIFY2(r.code == 0, qPrintable(r.err + r.out));
    QVERIFY2(r.out.contains("no systemd user manager answers here"), qPrintable(r.out));
    QVERIFY(r.out.contains("systemctl --user enable --now strata-backup-weekly-one.timer"));
    QVERIFY(r.out.contains("loginctl enable-linger"));
    QVERIFY(readFile(unitDir() + "/strata-backup-weekly-one.timer")
                .contains("OnCalendar=Mon *-*-* 03:00:00"));
    QCOMPARE(runProgram(
                 TestServer::binaryDir() + "/strata-cli", { "schedule", "remove", "weekly-one" }, e)
                 .code,
        0);
}

void tst_Schedules::badSchedulesAreRefused()
{
    Ran password = cli({ "schedule", "add", "x", TestServer::connInfo(kDb) + " password=secret",
        "-o", m_backups, "--every", "daily" });
    QCOMPARE(password.code, 2);
    QVERIFY(password.err.contains("holds a password"));
    Ran name = cli({ "schedule", "add", "a b", TestServer::connInfo(kDb), "-o", m_backups,
        "--every", "daily" });
    QCOMPARE(name.code, 2);
    Ran twice = cli({ "schedule", "add", "nightly", TestServer::connInfo(kDb), "-o", m_backups,
        "--every", "daily" });
    QCOMPARE(twice.code, 2);
    QVERIFY(twice.err.contains("exists already"));
    if (!QStandardPaths::findExecutable("systemd-analyze").isEmpty()) {
        Ran calendar = cli({ "schedule", "add", "moon", TestServer::connInfo(kDb), "-o", m_backups,
            "--every", "every full moon" });
        QCOMPARE(calendar.code, 2);
        QVERIFY2(calendar.err.contains("is not a systemd calendar expression"),
            qPrintable(calendar.err));
    }
    QVERIFY(!QFile::exists(unitDir() + "/strata-backup-x.timer"));
}

void tst_Schedules::removeDisablesAndDeletesTheUnits()
{
    Ran r = cli({ "schedule", "remove", "nightly" });
    QVERIFY2(r.code == 0, qPrintable(r.err + r.out));
    QVERIFY(readFile(m_systemctlLog).contains("--user disable --now strata-backup-nightly.timer"));
    QVERIFY(!QFile::exists(unitDir() + "/strata-backup-nightly.timer"));
    QVERIFY(!QFile::exists(unitDir() + "/strata-backup-nightly.service"));
    QVERIFY(!backupschedule::find(m_catalog, "nightly").ok());
    QVERIFY(BackupCatalog(m_catalog).list()->size() > 1); // the history stays
    QCOMPARE(cli({ "schedule", "remove", "nightly" }).code, 1);
}

QTEST_GUILESS_MAIN(tst_Schedules)
#include "tst_schedules.moc"

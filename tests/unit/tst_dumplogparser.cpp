#include "jobs/backupoptions.h"
#include "jobs/dumplogparser.h"
#include "jobs/dumpprogress.h"
#include "jobs/restoreoptions.h"
#include "jobs/toolcommand.h"
#include "jobs/toolrunner.h"

#include <QTest>

using namespace strata::core;
using K = DumpLogEvent::Kind;

// Lines as pg_dump / pg_restore 15 print them with --verbose, LC_MESSAGES=C, PG_COLOR=never.
class tst_DumpLogParser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parsesLines_data();
    void parsesLines();
    void progressAdvancesBySizeAndNeverPastTheTableInFlight();
    void parallelDumpFinishesTablesByItem();
    void passwordFileLineEscapesColonsAndBackslashes();
    void shellQuotingForDisplay();
    void restoreJobsTurnOffSingleTransaction();
};

void tst_DumpLogParser::parsesLines_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("type");
    QTest::addColumn<int>("item");
    auto row = [](const char *tag, const QString &l, K k, const QString &n, const QString &t,
                   int item = -1) { QTest::newRow(tag) << l << int(k) << n << t << item; };
    row("catalog", "pg_dump: reading user-defined tables", K::CatalogStep, {}, {});
    row("dumping odd name",
        QString::fromUtf8("pg_dump: dumping contents of table \"Sch ém\"a.Tab le\""),
        K::DumpingTable, QString::fromUtf8("Sch ém\"a.Tab le"), "TABLE DATA");
    row("finished item", "pg_dump: finished item 3356 TABLE DATA Tab le", K::FinishedItem, "Tab le",
        "TABLE DATA", 3356);
    row("restore creating", "pg_restore: creating FK CONSTRAINT \"public.t2 t2_ref_fkey\"",
        K::Creating, "public.t2 t2_ref_fkey", "FK CONSTRAINT");
    row("restore data", "pg_restore: processing data for table \"public.empty\"", K::ProcessingData,
        "public.empty", "TABLE DATA");
    row("executing", "pg_restore: executing SEQUENCE SET t2_id_seq", K::Executing, "t2_id_seq",
        "SEQUENCE SET");
    row("launching", "pg_restore: launching item 3358 TABLE DATA t2", K::LaunchingItem, "t2",
        "TABLE DATA", 3358);
    row("processing item", "pg_restore: processing item 3366 SEQUENCE OWNED BY Tab le_id_seq",
        K::ProcessingItem, "Tab le_id_seq", "SEQUENCE OWNED BY", 3366);
    row("error", "pg_dump: error: aborting because of server version mismatch", K::Error, {}, {});
    row("detail", "pg_dump: detail: server version: 16.1; pg_dump version: 15.18", K::Detail, {},
        {});
    row("ignored", "pg_restore: warning: errors ignored on restore: 3", K::IgnoredErrors, {}, {});
    row("psql error", "psql:<stdin>:3: ERROR:  function no_such_function() does not exist",
        K::Error, {}, {});
}

void tst_DumpLogParser::parsesLines()
{
    QFETCH(QString, line);
    QFETCH(int, kind);
    QFETCH(QString, name);
    QFETCH(QString, type);
    QFETCH(int, item);
    const DumpLogEvent e = DumpLogParser::parse(line);
    QCOMPARE(int(e.kind), kind);
    QCOMPARE(e.name, name);
    QCOMPARE(e.type, type);
    QCOMPARE(e.itemId, item);
    if (kind == int(K::IgnoredErrors))
        QCOMPARE(e.count, 3);
    if (kind == int(K::Detail))
        QCOMPARE(e.message, QStringLiteral("server version: 16.1; pg_dump version: 15.18"));
}

void tst_DumpLogParser::progressAdvancesBySizeAndNeverPastTheTableInFlight()
{
    TableRef small { 1, "public", "small", 100000, 1000 };
    TableRef big { 2, "public", "big", 900000, 9000 };
    DumpProgress p({ small, big }, false);
    QCOMPARE(p.fraction(), 0.0);
    p.onEvent(DumpLogParser::parse("pg_dump: reading schemas"));
    const double catalog = p.fraction();
    QVERIFY(catalog > 0 && catalog < 0.04);
    p.onEvent(DumpLogParser::parse("pg_dump: dumping contents of table \"public.small\""));
    QVERIFY(p.fraction() < 0.05);
    p.onEvent(DumpLogParser::parse("pg_dump: dumping contents of table \"public.big\""));
    const double afterSmall = p.fraction();
    QVERIFY2(
        qAbs(afterSmall - (0.04 + 0.96 * 0.1)) < 1e-6, qPrintable(QString::number(afterSmall)));
    p.onCopySample(2, 0, 4500); // half the rows of big
    QVERIFY(qAbs(p.fraction() - (0.04 + 0.96 * 0.55)) < 1e-6);
    p.onCopySample(2, 0, 90000); // more rows than estimated: capped below complete
    QVERIFY(p.fraction() < 0.04 + 0.96 * 0.999);
    QCOMPARE(p.currentObject(), QStringLiteral("public.big"));
}

void tst_DumpLogParser::parallelDumpFinishesTablesByItem()
{
    TableRef a { 1, "s1", "t", 500000, 0 };
    TableRef b { 2, "s2", "u", 500000, 0 };
    DumpProgress p({ a, b }, true);
    p.onEvent(DumpLogParser::parse("pg_dump: dumping contents of table \"s1.t\""));
    p.onEvent(DumpLogParser::parse("pg_dump: dumping contents of table \"s2.u\""));
    QVERIFY(p.fraction() < 0.05); // both in flight, none finished
    p.onEvent(DumpLogParser::parse("pg_dump: finished item 7 TABLE DATA u"));
    QVERIFY(qAbs(p.fraction() - (0.04 + 0.96 * 0.5)) < 1e-6);
    QCOMPARE(p.tablesDone(), 1);
}

void tst_DumpLogParser::passwordFileLineEscapesColonsAndBackslashes()
{
    QCOMPARE(pgpassLine("a:b\\c"), QByteArray("*:*:*:*:a\\:b\\\\c\n"));
}

void tst_DumpLogParser::shellQuotingForDisplay()
{
    ToolCommand c;
    c.program = "/usr/bin/pg_dump";
    c.arguments = { "--file=/tmp/a b.dump", "--table=\"Sch\".\"it's\"", "--verbose" };
    QCOMPARE(c.display(),
        QStringLiteral("/usr/bin/pg_dump '--file=/tmp/a b.dump' "
                       "'--table=\"Sch\".\"it'\\''s\"' --verbose"));
}

void tst_DumpLogParser::restoreJobsTurnOffSingleTransaction()
{
    RestoreOptions o;
    o.archivePath = "x";
    QVERIFY(o.effectiveSingleTransaction());
    o.jobs = 4;
    QVERIFY(!o.effectiveSingleTransaction());
    BackupOptions b;
    b.outputPath = "x";
    b.format = BackupFormat::Tar;
    b.compress = 5;
    QVERIFY(!b.validate().ok());
    QCOMPARE(BackupOptions::parseFormat("directory"), std::optional(BackupFormat::Directory));
    QVERIFY(!BackupOptions::parseFormat("zip").has_value());
}

QTEST_GUILESS_MAIN(tst_DumpLogParser)
#include "tst_dumplogparser.moc"

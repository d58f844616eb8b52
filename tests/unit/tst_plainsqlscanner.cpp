// How a plain SQL file is read before psql may run it: psql's own lexer rules, fed in chunks of
// any size.
#include "jobs/plainsqlscanner.h"

#include <QTest>

using namespace strata::core;

class tst_PlainSqlScanner : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void findsMetaCommandsWhereverPsqlWould_data();
    void findsMetaCommandsWhereverPsqlWould();
    void theAnswerDoesNotDependOnHowTheBytesAreCut();
    void pgDumpsOwnRestrictPairIsAllowed();
    void findsStatementsThatEndTheTransaction_data();
    void findsStatementsThatEndTheTransaction();
    void readsPgDumpsHeader();
};

namespace {

PlainSqlFacts scan(const QByteArray &text, int chunk = 0)
{
    PlainSqlScanner s;
    if (chunk <= 0) {
        s.feed(text);
    } else {
        for (qsizetype i = 0; i < text.size(); i += chunk)
            s.feed(text.mid(i, chunk));
    }
    s.finish();
    return s.facts();
}

} // namespace

void tst_PlainSqlScanner::findsMetaCommandsWhereverPsqlWould_data()
{
    QTest::addColumn<QByteArray>("sql");
    QTest::addColumn<int>("line"); // 0: none
    QTest::newRow("shell") << QByteArray("SELECT 1;\n\\! ls\n") << 2;
    QTest::newRow("after a statement") << QByteArray("SELECT 1; \\o /tmp/x\n") << 1;
    QTest::newRow("in a string") << QByteArray("SELECT '\\! ls';\n") << 0;
    QTest::newRow("escape string") << QByteArray("SELECT E'\\'; \\! ls';\n") << 0;
    QTest::newRow("escape string ends") << QByteArray("SELECT E'it\\'s'; \\! ls\n") << 1;
    QTest::newRow("quoted identifier") << QByteArray("SELECT 1 AS \"\\!\";\n") << 0;
    QTest::newRow("line comment") << QByteArray("-- \\! ls\nSELECT 1;\n") << 0;
    QTest::newRow("nested block comment")
        << QByteArray("/* a /* b */ \\! still comment */ SELECT 1;\n") << 0;
    QTest::newRow("dollar quote") << QByteArray("DO $$ BEGIN PERFORM '\\!'; END $$;\n") << 0;
    QTest::newRow("tagged dollar quote")
        << QByteArray("DO $x$ $$ \\! $$ $x$;\n\\i /etc/passwd\n") << 2;
    QTest::newRow("positional parameter is no quote") << QByteArray("SELECT $1 \\gexec\n") << 1;
    QTest::newRow("copy data") << QByteArray("COPY t (a) FROM stdin;\n\\N\na\\tb\n\\.\n") << 0;
    QTest::newRow("after copy data")
        << QByteArray("COPY t (a) FROM stdin;\n\\N\n\\.\n\\copy t to program 'x'\n") << 4;
    QTest::newRow("copy to stdout has no data") << QByteArray("COPY t TO stdout;\n\\! ls\n") << 2;
    QTest::newRow("connect") << QByteArray("\\connect other\n") << 1;
}

void tst_PlainSqlScanner::findsMetaCommandsWhereverPsqlWould()
{
    QFETCH(QByteArray, sql);
    QFETCH(int, line);
    const PlainSqlFacts f = scan(sql);
    QCOMPARE(f.metaCommandLine, line);
    QCOMPARE(f.metaCommand.isEmpty(), line == 0);
}

void tst_PlainSqlScanner::theAnswerDoesNotDependOnHowTheBytesAreCut()
{
    const QByteArray sql("SELECT E'x\\'y';\nDO $tag$ '\\!' $tag$;\n/* /* */ */\n"
                         "COPY t FROM stdin;\n\\N\n\\.\nCOMMIT;\n\\! ls\n");
    const PlainSqlFacts whole = scan(sql);
    QCOMPARE(whole.metaCommandLine, 8);
    QCOMPARE(whole.commitsLine, 7);
    for (int chunk : { 1, 2, 3, 5, 7 }) {
        const PlainSqlFacts cut = scan(sql, chunk);
        QCOMPARE(cut.metaCommandLine, whole.metaCommandLine);
        QCOMPARE(cut.commitsLine, whole.commitsLine);
    }
}

void tst_PlainSqlScanner::pgDumpsOwnRestrictPairIsAllowed()
{
    const PlainSqlFacts f = scan("\\restrict abc123\nSELECT 1;\n\\unrestrict abc123\n");
    QVERIFY(f.metaCommand.isEmpty());
}

void tst_PlainSqlScanner::findsStatementsThatEndTheTransaction_data()
{
    QTest::addColumn<QByteArray>("sql");
    QTest::addColumn<int>("line");
    QTest::newRow("commit") << QByteArray("CREATE TABLE a();\nCOMMIT;\n") << 2;
    QTest::newRow("end") << QByteArray("SELECT 1;\n  end ;\n") << 2;
    QTest::newRow("rollback") << QByteArray("ROLLBACK;\n") << 1;
    QTest::newRow("rollback to savepoint") << QByteArray("ROLLBACK TO SAVEPOINT s;\n") << 0;
    QTest::newRow("prepare transaction") << QByteArray("PREPARE TRANSACTION 'x';\n") << 1;
    QTest::newRow("in a function body")
        << QByteArray("CREATE FUNCTION f() RETURNS void AS $$ COMMIT; $$ LANGUAGE sql;\n") << 0;
    QTest::newRow("begin atomic body") << QByteArray(
        "CREATE FUNCTION f() RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n"
        "SELECT 1;\nEND;\nSELECT 2;\n") << 0;
    QTest::newRow("case end") << QByteArray("SELECT CASE WHEN true THEN 1 END;\n") << 0;
}

void tst_PlainSqlScanner::findsStatementsThatEndTheTransaction()
{
    QFETCH(QByteArray, sql);
    QFETCH(int, line);
    QCOMPARE(scan(sql).commitsLine, line);
}

void tst_PlainSqlScanner::readsPgDumpsHeader()
{
    const QByteArray dump("--\n-- PostgreSQL database dump\n--\n\n\\restrict k\n\n"
                          "-- Dumped from database version 15.18\n"
                          "-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)\n\n"
                          "SET statement_timeout = 0;\n\\unrestrict k\n");
    QCOMPARE(scan(dump).dumpedBy, QStringLiteral("15.18"));
    QVERIFY(scan(dump).metaCommand.isEmpty());
    QCOMPARE(scan("-- PostgreSQL database dump\nSELECT 1;\n").dumpedBy, QString());
}

QTEST_GUILESS_MAIN(tst_PlainSqlScanner)
#include "tst_plainsqlscanner.moc"

#include "migrations/sqlsplitter.h"
#include "migrations/transactionmode.h"

#include <QTest>

using namespace strata::core;

class tst_SqlSplitter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void splitsOutsideQuotesAndComments();
    void keepsLinesForErrors();
    void codeOnlyHidesCommentsAndLiterals();
    void transactionModeFromStatements_data();
    void transactionModeFromStatements();
};

void tst_SqlSplitter::splitsOutsideQuotesAndComments()
{
    const QString script = QString::fromUtf8(
        "SELECT 'a;b';\n"
        "-- c;omment\n"
        "SELECT \"we;ird\" FROM t;\n"
        "/* outer /* inner; */ still; */ SELECT 3;\n"
        "CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql;\n"
        "SELECT $$x;y$$, E'it\\'s;';\n"
        "SELECT 'it''s;'\n");
    const auto parts = SqlSplitter::split(script);
    QCOMPARE(parts.size(), 6);
    QCOMPARE(parts.at(0).text, QStringLiteral("SELECT 'a;b';"));
    QCOMPARE(parts.at(1).text, QString::fromUtf8("SELECT \"we;ird\" FROM t;"));
    QCOMPARE(parts.at(2).text, QStringLiteral("SELECT 3;"));
    QVERIFY(parts.at(3).text.endsWith("LANGUAGE sql;"));
    QCOMPARE(parts.at(4).text, QStringLiteral("SELECT $$x;y$$, E'it\\'s;';"));
    QCOMPARE(parts.at(5).text, QStringLiteral("SELECT 'it''s;'"));
    QVERIFY(SqlSplitter::split("  -- only a comment\n").isEmpty());
}

void tst_SqlSplitter::keepsLinesForErrors()
{
    const QString script = "SELECT 1;\n\n-- c\nSELECT\n  2;\n";
    const auto parts = SqlSplitter::split(script);
    QCOMPARE(parts.size(), 2);
    QCOMPARE(parts.at(0).line, 1);
    QCOMPARE(parts.at(1).line, 4);
    QCOMPARE(SqlSplitter::lineAt(script, parts.at(1).offset + 9), 5);
}

void tst_SqlSplitter::codeOnlyHidesCommentsAndLiterals()
{
    QStringList bodies;
    const QString code = SqlSplitter::codeOnly(
        "DO $b$ BEGIN COMMIT; END $b$ /* VACUUM */ -- x\n, 'it''s' \"q\"", &bodies);
    QVERIFY(!code.contains("COMMIT"));
    QVERIFY(!code.contains("VACUUM"));
    QVERIFY(code.startsWith("DO "));
    QVERIFY(code.contains("___")); // the quoted identifier stays a word
    QCOMPARE(bodies, (QStringList { " BEGIN COMMIT; END ", "it's" }));
}

void tst_SqlSplitter::transactionModeFromStatements_data()
{
    using M = TransactionMode::Mode;
    QTest::addColumn<QString>("sql");
    QTest::addColumn<M>("mode");
    QTest::addColumn<int>("line");
    QTest::newRow("plain") << "CREATE TABLE t (x int);\nINSERT INTO t VALUES (1);" << M::Wrapped
                           << 0;
    QTest::newRow("concurrently") << "SELECT 1;\ncreate  index\n concurrently i ON t (x);"
                                  << M::NoTransaction << 2;
    QTest::newRow("unique concurrently")
        << "CREATE UNIQUE INDEX CONCURRENTLY i ON t (x);" << M::NoTransaction << 1;
    QTest::newRow("drop concurrently")
        << "DROP INDEX CONCURRENTLY IF EXISTS i;" << M::NoTransaction << 1;
    QTest::newRow("reindex concurrently")
        << "REINDEX (VERBOSE) TABLE CONCURRENTLY t;" << M::NoTransaction << 1;
    QTest::newRow("vacuum") << "VACUUM (ANALYZE) t;" << M::NoTransaction << 1;
    QTest::newRow("database") << "CREATE DATABASE d;" << M::NoTransaction << 1;
    QTest::newRow("tablespace") << "DROP TABLESPACE s;" << M::NoTransaction << 1;
    QTest::newRow("alter system") << "ALTER SYSTEM SET work_mem = '8MB';" << M::NoTransaction << 1;
    QTest::newRow("in comments")
        << "-- CREATE INDEX CONCURRENTLY i ON t (x);\n/* VACUUM; */ SELECT 1;" << M::Wrapped << 0;
    QTest::newRow("in a string") << "SELECT 'VACUUM'; SELECT $$COMMIT$$;" << M::Wrapped << 0;
    QTest::newRow("do commit") << "SELECT 1;\nDO $$ BEGIN LOOP COMMIT; EXIT; END LOOP; END $$;"
                               << M::NoTransaction << 2;
    QTest::newRow("do quoted body") << "DO 'BEGIN ROLLBACK; END';" << M::NoTransaction << 1;
    QTest::newRow("do string commit")
        << "DO $$ BEGIN RAISE NOTICE 'COMMIT'; -- COMMIT\nEND $$;" << M::Wrapped << 0;
    QTest::newRow("function with begin") << "CREATE FUNCTION f() RETURNS void AS $$ BEGIN END $$ "
                                            "LANGUAGE plpgsql;"
                                         << M::Wrapped << 0;
    QTest::newRow("procedure and call") << "CREATE PROCEDURE app.fill() LANGUAGE plpgsql AS $$ "
                                           "BEGIN COMMIT; END $$;\nCALL app.fill();"
                                        << M::NoTransaction << 2;
    QTest::newRow("quoted procedure")
        << "CREATE OR REPLACE PROCEDURE \"Fill\"() AS $$ BEGIN "
           "ROLLBACK; END $$ LANGUAGE plpgsql;\nCALL public.\"Fill\"();"
        << M::NoTransaction << 2;
    QTest::newRow("call of another procedure") << "CALL other();" << M::Wrapped << 0;
    QTest::newRow("own begin")
        << "CREATE TABLE t (x int);\nBEGIN;\nINSERT INTO t VALUES (1);\nCOMMIT;" << M::AsWritten
        << 2;
    QTest::newRow("start transaction")
        << "START TRANSACTION ISOLATION LEVEL SERIALIZABLE;" << M::AsWritten << 1;
    QTest::newRow("own commit after vacuum") << "VACUUM t;\nCOMMIT;" << M::AsWritten << 2;
    QTest::newRow("marker") << "-- strata:no-transaction\nSELECT 1;" << M::NoTransaction << 0;
}

void tst_SqlSplitter::transactionModeFromStatements()
{
    QFETCH(QString, sql);
    QFETCH(TransactionMode::Mode, mode);
    QFETCH(int, line);
    const TransactionMode m = TransactionMode::of(sql);
    QCOMPARE(m.mode, mode);
    QCOMPARE(m.line, line);
    QCOMPARE(m.reason.isEmpty(), mode == TransactionMode::Mode::Wrapped);
}

QTEST_GUILESS_MAIN(tst_SqlSplitter)
#include "tst_sqlsplitter.moc"

#include "migrations/sqlsplitter.h"

#include <QTest>

using namespace strata::core;

class tst_SqlSplitter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void splitsOutsideQuotesAndComments();
    void keepsLinesForErrors();
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

QTEST_GUILESS_MAIN(tst_SqlSplitter)
#include "tst_sqlsplitter.moc"

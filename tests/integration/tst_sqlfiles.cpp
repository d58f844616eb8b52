#include "db/session.h"
#include "db/sqlregistry.h"
#include "testserver.h"

#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace strata::core;
using strata::test::TestServer;

// Every statement in sql/ runs against the real server here: each is PREPAREd (or, for utility
// statements and scripts, executed), with its {{placeholders}} filled by names with quotes,
// spaces, capitals and non-ASCII letters, after its fixture (the objects it reads, made with
// the same names). The SQLite statements of the local catalog (sql/local/) run against SQLite.
// Demo seed scripts (sql/demo/) are run by tst_demo. A variant for a newer server than the test
// server (name.pg17.sql), or for another version of an extension, is run by the server matrix.
class tst_SqlFiles : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void theRegistryFindsNoProblems();
    void everyStatementRuns_data();
    void everyStatementRuns();
    void everyLocalStatementRunsOnSqlite();
    void registryPicksTheNewestVariantNotNewerThanTheServer();
    void fillQuotesEachPartAndRefusesAMissingName();
    void aBrokenTemplateIsReported();

private:
    std::unique_ptr<Session> m_session;
    int m_major = 0;
};

namespace {

const QString kDb = QStringLiteral("tst_sqlfiles");

// The awkward schema every qualified placeholder lives in, and each placeholder's own name.
const QString kSchema = QStringLiteral("Sch \"q\" Ünï");

QString awkwardName(const QString &placeholder)
{
    return QStringLiteral("%1 \"q\" Näme").arg(placeholder);
}

// Placeholders that name an object inside a schema get two parts; the others one.
SqlIdentifiers awkwardIdentifiers(const QStringList &placeholders)
{
    static const QStringList qualified = { QStringLiteral("table"), QStringLiteral("relation"),
        QStringLiteral("sequence"), QStringLiteral("view") };
    SqlIdentifiers out;
    for (const QString &p : placeholders) {
        if (p == QLatin1String("schema"))
            out.append({ p, { kSchema } });
        else if (qualified.contains(p))
            out.append({ p, { kSchema, awkwardName(p) } });
        else
            out.append({ p, { awkwardName(p) } });
    }
    return out;
}

QStringList markerLines(const QString &text, const QString &marker)
{
    QStringList out;
    for (const QString &line : text.split(u'\n'))
        if (line.startsWith(marker))
            out << line.mid(marker.size()).trimmed();
    return out;
}

// "-- strata:for-extension: pg_stat_statements >= 1.8 < 1.11" against the installed version.
bool versionInRange(const QString &installed, const QStringList &range)
{
    auto number = [](const QString &v) {
        const QStringList p = v.split(u'.');
        return p.value(0).toInt() * 1000 + p.value(1).toInt();
    };
    for (int i = 0; i + 1 < range.size(); i += 2) {
        const int a = number(installed), b = number(range.at(i + 1));
        const QString &op = range.at(i);
        if ((op == QLatin1String(">=") && a < b) || (op == QLatin1String("<") && a >= b))
            return false;
    }
    return true;
}

} // namespace

void tst_SqlFiles::initTestCase()
{
    STRATA_REQUIRE_SERVER();
    TestServer::createDatabase(kDb);
    SessionOptions o;
    o.readOnly = false;
    m_session = std::make_unique<Session>(TestServer::profile(kDb), QString(), o);
    auto info = m_session->open().result();
    QVERIFY2(info.ok(), qPrintable(info.error().toString()));
    m_major = info->version.major();
}

void tst_SqlFiles::theRegistryFindsNoProblems()
{
    const QStringList problems = SqlRegistry::instance().problems();
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

void tst_SqlFiles::everyStatementRuns_data()
{
    QTest::addColumn<QString>("path");
    const QStringList files = SqlRegistry::instance().allFiles();
    QVERIFY(files.size() > 100);
    for (const QString &f : files) {
        if (f.startsWith(QLatin1String(":/sql/demo/"))
            || f.startsWith(QLatin1String(":/sql/local/")))
            continue;
        QTest::newRow(qPrintable(f.mid(6))) << f;
    }
}

void tst_SqlFiles::everyStatementRuns()
{
    QFETCH(QString, path);
    static const QRegularExpression variant(QStringLiteral("\\.pg(\\d+)\\.sql$"));
    const auto m = variant.match(path);
    const int since = m.hasMatch() ? m.captured(1).toInt() : 0;
    if (since > m_major)
        QSKIP("a variant for a newer server than the test server: the server matrix runs it");
    // A file that a newer variant replaces on this server is for older servers: the matrix
    // runs it on one of those.
    const QString base = m.hasMatch() ? path.left(m.capturedStart()) : path.chopped(4);
    for (const QString &other : SqlRegistry::instance().allFiles()) {
        const auto o = variant.match(other);
        if (o.hasMatch() && other.left(o.capturedStart()) == base && o.captured(1).toInt() > since
            && o.captured(1).toInt() <= m_major)
            QSKIP(qPrintable(
                QStringLiteral("PostgreSQL %1 runs %2 instead").arg(m_major).arg(other)));
    }
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(f.readAll());
    // "-- strata:since: 14": a statement Strata runs only on servers from that version.
    if (const QStringList s = markerLines(text, QStringLiteral("-- strata:since:"));
        !s.isEmpty() && s.first().toInt() > m_major)
        QSKIP(qPrintable(QStringLiteral("run only from PostgreSQL %1").arg(s.first())));
    const SqlIdentifiers ids = awkwardIdentifiers(SqlRegistry::placeholders(text));
    const QString fixture = SqlRegistry::fixture(text);
    const QStringList extension = markerLines(text, QStringLiteral("-- strata:for-extension:"));
    const bool utility = text.contains(QLatin1String("-- strata:utility"))
        || text.contains(QLatin1String("-- strata:script"));
    const QString cleanup = markerLines(text, QStringLiteral("-- strata:cleanup:")).join(u'\n');

    auto r
        = m_session
              ->run([&](SessionContext &ctx) -> Result<QString> {
                  auto quote = [&ctx](const QString &n) { return ctx.quoteIdentifier(n); };
                  // A clean slate: the awkward schemas (and what the last fixture made in them)
                  // dropped, then the one qualified names live in made again.
                  ctx.execText(QStringLiteral("DEALLOCATE ALL"));
                  ctx.execScript(QStringLiteral("DROP EXTENSION IF EXISTS pg_stat_statements"));
                  for (const SqlIdentifier &id :
                      awkwardIdentifiers(
                          { QStringLiteral("extension_schema"), QStringLiteral("postgis_schema") }))
                      ctx.execScript(QStringLiteral("DROP SCHEMA IF EXISTS %1 CASCADE")
                                         .arg(quote(id.parts[0])));
                  if (auto e = ctx.execScript(
                          QStringLiteral("DROP SCHEMA IF EXISTS %1 CASCADE; CREATE SCHEMA %1")
                              .arg(quote(kSchema)));
                      !e)
                      return e.error();
                  if (!fixture.isEmpty()) {
                      auto filled = SqlRegistry::fill(fixture, ids, quote);
                      if (!filled)
                          return filled.error();
                      if (auto e = ctx.execScript(filled.value()); !e)
                          return Error(
                              e.error().kind, QStringLiteral("fixture: ") + e.error().message);
                  }
                  if (!extension.isEmpty()) {
                      const QStringList words = extension.first().split(u' ', Qt::SkipEmptyParts);
                      auto v = ctx.execText(
                          QStringLiteral("SELECT extversion FROM pg_extension WHERE extname = $1"),
                          { words.value(0) });
                      if (!v || v->rows() == 0)
                          return QStringLiteral("skip: %1 is not installed").arg(words.value(0));
                      if (!versionInRange(v->text(0, 0), words.mid(1)))
                          return QStringLiteral("skip: written for %1, the server has %2")
                              .arg(extension.first(), v->text(0, 0));
                  }
                  auto statement = SqlRegistry::fill(text, ids, quote);
                  if (!statement)
                      return statement.error();
                  Result<PgResult> ran = utility
                      ? ctx.execScript(statement.value())
                      : ctx.execText(
                          QStringLiteral("PREPARE strata_check AS ") + statement.value());
                  if (!cleanup.isEmpty())
                      ctx.execScript(SqlRegistry::fill(cleanup, ids, quote).value());
                  if (!ran)
                      return ran.error();
                  return QString();
              })
              .result();
    QVERIFY2(r.ok(), qPrintable(path + QStringLiteral(": ") + r.error().toString()));
    if (r.value().startsWith(QLatin1String("skip: ")))
        QSKIP(qPrintable(r.value().mid(6)));
}

void tst_SqlFiles::everyLocalStatementRunsOnSqlite()
{
    // The local catalog's statements: the schema first (create_*), then each statement is
    // prepared against it.
    QTemporaryDir dir;
    QStringList files;
    for (const QString &f : SqlRegistry::instance().allFiles())
        if (f.startsWith(QLatin1String(":/sql/local/")))
            files << f;
    if (files.isEmpty())
        QSKIP("no local statements yet");
    const QString name = QStringLiteral("tst_sqlfiles_local");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(dir.filePath(QStringLiteral("catalog.sqlite")));
        QVERIFY(db.open());
        std::stable_partition(files.begin(), files.end(),
            [](const QString &f) { return f.contains(QLatin1String("/create_")); });
        for (const QString &f : files) {
            QFile file(f);
            QVERIFY(file.open(QIODevice::ReadOnly));
            QSqlQuery q(db);
            const QString text = QString::fromUtf8(file.readAll());
            const bool ok = f.contains(QLatin1String("/create_")) ? q.exec(text) : q.prepare(text);
            QVERIFY2(ok, qPrintable(f + QStringLiteral(": ") + q.lastError().text()));
        }
    }
    QSqlDatabase::removeDatabase(name);
}

void tst_SqlFiles::registryPicksTheNewestVariantNotNewerThanTheServer()
{
    const SqlRegistry &reg = SqlRegistry::instance();
    QVERIFY(reg.contains("session/info"));
    QVERIFY(!reg.text("session/info", 15).isEmpty());
    QVERIFY(reg.text("no/such/statement", 15).isEmpty());
    // Any variant pair in the tree: the base for old servers, the variant from its version on.
    static const QRegularExpression variant(QStringLiteral("^:/sql/(.*)\\.pg(\\d+)\\.sql$"));
    int checked = 0;
    for (const QString &f : reg.allFiles()) {
        const auto m = variant.match(f);
        if (!m.hasMatch())
            continue;
        const QString name = m.captured(1);
        const int from = m.captured(2).toInt();
        QFile vf(f);
        QVERIFY(vf.open(QIODevice::ReadOnly));
        const QString variantText = QString::fromUtf8(vf.readAll());
        QCOMPARE(reg.text(name, 99).isEmpty(), false);
        QVERIFY(reg.text(name, from) == variantText
            || reg.text(name, from) != reg.text(name, from - 1));
        QVERIFY(reg.text(name, from - 1) != variantText);
        ++checked;
    }
    QVERIFY(checked > 0);
}

void tst_SqlFiles::fillQuotesEachPartAndRefusesAMissingName()
{
    auto quote = [](const QString &n) -> QString {
        QString q = n;
        q.replace(u'"', QStringLiteral("\"\""));
        return u'"' + q + u'"';
    };
    auto filled = SqlRegistry::fill(
        QStringLiteral("-- reads {{table}}\nSELECT * FROM {{table}} JOIN {{schema}}.x ON true"),
        { { QStringLiteral("table"), { QStringLiteral("a b"), QStringLiteral("T\"x") } },
            { QStringLiteral("schema"), { QStringLiteral("a b") } },
            { QStringLiteral("unused"), { QStringLiteral("z") } } },
        quote);
    QVERIFY(filled.ok());
    QCOMPARE(filled.value(),
        QStringLiteral("-- reads {{table}}\nSELECT * FROM \"a b\".\"T\"\"x\" "
                       "JOIN \"a b\".x ON true"));
    auto missing = SqlRegistry::fill(QStringLiteral("SELECT * FROM {{table}}"), {}, quote);
    QVERIFY(!missing.ok());
    QVERIFY(missing.error().message.contains(QLatin1String("{{table}}")));
}

void tst_SqlFiles::aBrokenTemplateIsReported()
{
    QCOMPARE(SqlRegistry::placeholders(QStringLiteral("SELECT {{a}}, {{b_c}}, {{a}}")),
        QStringList({ QStringLiteral("a"), QStringLiteral("b_c") }));
    // The check the registry runs on every file when it loads.
    QVERIFY(
        SqlRegistry::problemsIn(QStringLiteral("x.sql"), QStringLiteral("SELECT {{a}}")).isEmpty());
    QCOMPARE(
        SqlRegistry::problemsIn(QStringLiteral("x.sql"), QStringLiteral("SELECT %1")).size(), 1);
    QCOMPARE(
        SqlRegistry::problemsIn(QStringLiteral("x.sql"), QStringLiteral("SELECT {{Bad}}")).size(),
        1);
    QCOMPARE(SqlRegistry::problemsIn(QStringLiteral("x.sql"),
                 QStringLiteral("-- strata:fixture: CREATE TABLE {{t}} ()\nSELECT 1"))
                 .size(),
        1);
    // A % or a placeholder in a comment is not a problem.
    QVERIFY(SqlRegistry::problemsIn(
        QStringLiteral("x.sql"), QStringLiteral("-- 100% of {{these}}\nSELECT 1"))
                .isEmpty());
}

QTEST_GUILESS_MAIN(tst_SqlFiles)
#include "tst_sqlfiles.moc"

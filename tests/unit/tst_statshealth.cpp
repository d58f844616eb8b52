// Derived figures of a snapshot without a server: the lock tree, rates, the health sentences.
#include "stats/statshealth.h"

#include <QTest>

using namespace strata::core;

Q_DECLARE_METATYPE(StatsSnapshot)

namespace {

LockRow lock(int pid, QList<int> by)
{
    LockRow r;
    r.pid = pid;
    r.blockedBy = std::move(by);
    return r;
}

} // namespace

class tst_StatsHealth : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void lockTreeNestsWaitersUnderTheirBlockers();
    void lockTreeSurvivesADeadlockCycle();
    void ratesDivideTheDeltaByTheElapsedSeconds_data();
    void ratesDivideTheDeltaByTheElapsedSeconds();
    void warnsAboutStaleVacuumOnlyPastTheThreshold();
    void sectionsThatFailedAreCounted();
    void eachWarningNamesTheRowItIsAbout_data();
    void eachWarningNamesTheRowItIsAbout();
};

void tst_StatsHealth::lockTreeNestsWaitersUnderTheirBlockers()
{
    StatsSnapshot s;
    // 10 blocks 11 and 12; 12 blocks 13; 13 is also blocked by 10.
    s.locks.rows = { lock(10, {}), lock(11, { 10 }), lock(12, { 10 }), lock(13, { 12, 10 }) };
    const auto tree = s.lockTree();
    QCOMPARE(tree.size(), 1);
    QCOMPARE(tree[0].row.pid, 10);
    QCOMPARE(tree[0].blocked.size(), 3);
    QCOMPARE(tree[0].count(), 5); // 13 appears under 10 and under 12
    // A blocker missing from the rows (it ended meanwhile) still becomes a root.
    s.locks.rows = { lock(21, { 20 }) };
    QCOMPARE(s.lockTree().size(), 1);
    QCOMPARE(s.lockTree()[0].row.pid, 20);
}

void tst_StatsHealth::lockTreeSurvivesADeadlockCycle()
{
    StatsSnapshot s;
    s.locks.rows = { lock(5, { 6 }), lock(6, { 5 }) };
    const auto tree = s.lockTree();
    QCOMPARE(tree.size(), 1);
    QCOMPARE(tree[0].row.pid, 5);
    QCOMPARE(tree[0].count(), 2);
}

void tst_StatsHealth::ratesDivideTheDeltaByTheElapsedSeconds_data()
{
    QTest::addColumn<double>("seconds");
    QTest::addColumn<qint64>("commits");
    QTest::addColumn<double>("expected");
    QTest::newRow("2 s") << 2.0 << qint64(100) << 50.0;
    QTest::newRow("0.5 s") << 0.5 << qint64(100) << 200.0;
    QTest::newRow("no time") << 0.0 << qint64(100) << 0.0;
}

void tst_StatsHealth::ratesDivideTheDeltaByTheElapsedSeconds()
{
    QFETCH(double, seconds);
    QFETCH(qint64, commits);
    QFETCH(double, expected);
    ActivitySample a, b;
    a.serverEpoch = 1000;
    b.serverEpoch = 1000 + seconds;
    a.databases = { DatabaseCounters { QStringLiteral("d"), 10, 1, 0, 0, 5, 0, 0, 0, 0, 0 } };
    b.databases = { DatabaseCounters {
        QStringLiteral("d"), 10 + commits, 1, 0, 0, 5 + 2 * commits, 0, 0, 0, 0, 0 } };
    const Rates r = Rates::between(a, b, QStringLiteral("d"));
    QCOMPARE(r.commits, expected);
    QCOMPARE(r.inserted, 2 * expected);
    QCOMPARE(r.valid(), seconds > 0);
    QVERIFY(!Rates::between(a, b, QStringLiteral("missing")).valid());
}

void tst_StatsHealth::warnsAboutStaleVacuumOnlyPastTheThreshold()
{
    StatsSnapshot s;
    ServerFacts f;
    f.serverEpoch = QDateTime(QDate(2026, 6, 1), QTime(12, 0), Qt::UTC).toSecsSinceEpoch();
    f.maxConnections = 100;
    s.server.rows = { f };
    s.server.collected = true;
    VacuumRow stale;
    stale.schema = QStringLiteral("public");
    stale.table = QStringLiteral("y");
    stale.liveTuples = 100000;
    stale.deadTuples = 5000;
    stale.lastAutovacuum = QDateTime(QDate(2026, 4, 1), QTime(12, 0), Qt::UTC);
    VacuumRow fresh = stale;
    fresh.table = QStringLiteral("z");
    fresh.lastAutovacuum = QDateTime(QDate(2026, 5, 25), QTime(12, 0), Qt::UTC);
    s.vacuum.rows = { stale, fresh };
    s.vacuum.collected = true;
    const auto w = statshealth::evaluate(s);
    QStringList texts;
    for (const auto &x : w)
        texts << x.text;
    QVERIFY2(texts.contains(QStringLiteral("Autovacuum has not run on public.y for 61 days.")),
        qPrintable(texts.join('\n')));
    QVERIFY(!texts.join('\n').contains(QStringLiteral("public.z")));
}

void tst_StatsHealth::sectionsThatFailedAreCounted()
{
    StatsSnapshot s;
    s.relations.collected = true;
    s.relations.error = Error(Error::Kind::Timeout, QStringLiteral("slow"));
    s.vacuum.collected = true;
    const auto w = statshealth::evaluate(s);
    QCOMPARE(w.size(), 1);
    QCOMPARE(w[0].text,
        QStringLiteral("1 part of the dashboard could not be read; see the section for why."));
}

void tst_StatsHealth::eachWarningNamesTheRowItIsAbout_data()
{
    QTest::addColumn<StatsSnapshot>("snapshot");
    QTest::addColumn<QString>("section");
    QTest::addColumn<QVariant>("key");
    auto snapshot = [] {
        StatsSnapshot s;
        s.takenAt = QDateTime::currentDateTimeUtc();
        return s;
    };
    {
        StatsSnapshot s = snapshot();
        SequenceRow low, high;
        low.schema = high.schema = QStringLiteral("app");
        low.name = QStringLiteral("low");
        high.name = QStringLiteral("high");
        low.used = high.used = true;
        low.limit = high.limit = 100;
        low.lastValue = 85;
        high.lastValue = 97;
        s.sequences.rows = { low, high };
        QTest::newRow("the fullest sequence")
            << s << QStringLiteral("sequences") << QVariant(QStringList { "app", "high" });
    }
    {
        StatsSnapshot s = snapshot();
        VacuumRow v;
        v.schema = QStringLiteral("app");
        v.table = QStringLiteral("orders");
        v.liveTuples = 1000;
        v.deadTuples = 9000;
        v.autovacuumEnabled = false;
        s.vacuum.rows = { v };
        QTest::newRow("a table full of dead tuples")
            << s << QStringLiteral("vacuum") << QVariant(QStringList { "app", "orders" });
    }
    {
        StatsSnapshot s = snapshot();
        s.locks.rows = { lock(10, {}), lock(11, { 10 }) };
        QTest::newRow("a blocked session") << s << QStringLiteral("locks") << QVariant(11);
    }
    {
        StatsSnapshot s = snapshot();
        DatabaseRow d;
        d.name = QStringLiteral("old");
        d.xidAge = 1800000000;
        s.databases.rows = { d };
        QTest::newRow("a database near wraparound")
            << s << QStringLiteral("databases") << QVariant(QStringLiteral("old"));
    }
    {
        StatsSnapshot s = snapshot();
        MatViewRow m;
        m.schema = QStringLiteral("app");
        m.name = QStringLiteral("empty");
        s.matviews.rows = { m };
        QTest::newRow("an empty materialized view")
            << s << QStringLiteral("matviews") << QVariant(QStringList { "app", "empty" });
    }
}

void tst_StatsHealth::eachWarningNamesTheRowItIsAbout()
{
    QFETCH(StatsSnapshot, snapshot);
    QFETCH(QString, section);
    QFETCH(QVariant, key);
    const QList<HealthWarning> warnings = statshealth::evaluate(snapshot);
    QVERIFY(!warnings.isEmpty());
    QCOMPARE(warnings.first().section, section);
    QCOMPARE(warnings.first().key, key);
}

QTEST_GUILESS_MAIN(tst_StatsHealth)
#include "tst_statshealth.moc"

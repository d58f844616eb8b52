#include "jobs/retention.h"

#include <QSet>
#include <QTest>

using namespace strata::core;

namespace {

const QTimeZone kUtc = QTimeZone::utc();

// A schedule's history over 60 made-up days: a backup every day at 03:00, and a second one at
// 15:00 every fifth day; ids count up with time.
QList<RetentionCandidate> sixtyDays(const QDate &lastDay)
{
    QList<RetentionCandidate> out;
    qint64 id = 0;
    for (int back = 59; back >= 0; --back) {
        const QDate d = lastDay.addDays(-back);
        out << RetentionCandidate { ++id, QDateTime(d, QTime(3, 0), kUtc), false };
        if (back % 5 == 0)
            out << RetentionCandidate { ++id, QDateTime(d, QTime(15, 0), kUtc), false };
    }
    return out;
}

QSet<qint64> kept(const QList<RetentionDecision> &decisions)
{
    QSet<qint64> out;
    for (const RetentionDecision &d : decisions)
        if (d.keep)
            out.insert(d.id);
    return out;
}

// The id of the newest backup of a day.
qint64 newestOn(const QList<RetentionCandidate> &all, const QDate &day)
{
    qint64 best = 0;
    QDateTime at;
    for (const RetentionCandidate &c : all)
        if (c.started.toTimeZone(kUtc).date() == day && (!at.isValid() || c.started > at)) {
            at = c.started;
            best = c.id;
        }
    return best;
}

} // namespace

class tst_Retention : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void noRuleKeepsEverything();
    void keepLastKeepsTheNewest();
    void dailyKeepsTheNewestOfEachOfTheLatestDays();
    void weeklyAndMonthlyCountIsoWeeksAndMonths();
    void rulesAddUpOverSixtyDays();
    void theNewestRestoreTestedBackupIsNeverDeleted();
    void orderOfTheInputDoesNotMatter();
    void describeSaysTheRules();
};

void tst_Retention::noRuleKeepsEverything()
{
    const auto all = sixtyDays(QDate(2026, 3, 31));
    const auto d = retention::decide(all, RetentionPolicy {}, kUtc);
    QCOMPARE(kept(d).size(), all.size());
}

void tst_Retention::keepLastKeepsTheNewest()
{
    const auto all = sixtyDays(QDate(2026, 3, 31));
    RetentionPolicy p;
    p.keepLast = 3;
    const auto d = retention::decide(all, p, kUtc);
    QCOMPARE(d.size(), all.size());
    // Newest first: the last three ids made.
    const qint64 newest = all.last().id;
    QCOMPARE(kept(d), (QSet<qint64> { newest, newest - 1, newest - 2 }));
    QCOMPARE(d.first().id, newest);
    QCOMPARE(d.first().reasons, QStringList { "last 1" });
}

void tst_Retention::dailyKeepsTheNewestOfEachOfTheLatestDays()
{
    const QDate last(2026, 3, 31);
    const auto all = sixtyDays(last);
    RetentionPolicy p;
    p.keepDaily = 7;
    const auto d = retention::decide(all, p, kUtc);
    QSet<qint64> expected;
    for (int back = 0; back < 7; ++back)
        expected.insert(newestOn(all, last.addDays(-back)));
    QCOMPARE(kept(d), expected);
    // On a day with two backups only the later one is kept.
    const qint64 morning = all.at(all.size() - 2).id; // 03:00 of the last day
    QVERIFY(!kept(d).contains(morning));
}

void tst_Retention::weeklyAndMonthlyCountIsoWeeksAndMonths()
{
    const QDate last(2026, 3, 31); // a Tuesday
    const auto all = sixtyDays(last);
    RetentionPolicy weekly;
    weekly.keepWeekly = 4;
    const auto w = retention::decide(all, weekly, kUtc);
    // The newest backup of this ISO week (Tuesday), and of the three weeks before it (Sundays).
    QSet<qint64> expectedWeeks { newestOn(all, last), newestOn(all, QDate(2026, 3, 29)),
        newestOn(all, QDate(2026, 3, 22)), newestOn(all, QDate(2026, 3, 15)) };
    QCOMPARE(kept(w), expectedWeeks);

    RetentionPolicy monthly;
    monthly.keepMonthly = 12; // more months than the history has: all three are kept
    const auto m = retention::decide(all, monthly, kUtc);
    QSet<qint64> expectedMonths { newestOn(all, QDate(2026, 3, 31)),
        newestOn(all, QDate(2026, 2, 28)), newestOn(all, QDate(2026, 1, 31)) };
    QCOMPARE(kept(m), expectedMonths);
    for (const RetentionDecision &x : m)
        if (x.keep)
            QVERIFY(x.reasons.first().startsWith("monthly 2026-0"));
}

void tst_Retention::rulesAddUpOverSixtyDays()
{
    const QDate last(2026, 3, 31);
    const auto all = sixtyDays(last);
    QCOMPARE(all.size(), 72);
    RetentionPolicy p;
    p.keepLast = 2;
    p.keepDaily = 7;
    p.keepWeekly = 4;
    p.keepMonthly = 3;
    const auto d = retention::decide(all, p, kUtc);
    QSet<qint64> expected;
    expected << all.last().id << all.at(all.size() - 2).id; // last 2
    for (int back = 0; back < 7; ++back)
        expected << newestOn(all, last.addDays(-back));
    for (const QDate &day : { QDate(2026, 3, 29), QDate(2026, 3, 22), QDate(2026, 3, 15) })
        expected << newestOn(all, day);
    expected << newestOn(all, QDate(2026, 2, 28)) << newestOn(all, QDate(2026, 1, 31));
    QCOMPARE(kept(d), expected);
    // Both of the last day's backups, six more days, two more weeks (29 March is one of the
    // days), two more months.
    QCOMPARE(kept(d).size(), 12);
    QCOMPARE(d.size() - kept(d).size(), 72 - 12);
}

void tst_Retention::theNewestRestoreTestedBackupIsNeverDeleted()
{
    auto all = sixtyDays(QDate(2026, 3, 31));
    // Two old backups passed a restore test; only the newer of them is protected.
    all[10].passedRestoreTest = true;
    all[20].passedRestoreTest = true;
    RetentionPolicy p;
    p.keepLast = 1;
    const auto d = retention::decide(all, p, kUtc);
    QCOMPARE(kept(d), (QSet<qint64> { all.last().id, all[20].id }));
    for (const RetentionDecision &x : d)
        if (x.id == all[20].id)
            QCOMPARE(x.reasons, QStringList { "newest restore-tested" });
}

void tst_Retention::orderOfTheInputDoesNotMatter()
{
    const auto all = sixtyDays(QDate(2026, 3, 31));
    auto shuffled = all;
    std::reverse(shuffled.begin(), shuffled.end());
    std::swap(shuffled[3], shuffled[40]);
    RetentionPolicy p;
    p.keepDaily = 10;
    p.keepWeekly = 2;
    QCOMPARE(kept(retention::decide(shuffled, p, kUtc)), kept(retention::decide(all, p, kUtc)));
}

void tst_Retention::describeSaysTheRules()
{
    RetentionPolicy p;
    QCOMPARE(p.describe(), QStringLiteral("keep everything"));
    p.keepLast = 3;
    p.keepMonthly = 6;
    QCOMPARE(p.describe(), QStringLiteral("keep-last 3, keep-monthly 6"));
}

QTEST_GUILESS_MAIN(tst_Retention)
#include "tst_retention.moc"

#include "retention.h"

#include <algorithm>
#include <functional>

namespace strata::core {

QString RetentionPolicy::describe() const
{
    QStringList parts;
    if (keepLast > 0)
        parts << QStringLiteral("keep-last %1").arg(keepLast);
    if (keepDaily > 0)
        parts << QStringLiteral("keep-daily %1").arg(keepDaily);
    if (keepWeekly > 0)
        parts << QStringLiteral("keep-weekly %1").arg(keepWeekly);
    if (keepMonthly > 0)
        parts << QStringLiteral("keep-monthly %1").arg(keepMonthly);
    return parts.isEmpty() ? QStringLiteral("keep everything") : parts.join(QStringLiteral(", "));
}

namespace retention {

namespace {

// Keeps the newest backup of each of the latest `count` periods that have one.
void keepPerPeriod(QList<RetentionDecision> &newestFirst, int count, const QString &rule,
    const std::function<QString(const QDate &)> &period, const QTimeZone &zone)
{
    QString last;
    int kept = 0;
    for (RetentionDecision &d : newestFirst) {
        if (kept >= count)
            return;
        const QString key = period(d.started.toTimeZone(zone).date());
        if (key == last)
            continue;
        last = key;
        d.keep = true;
        d.reasons << QStringLiteral("%1 %2").arg(rule, key);
        ++kept;
    }
}

} // namespace

QList<RetentionDecision> decide(
    QList<RetentionCandidate> candidates, const RetentionPolicy &policy, const QTimeZone &zone)
{
    std::stable_sort(candidates.begin(), candidates.end(),
        [](const RetentionCandidate &a, const RetentionCandidate &b) {
            return a.started > b.started || (a.started == b.started && a.id > b.id);
        });
    QList<RetentionDecision> out;
    for (const RetentionCandidate &c : candidates)
        out << RetentionDecision { c.id, c.started, false, {} };
    if (policy.keepsEverything()) {
        for (RetentionDecision &d : out) {
            d.keep = true;
            d.reasons << QStringLiteral("no retention rule");
        }
        return out;
    }
    for (int i = 0; i < out.size() && i < policy.keepLast; ++i) {
        out[i].keep = true;
        out[i].reasons << QStringLiteral("last %1").arg(i + 1);
    }
    keepPerPeriod(
        out, policy.keepDaily, QStringLiteral("daily"),
        [](const QDate &d) { return d.toString(Qt::ISODate); }, zone);
    keepPerPeriod(
        out, policy.keepWeekly, QStringLiteral("weekly"),
        [](const QDate &d) {
            int year = 0;
            const int week = d.weekNumber(&year);
            return QStringLiteral("%1-W%2").arg(year).arg(week, 2, 10, QLatin1Char('0'));
        },
        zone);
    keepPerPeriod(
        out, policy.keepMonthly, QStringLiteral("monthly"),
        [](const QDate &d) { return d.toString(QStringLiteral("yyyy-MM")); }, zone);
    for (int i = 0; i < candidates.size(); ++i)
        if (candidates[i].passedRestoreTest) {
            out[i].keep = true;
            out[i].reasons << QStringLiteral("newest restore-tested");
            break;
        }
    return out;
}

} // namespace retention
} // namespace strata::core

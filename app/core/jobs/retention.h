#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTimeZone>

namespace strata::core {

// How many backups of a schedule to keep. Each rule keeps its own set and a backup stays when
// any rule keeps it: the newest `last`, and the newest backup of each of the latest `daily`
// days, `weekly` ISO weeks and `monthly` months that have one. All zero keeps everything.
struct RetentionPolicy
{
    int keepLast = 0;
    int keepDaily = 0;
    int keepWeekly = 0;
    int keepMonthly = 0;

    bool keepsEverything() const
    {
        return keepLast <= 0 && keepDaily <= 0 && keepWeekly <= 0 && keepMonthly <= 0;
    }
    // "keep-last 3, keep-daily 7" or "keep everything".
    QString describe() const;
    bool operator==(const RetentionPolicy &) const = default;
};

struct RetentionCandidate
{
    qint64 id = 0;
    QDateTime started;
    bool passedRestoreTest = false; // its last restore test passed
};

struct RetentionDecision
{
    qint64 id = 0;
    QDateTime started;
    bool keep = false;
    QStringList reasons; // why it is kept: "last 2", "daily 2026-12-01", "newest restore-tested"
};

namespace retention {

// The pure policy: which backups of one schedule to keep and which to delete, newest first.
// Days, weeks and months are counted in `zone` (the machine's by default). The newest backup
// whose restore test passed is always kept.
QList<RetentionDecision> decide(QList<RetentionCandidate> candidates, const RetentionPolicy &policy,
    const QTimeZone &zone = QTimeZone::systemTimeZone());

} // namespace retention
} // namespace strata::core

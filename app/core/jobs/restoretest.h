#pragma once

#include "jobs/backuphistory.h"
#include "result.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace strata::core {

class SessionContext;

// One table of a restore test: the rows it had at backup time (-1: not known) and the rows the
// throwaway database holds after the restore (-1: the table is not there).
struct RestoreTestTable
{
    QString schema;
    QString name;
    qint64 expected = -1;
    qint64 restored = -1;
    bool ofExtension = false; // CREATE EXTENSION adds rows of its own: at least `expected`

    QString qualified() const { return schema + u'.' + name; }
    bool passed() const
    {
        return restored >= 0
            && (expected < 0 || expected == restored || (ofExtension && restored > expected));
    }
};

// A sequence that feeds a column, after the restore: its next value must be past the column's
// largest value, or the next insert fails on a duplicate key.
struct RestoreTestSequence
{
    QString sequence; // schema.name
    QString column; // schema.table.column
    qint64 columnMax = 0;
    qint64 nextValue = 0;
    bool passed() const { return nextValue > columnMax; }
};

// What a restore test found: its verdict, and each problem in words that name the table and
// the numbers ("public.orders: 1200 rows at backup time, 1100 restored").
struct RestoreTestReport
{
    QString archivePath;
    qint64 backupId = 0;
    QString target; // the server, as the history shows it
    QString database; // the throwaway database (dropped again)
    bool dropped = false;
    QString countsSource; // "dump", "manifest", "archive" or empty (none known)
    int toolExitCode = -1;
    QStringList toolErrors; // pg_restore's "error:" lines
    QList<RestoreTestTable> tables;
    QList<RestoreTestSequence> sequences;
    QStringList problems;
    qint64 durationMs = 0;

    bool passed() const { return problems.isEmpty(); }
    QString summary() const;
};

namespace restoretest {

// The throwaway database's name: "strata_restore_test_20261204_031500_a1b2c3".
QString throwawayName();

// The checks after pg_restore, on a session connected to the throwaway database: every table
// of the archive is there with its rows at backup time, and every sequence owned by a column is
// past the column's values. Appends to report.tables, report.sequences and report.problems.
Status check(SessionContext &ctx, const QStringList &archiveTables,
    const QList<TableRowCount> &expected, RestoreTestReport &report,
    const std::function<bool()> &canceled = {});

} // namespace restoretest
} // namespace strata::core

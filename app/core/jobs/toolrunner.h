#pragma once

#include "jobs/toolcommand.h"
#include "result.h"

#include <QString>
#include <QStringList>

#include <functional>

class QProcess;

namespace strata::core {

struct ToolRunOptions
{
    QString password; // given to the child through a temporary PGPASSFILE, never argv
    QString appName; // PGAPPNAME, so Strata can find the tool's backend
    QString stdoutFile; // when set, the child's stdout is written here (Docker streaming)
    QString stdinFile; // when set, fed to the child's stdin (psql restoring a plain dump)
    std::function<void(const QString &line)> onStderrLine;
    std::function<void()> onTick; // every 100 ms, slowing to 1 s as the run goes on
    std::function<bool()> canceled;
    std::function<void(qint64 bytes)> onStdinProgress;
    // Looks at each chunk of stdinFile before the child gets it; an error stops the child
    // before that chunk reaches it (psql must never see a meta-command, see PlainSqlScanner).
    std::function<Status(const QByteArray &chunk)> stdinFilter;
};

struct ToolRunResult
{
    int exitCode = -1;
    bool crashed = false;
    bool canceled = false;
    QStringList errorLines; // "error:", "detail:", "hint:" lines, in order
    qint64 stdoutBytes = 0;
    Error ioError; // writing stdoutFile failed (a full disk), or stdinFilter refused a chunk
    qint64 elapsedMs = 0; // from the start of the program to its end
    bool ok() const { return !crashed && !canceled && exitCode == 0 && !ioError.isError(); }
};

// Runs a PostgreSQL tool on the calling (worker) thread, line by line, until it ends or is
// cancelled. Fails only when the program could not be started.
Result<ToolRunResult> runTool(const ToolCommand &command, const ToolRunOptions &options);

// What every child Strata starts gets: its own process group (a terminal's Ctrl-C reaches Strata,
// which stops it; a stop reaches the tool's own children, pg_dump -j's workers) and
// PR_SET_PDEATHSIG, so that it never outlives Strata, even one killed with SIGKILL.
void configureChild(QProcess &process);

// The text libpq's password file needs for "any host, any database, any user".
QByteArray pgpassLine(const QString &password);

} // namespace strata::core

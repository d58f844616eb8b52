#pragma once

#include "db/connectionprofile.h"
#include "db/pgresult.h"
#include "result.h"

#include <QFuture>
#include <QString>

#include <functional>
#include <memory>

namespace strata::core {

class Session;

// The progress monitor backup and restore share: on a session of its own it asks
// pg_stat_progress_copy how far the tool's backends (found by their application name) have
// copied, with at most one question in flight, and hands each answer over on the next tick.
class CopyMonitor
{
public:
    // prefix: "strata-backup", "strata-restore"; the tool runs with appName() as PGAPPNAME.
    // enabled false (a server before 14, a plain file): poll() does nothing.
    CopyMonitor(const ConnectionProfile &profile, const QString &password, const QString &prefix,
        bool enabled);
    ~CopyMonitor();

    QString appName() const { return m_appName; }
    // On every tick of the tool's run: the last answer's rows to onRows, then the next question.
    void poll(const std::function<void(const PgResult &rows)> &onRows);
    // The tool has ended: a question still running is cancelled.
    void stop();

private:
    std::unique_ptr<Session> m_session;
    QFuture<Result<PgResult>> m_poll;
    QString m_appName;
    bool m_enabled;
};

} // namespace strata::core

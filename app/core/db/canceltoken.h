#pragma once

#include <QMutex>

#include <atomic>
#include <memory>

struct pg_cancel;

namespace strata::core {

// Cancels whatever statement a session's connection is running, from any thread, through
// libpq's PQcancel (which opens its own short connection; the session's connection is never
// touched from outside its thread).
class CancelToken
{
public:
    CancelToken() = default;
    ~CancelToken();
    CancelToken(const CancelToken &) = delete;
    CancelToken &operator=(const CancelToken &) = delete;

    // Called on the session's thread after (re)connecting.
    void attach(void *pgconn);
    void detach();

    // Called on the session's thread around each task: a cancel is sent to the server only
    // while one runs (each PQcancel is a connection of its own, and a process the server
    // starts to take it).
    void setBusy(bool busy);

    // Returns false when nothing could be sent (not connected, or nothing running); errorOut
    // says why.
    bool cancel(QString *errorOut = nullptr);
    // Whether a cancel was asked since the last reset(): a 57014 error then means the user's
    // cancel, otherwise a statement_timeout.
    bool wasRequested() const { return m_requested.load(); }
    void reset() { m_requested = false; }

private:
    mutable QMutex m_mutex;
    pg_cancel *m_cancel = nullptr;
    bool m_busy = false;
    std::atomic<bool> m_requested { false };
};

} // namespace strata::core

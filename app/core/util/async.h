#pragma once

#include <QFuture>
#include <QPromise>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <type_traits>
#include <utility>

namespace strata::core {

class CancelToken;

// The application's thread pools. Every piece of background work runs on one of these (or on a
// Session's own thread, for work that needs its connection), so that exit can cancel and drain
// all of it in one place.
enum class Pool {
    Io, // short reads and writes of files and processes: tool versions, archive listings,
        // exports, a migration file's text
    Cpu, // computation off the GUI thread: building tree nodes, hashing, diagram layout
    Jobs, // backups, restores and restore tests: minutes to hours, several at once
    Control // cancels sent to the server (PQcancel waits for it) and closing abandoned sessions
};

QThreadPool *threadPool(Pool pool);

// Knows every future asyncRun and Session started, and every session's cancel token. At exit it
// cancels them all (posting the server-side cancels to the Control pool, never waiting for the
// server on the caller's thread), then drains the pools with a deadline once the window is gone.
class Synchroniser
{
public:
    static Synchroniser &instance();

    void track(const QFuture<void> &future);
    void trackCancel(const std::shared_ptr<CancelToken> &token);

    // Cancels every tracked future and sends a cancel to every session with a statement running.
    // Returns at once.
    void cancelAll();
    // Waits until every pool is idle, at most timeoutMs; true when everything ended in time.
    // Called by main() after the event loop has ended, and by the CLI before it exits.
    bool drain(int timeoutMs);
    // Work started and not yet finished (for tests).
    int pending();

private:
    Synchroniser() = default;
    struct State;
    State &state();
};

// Runs fn(QPromise<T>&, args...) on `pool`. The function checks promise.isCanceled() at its own
// safe points and may report progress; its result goes in with promise.addResult(). Receive it
// with core::whenFinished (never QFuture::then with a context, see whenfinished.h).
template <typename T, typename F, typename... Args>
QFuture<T> asyncRun(Pool pool, F &&fn, Args &&...args)
{
    static_assert(std::is_invocable_v<F, QPromise<T> &, Args...>,
        "asyncRun's function takes QPromise<T>& first");
    QFuture<T> f
        = QtConcurrent::run(threadPool(pool), std::forward<F>(fn), std::forward<Args>(args)...);
    Synchroniser::instance().track(QFuture<void>(f));
    return f;
}

// Runs fn(result) on `pool` once `future` has its result, without a hop through the caller's
// thread: for work that follows a read (building tree nodes from catalog rows).
template <typename T, typename F> auto continueOn(Pool pool, QFuture<T> future, F &&fn)
{
    auto next = future.then(threadPool(pool), std::forward<F>(fn));
    Synchroniser::instance().track(QFuture<void>(next));
    return next;
}

// A future that already holds its result (for answers known without any work).
template <typename T> QFuture<T> readyFuture(T value)
{
    QPromise<T> p;
    p.start();
    p.addResult(std::move(value));
    p.finish();
    return p.future();
}

} // namespace strata::core

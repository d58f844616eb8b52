#include "async.h"

#include "db/canceltoken.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QMutex>

#include <array>
#include <memory>
#include <vector>

namespace strata::core {

namespace {

struct Pools
{
    std::array<QThreadPool *, 4> pools {};

    Pools()
    {
        for (auto &p : pools)
            p = new QThreadPool;
        // Io and Cpu: what the machine can do at once, at least two (a file listing must not
        // wait behind a hash). Jobs: several backups at once, each mostly waiting for its tool.
        // Control: cancels and closes are short waits on the network, never worth queueing.
        const int cores = std::max(2, QThread::idealThreadCount());
        pools[int(Pool::Io)]->setMaxThreadCount(std::max(4, cores));
        pools[int(Pool::Cpu)]->setMaxThreadCount(cores);
        pools[int(Pool::Jobs)]->setMaxThreadCount(16);
        pools[int(Pool::Control)]->setMaxThreadCount(64);
    }
};

Pools &pools()
{
    // Made on first use and never destroyed while work may run: a post routine waits for every
    // pool before QCoreApplication goes (work that uses Qt must not outlive it), also in tests
    // and the CLI, which may not call drain().
    static Pools *p = [] {
        auto *made = new Pools;
        qAddPostRoutine([] { Synchroniser::instance().drain(-1); });
        return made;
    }();
    return *p;
}

} // namespace

QThreadPool *threadPool(Pool pool)
{
    return pools().pools[int(pool)];
}

struct Synchroniser::State
{
    QMutex mutex;
    std::vector<QFuture<void>> futures;
    std::vector<std::weak_ptr<CancelToken>> tokens;
};

Synchroniser &Synchroniser::instance()
{
    static Synchroniser s;
    return s;
}

Synchroniser::State &Synchroniser::state()
{
    static State s;
    return s;
}

void Synchroniser::track(const QFuture<void> &future)
{
    State &s = state();
    QMutexLocker lock(&s.mutex);
    // Forget what has finished, so the list stays as long as the work in flight.
    std::erase_if(s.futures, [](const QFuture<void> &f) { return f.isFinished(); });
    s.futures.push_back(future);
}

void Synchroniser::trackCancel(const std::shared_ptr<CancelToken> &token)
{
    State &s = state();
    QMutexLocker lock(&s.mutex);
    std::erase_if(s.tokens, [](const std::weak_ptr<CancelToken> &t) { return t.expired(); });
    s.tokens.push_back(token);
}

void Synchroniser::cancelAll()
{
    State &s = state();
    std::vector<std::shared_ptr<CancelToken>> live;
    {
        QMutexLocker lock(&s.mutex);
        for (QFuture<void> &f : s.futures)
            f.cancel();
        for (const auto &t : s.tokens)
            if (auto token = t.lock())
                live.push_back(std::move(token));
    }
    // PQcancel waits for the server's answer: sent from the Control pool, never from here.
    for (auto &token : live)
        threadPool(Pool::Control)->start([token] { token->cancel(); });
}

bool Synchroniser::drain(int timeoutMs)
{
    const QDeadlineTimer deadline(
        timeoutMs < 0 ? QDeadlineTimer(QDeadlineTimer::Forever) : QDeadlineTimer(timeoutMs));
    bool all = true;
    // Control last: cancels and session closes started by the others land there.
    for (Pool p : { Pool::Io, Pool::Cpu, Pool::Jobs, Pool::Control }) {
        const qint64 left
            = deadline.isForever() ? -1 : std::max<qint64>(0, deadline.remainingTime());
        all = threadPool(p)->waitForDone(int(left)) && all;
    }
    return all;
}

int Synchroniser::pending()
{
    State &s = state();
    QMutexLocker lock(&s.mutex);
    std::erase_if(s.futures, [](const QFuture<void> &f) { return f.isFinished(); });
    return int(s.futures.size());
}

} // namespace strata::core

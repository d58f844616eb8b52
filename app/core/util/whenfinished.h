#pragma once

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>

#include <utility>

namespace strata::core {

// Calls fn(result) on `context`'s thread once `future` has its result: always later, from the
// event loop (never inside the caller, even when the future has already finished), and never
// once `context` is gone (or when it is null). Not run when the future ends without a result
// (cancelled).
//
// Why not QFuture::then(context, fn): in Qt 6.4 it runs fn at once, inside the caller, when the
// future finished before then() was attached (a fast query), so a signal the caller expects
// "later" fires before anyone listens; and it posts to the context from the worker thread, racing
// with the context's destruction. A QFutureWatcher owned by the context has neither problem: Qt
// posts its notifications, and they die with it.
template <typename T, typename Fn>
void whenFinished(QObject *context, const QFuture<T> &future, Fn fn)
{
    if (!context)
        return; // nobody left to hand the result to
    auto *watcher = new QFutureWatcher<T>(context);
    QObject::connect(
        watcher, &QFutureWatcherBase::finished, watcher, [watcher, fn = std::move(fn)]() mutable {
            watcher->deleteLater();
            if (watcher->future().isValid() && watcher->future().resultCount() > 0)
                fn(watcher->result());
        });
    watcher->setFuture(future);
}

} // namespace strata::core

#include "signals.h"

#include <QMutex>

#include <atomic>
#include <csignal>
#include <cstdlib>
#include <thread>

#include <fcntl.h>
#include <unistd.h>

namespace strata::cli {

namespace {

QMutex s_mutex;
std::function<void(int)> s_handler;
std::atomic<int> s_signal { 0 };
int s_pipe[2] = { -1, -1 };

// The whole handler: one write, which is async-signal-safe. Caught (not ignored or blocked)
// signals go back to their default action in a program Strata starts, so pg_dump and psql
// keep theirs.
void onSignal(int signal)
{
    const unsigned char b = static_cast<unsigned char>(signal);
    [[maybe_unused]] const auto n = ::write(s_pipe[1], &b, 1);
}

[[noreturn]] void endByDefault(int signal)
{
    // As without a handler: the default action ends the process, and the parent sees that
    // the signal ended it.
    std::signal(signal, SIG_DFL);
    ::raise(signal);
    std::_Exit(128 + signal);
}

} // namespace

void startSignalWatcher()
{
    if (::pipe2(s_pipe, O_CLOEXEC) != 0)
        return;
    struct sigaction sa
    {
    };
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    for (int s : { SIGINT, SIGTERM, SIGHUP })
        ::sigaction(s, &sa, nullptr);
    std::thread([] {
        while (true) {
            unsigned char b = 0;
            if (::read(s_pipe[0], &b, 1) != 1)
                continue;
            const int signal = b;
            s_signal = signal;
            std::function<void(int)> handler;
            {
                QMutexLocker lock(&s_mutex);
                handler = s_handler;
            }
            if (!handler)
                endByDefault(signal);
            handler(signal);
        }
    }).detach();
}

void onTerminationSignal(std::function<void(int)> handler)
{
    QMutexLocker lock(&s_mutex);
    s_handler = std::move(handler);
}

int terminationSignal()
{
    return s_signal.load();
}

int exitStatusForSignal(int signal)
{
    return 128 + signal;
}

} // namespace strata::cli

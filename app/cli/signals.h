#pragma once

#include <functional>

namespace strata::cli {

// SIGINT, SIGTERM and SIGHUP, the ways a terminal, a service manager or a closed session ask a
// program to stop. Their handler only writes the signal's number into a pipe; a thread reads it,
// so no code of ours runs inside a signal handler. While a command has set a handler (a job to
// cancel, a statement to interrupt), a signal calls it and the command ends on its own, cleaned
// up; without one, the program ends at once as it would by default.
void startSignalWatcher();

// Sets (or, with an empty function, clears) what a termination signal does; the handler runs on
// the watcher's thread with the signal's number.
void onTerminationSignal(std::function<void(int signal)> handler);

// The signal that last asked the program to stop, 0 when none did.
int terminationSignal();

// The exit status a command cancelled by that signal ends with: 128 + its number, as a shell
// reports a program that a signal ended (130 for Ctrl-C).
int exitStatusForSignal(int signal);

} // namespace strata::cli

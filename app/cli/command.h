#pragma once

#include <QStringList>

#include <functional>

namespace strata::cli {

// A subcommand of strata-cli. Each lives in its own file and registers itself with
// STRATA_CLI_COMMAND, so adding one touches no other file.
struct Command
{
    const char *name;
    const char *usage; // "demo start|stop|status"
    const char *summary; // one line for --help
    std::function<int(const QStringList &args)> run; // args after the command name
    // Its options and what it prints, one per line ("--json  print ..."), for --help and the
    // man page; may be empty.
    const char *details = "";
};

QList<Command> &commands();

struct Registrar
{
    explicit Registrar(Command c) { commands().append(std::move(c)); }
};

// strata-cli(1), in troff, from the registered commands.
QString manPage(const QString &version);

// Output helpers shared by commands.
void out(const QString &text); // stdout, with a newline
void err(const QString &text); // stderr, with a newline

} // namespace strata::cli

#define STRATA_CLI_CONCAT2(a, b) a##b
#define STRATA_CLI_CONCAT(a, b) STRATA_CLI_CONCAT2(a, b)
#define STRATA_CLI_COMMAND(...)                                                                    \
    static const ::strata::cli::Registrar STRATA_CLI_CONCAT(s_registrar_, __LINE__)(               \
        ::strata::cli::Command { __VA_ARGS__ })

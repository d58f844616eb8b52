// strata-cli: the headless face of Strata. Links strata_core only, never Widgets.
#include "command.h"
#include "signals.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

namespace strata::cli {

QList<Command> &commands()
{
    static QList<Command> list;
    return list;
}

void out(const QString &text)
{
    QTextStream s(stdout);
    s << text << '\n';
}

void err(const QString &text)
{
    QTextStream s(stderr);
    s << text << '\n';
}

static void printHelp()
{
    QString text = QStringLiteral("Usage: strata-cli COMMAND [ARGS...]\n\n"
                                  "Strata's command line: the same core as the desktop program.\n"
                                  "CONNINFO is a libpq connection string or a postgresql:// URI; "
                                  "passwords come\nfrom ~/.pgpass or PGPASSWORD, never from the "
                                  "command line.\n\nCommands:\n");
    auto list = commands();
    std::sort(list.begin(), list.end(),
        [](const Command &a, const Command &b) { return qstrcmp(a.name, b.name) < 0; });
    for (const Command &c : list)
        text += QStringLiteral("  %1\n      %2\n")
                    .arg(QLatin1String(c.usage), QLatin1String(c.summary));
    text += QStringLiteral(
        "\nOptions:\n  -h, --help     show this help\n  -v, --version  show the version\n");
    out(text);
}

} // namespace strata::cli

int main(int argc, char **argv)
{
    strata::cli::startSignalWatcher();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("strata"));
    QCoreApplication::setOrganizationName(QStringLiteral("strata"));
    QCoreApplication::setApplicationVersion(QStringLiteral(STRATA_VERSION));
    using namespace strata::cli;

    QStringList args = app.arguments().mid(1);
    if (args.isEmpty() || args.first() == QLatin1String("-h")
        || args.first() == QLatin1String("--help") || args.first() == QLatin1String("help")) {
        printHelp();
        return args.isEmpty() ? 2 : 0;
    }
    if (args.first() == QLatin1String("--man")) {
        out(manPage(QStringLiteral(STRATA_VERSION)));
        return 0;
    }
    if (args.first() == QLatin1String("-v") || args.first() == QLatin1String("--version")) {
        out(QStringLiteral("strata-cli %1").arg(QLatin1String(STRATA_VERSION)));
        return 0;
    }
    const QString name = args.takeFirst();
    for (const Command &c : commands()) {
        if (name == QLatin1String(c.name)) {
            if (args.contains(QLatin1String("--help")) || args.contains(QLatin1String("-h"))) {
                out(QStringLiteral("Usage: strata-cli %1\n\n%2\n%3")
                        .arg(QString::fromUtf8(c.usage), QString::fromUtf8(c.summary),
                            QString::fromUtf8(c.details)));
                return 0;
            }
            return c.run(args);
        }
    }
    err(QStringLiteral("strata-cli: unknown command \"%1\". Run strata-cli --help for the list.")
            .arg(name));
    return 2;
}

#include "command.h"

#include "demo/democluster.h"

using namespace strata::core;

namespace {

int runDemo(const QStringList &args)
{
    const QString action = args.value(0);
    DemoCluster demo;
    if (action == QLatin1String("start")) {
        auto r = demo.start([](int pct, const QString &msg) {
            strata::cli::err(QStringLiteral("%1% %2").arg(pct, 3).arg(msg));
        });
        if (!r) {
            strata::cli::err(QStringLiteral("strata-cli demo: %1").arg(r.error().toString()));
            return 1;
        }
        strata::cli::out(r->connInfo);
        return 0;
    }
    if (action == QLatin1String("stop")) {
        auto r = demo.stop();
        if (!r) {
            strata::cli::err(QStringLiteral("strata-cli demo: %1").arg(r.error().toString()));
            return 1;
        }
        strata::cli::out(QStringLiteral("The demo server is stopped."));
        return 0;
    }
    if (action == QLatin1String("status")) {
        const DemoStatus s = demo.status();
        strata::cli::out(QStringLiteral("state:      %1")
                             .arg(s.running          ? QStringLiteral("running")
                                     : s.initialized ? QStringLiteral("stopped")
                                                     : QStringLiteral("not created")));
        strata::cli::out(QStringLiteral("folder:     %1").arg(s.baseDir));
        strata::cli::out(QStringLiteral("conninfo:   %1").arg(s.connInfo));
        strata::cli::out(QStringLiteral("migrations: %1").arg(s.migrationsDir));
        return s.running ? 0 : 3;
    }
    strata::cli::err(QStringLiteral("Usage: strata-cli demo start|stop|status"));
    return 2;
}

} // namespace

STRATA_CLI_COMMAND("demo", "demo start|stop|status",
    "Create, start, stop or describe the private demo cluster; start and status "
    "print its connection string.",
    runDemo);

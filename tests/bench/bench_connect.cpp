#include "bench.h"

#include "db/session.h"

#include <QElapsedTimer>

using namespace strata::core;

namespace {

// Connect-to-first-result latency through Session, the path every view starts with.
int benchConnect(const QStringList &args)
{
    if (args.isEmpty()) {
        std::fprintf(stderr, "usage: strata-bench connect CONNINFO\n");
        return 2;
    }
    auto profile = ConnectionProfile::fromConnInfo(args.first());
    if (!profile) {
        std::fprintf(stderr, "%s\n", qPrintable(profile.error().toString()));
        return 2;
    }
    QElapsedTimer t;
    t.start();
    Session session(profile.value());
    auto r = session.open().result();
    if (!r) {
        std::fprintf(stderr, "%s\n", qPrintable(r.error().toString()));
        return 1;
    }
    strata::bench::report(
        QStringLiteral("session.connect_ms"), t.nsecsElapsed() / 1e6, QStringLiteral("ms"));
    t.restart();
    for (int i = 0; i < 100; ++i)
        session.query(QStringLiteral("session/info")).result();
    strata::bench::report(
        QStringLiteral("session.roundtrip_ms"), t.nsecsElapsed() / 1e8, QStringLiteral("ms"));
    return 0;
}

} // namespace

STRATA_BENCH("connect", "connect CONNINFO", benchConnect);

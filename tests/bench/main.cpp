// strata-bench: Strata's benchmarks. `strata-bench NAME ARGS...`; `./run bench` starts a throwaway
// server, prepares the data each benchmark needs, and runs them all.
#include "bench.h"

#include <QApplication>
#include <QFile>

#include <cstdio>

namespace strata::bench {

QList<Benchmark> &benchmarks()
{
    static QList<Benchmark> list;
    return list;
}

void report(const QString &name, double value, const QString &unit)
{
    std::printf("%s %.2f %s\n", qPrintable(name), value, qPrintable(unit));
    std::fflush(stdout);
}

static QString s_callerPlatform;

QString callerPlatform()
{
    return s_callerPlatform;
}

double rssMb()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return 0;
}

} // namespace strata::bench

int main(int argc, char **argv)
{
    // Benchmarks that build widgets need a QApplication; offscreen unless the caller chose.
    strata::bench::s_callerPlatform = qEnvironmentVariable("QT_QPA_PLATFORM");
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    using namespace strata::bench;
    QStringList args = app.arguments().mid(1);
    if (args.isEmpty() || args.first() == QLatin1String("--help")) {
        std::printf("Usage: strata-bench NAME ARGS...\n\nBenchmarks:\n");
        for (const Benchmark &b : benchmarks())
            std::printf("  %s\n", b.usage);
        return args.isEmpty() ? 2 : 0;
    }
    const QString name = args.takeFirst();
    for (const Benchmark &b : benchmarks())
        if (name == QLatin1String(b.name))
            return b.run(args);
    std::fprintf(stderr, "strata-bench: unknown benchmark \"%s\"\n", qPrintable(name));
    return 2;
}

#pragma once

#include <QStringList>
#include <QTextStream>

#include <functional>

namespace strata::bench {

// A benchmark subcommand of strata-bench. Each lives in its own bench_<name>.cpp and registers
// itself with STRATA_BENCH; results are printed as "name value unit" lines on stdout.
struct Benchmark
{
    const char *name;
    const char *usage;
    std::function<int(const QStringList &args)> run; // args after the name
};

QList<Benchmark> &benchmarks();

struct Registrar
{
    explicit Registrar(Benchmark b) { benchmarks().append(std::move(b)); }
};

// "name value unit", flushed at once so a long run shows progress.
void report(const QString &name, double value, const QString &unit);
// The Qt platform the caller asked for (QT_QPA_PLATFORM before strata-bench chose offscreen for
// itself); empty: Qt's default.
QString callerPlatform();
// Resident set size of this process in MiB, from /proc/self/status.
double rssMb();

} // namespace strata::bench

#define STRATA_BENCH_CONCAT2(a, b) a##b
#define STRATA_BENCH_CONCAT(a, b) STRATA_BENCH_CONCAT2(a, b)
#define STRATA_BENCH(...)                                                                          \
    static const ::strata::bench::Registrar STRATA_BENCH_CONCAT(s_bench_, __LINE__)(               \
        ::strata::bench::Benchmark { __VA_ARGS__ })

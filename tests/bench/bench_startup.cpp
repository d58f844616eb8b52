// strata-bench startup: from starting the strata process to its first painted main window, and
// to a usable connection list, read from the "strata-startup STEP MS" lines strata prints when
// STRATA_STARTUP_TRACE is set (app/gui/startuptrace.h).
#include "bench.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QMap>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <optional>

namespace {

const char *kUsage = "startup [CONNINFO] [--runs N] [--strata PATH]";

struct Run
{
    double firstPaintMs = -1; // from process start, seen from here
    double connectionsMs = -1;
    QMap<QString, double> steps; // as strata timed them, from its main()
};

// One start of strata with an empty configuration (no saved connections, no keychain entries),
// ended once it has painted.
std::optional<Run> startOnce(const QString &strata, const QString &platform)
{
    QTemporaryDir config;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("STRATA_STARTUP_TRACE"), QStringLiteral("1"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), config.path());
    if (platform.isEmpty())
        env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    else
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), platform);
    QProcess p;
    p.setProcessEnvironment(env);
    p.setProcessChannelMode(QProcess::SeparateChannels);
    p.setReadChannel(QProcess::StandardError); // where the trace goes
    QElapsedTimer clock;
    clock.start();
    p.start(strata, {});
    Run run;
    QByteArray buffer;
    // After the first paint the pages not in front are built ("pages_built"); a strata that
    // prints no such line (before issue 15) is given two seconds more.
    QElapsedTimer sincePaint;
    while (!run.steps.contains(QStringLiteral("pages_built")) && clock.elapsed() < 20000
        && !(sincePaint.isValid() && sincePaint.elapsed() > 2000)) {
        if (!p.waitForReadyRead(run.connectionsMs < 0 ? 20000 - int(clock.elapsed()) : 2000))
            break;
        const double now = clock.nsecsElapsed() / 1e6;
        buffer += p.readAllStandardError();
        qsizetype nl;
        while ((nl = buffer.indexOf('\n')) >= 0) {
            const QList<QByteArray> f = buffer.left(nl).split(' ');
            buffer.remove(0, nl + 1);
            if (f.size() != 3 || f[0] != "strata-startup")
                continue;
            run.steps.insert(QString::fromLatin1(f[1]), f[2].toDouble());
            if (f[1] == "first_paint")
                run.firstPaintMs = now;
            else if (f[1] == "connections_ready") {
                run.connectionsMs = now;
                sincePaint.start();
            }
        }
    }
    p.kill();
    p.waitForFinished(5000);
    if (run.connectionsMs < 0) {
        std::fprintf(stderr, "startup: %s printed no first paint (is a display there?)\n",
            qPrintable(strata));
        return std::nullopt;
    }
    return run;
}

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? -1 : v.at(v.size() / 2);
}

// The longest time between first_paint and a "page_" mark or between two of them; -1 when
// the run printed none.
double longestPageStep(const Run &run)
{
    QList<double> at;
    for (auto it = run.steps.begin(); it != run.steps.end(); ++it)
        if (it.key().startsWith(QLatin1String("page_")))
            at << it.value();
    if (at.isEmpty() || !run.steps.contains(QStringLiteral("first_paint")))
        return -1;
    std::sort(at.begin(), at.end());
    double longest = 0, previous = run.steps.value(QStringLiteral("first_paint"));
    for (double t : at) {
        longest = std::max(longest, t - previous);
        previous = t;
    }
    return longest;
}

int benchStartup(const QStringList &args)
{
    int runs = 7;
    QString strata = QCoreApplication::applicationDirPath() + QStringLiteral("/strata");
    for (int i = 0; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--runs") && i + 1 < args.size())
            runs = qMax(1, args[++i].toInt());
        else if (args[i] == QLatin1String("--strata") && i + 1 < args.size())
            strata = args[++i];
        else if (args[i].startsWith(QLatin1String("--"))) {
            std::fprintf(stderr, "usage: strata-bench %s\n", kUsage);
            return 2;
        } // a CONNINFO (./run bench passes one to every benchmark) is not needed
    }
    // The platform the caller chose, not the offscreen one strata-bench picks for itself.
    // Without a display (./run bench on a server) offscreen, which loads no X connection and
    // is faster: the figure is printed with the platform it was measured on.
    QString platform = strata::bench::callerPlatform();
    if (platform.isEmpty() && qEnvironmentVariableIsEmpty("DISPLAY")
        && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        platform = QStringLiteral("offscreen");
    if (!startOnce(strata, platform)) // warms the page cache; not counted
        return 1;
    QList<double> paint, ready, slices;
    QMap<QString, QList<double>> steps;
    for (int i = 0; i < runs; ++i) {
        const auto run = startOnce(strata, platform);
        if (!run)
            return 1;
        paint << run->firstPaintMs;
        if (const double s = longestPageStep(*run); s >= 0)
            slices << s;
        ready << run->connectionsMs;
        for (auto it = run->steps.begin(); it != run->steps.end(); ++it)
            steps[it.key()] << it.value();
        // What happened before strata's main(): exec, loading and linking the libraries.
        steps[QStringLiteral("before_main")] << run->firstPaintMs - run->steps.value("first_paint");
    }
    using strata::bench::report;
    const QString ms = QStringLiteral("ms");
    report(QStringLiteral("startup.first_paint_ms"), median(paint), ms);
    report(QStringLiteral("startup.first_paint_fastest_ms"),
        *std::min_element(paint.begin(), paint.end()), ms);
    report(QStringLiteral("startup.first_paint_slowest_ms"),
        *std::max_element(paint.begin(), paint.end()), ms);
    report(QStringLiteral("startup.connections_ready_ms"), median(ready), ms);
    // Building the pages not in front after the first paint: the longest time between two
    // "page_" marks (one page built, plus a turn of the event loop), the GUI thread's longest
    // busy stretch while they are built.
    if (!slices.isEmpty())
        report(QStringLiteral("startup.pages_longest_step_ms"), median(slices), ms);
    // The median of each step, as strata timed it from main() (before_main: from the start).
    for (auto it = steps.begin(); it != steps.end(); ++it)
        report(QStringLiteral("startup.step.%1_ms").arg(it.key()), median(it.value()), ms);
    std::fprintf(stderr, "startup: %d runs, platform %s\n", runs,
        platform.isEmpty() ? "default" : qPrintable(platform));
    return 0;
}

} // namespace

STRATA_BENCH("startup", kUsage, benchStartup);

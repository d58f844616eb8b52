#include "jobprogress.h"

#include "backupsjson.h"
#include "command.h"
#include "signals.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QThread>

#include <cstdio>
#include <iterator>
#include <unistd.h>

namespace strata::cli {

ProgressStyle takeProgressStyle(QStringList &args, QString *error)
{
    ProgressStyle style = ProgressStyle::Auto;
    for (int i = 0; i < args.size(); ++i) {
        QString v;
        if (args[i].startsWith(QLatin1String("--progress="))) {
            v = args[i].mid(11);
            args.removeAt(i--);
        } else if (args[i] == QLatin1String("--progress") && i + 1 < args.size()) {
            v = args[i + 1];
            args.removeAt(i);
            args.removeAt(i--);
        } else {
            continue;
        }
        if (v == QLatin1String("plain"))
            style = ProgressStyle::Plain;
        else if (v == QLatin1String("bar"))
            style = ProgressStyle::Bar;
        else if (v == QLatin1String("none"))
            style = ProgressStyle::None;
        else if (v == QLatin1String("log"))
            style = ProgressStyle::Log;
        else if (error)
            *error = QStringLiteral("--progress takes bar, plain, log or none, not \"%1\".").arg(v);
    }
    if (style == ProgressStyle::Auto)
        style = isatty(STDERR_FILENO) ? ProgressStyle::Bar : ProgressStyle::Plain;
    return style;
}

core::JobResult runJobWithProgress(const std::shared_ptr<core::Job> &job, ProgressStyle style)
{
    // Ctrl-C, SIGTERM and SIGHUP cancel the job: the tool is stopped and its partial output
    // removed (a database a restore created is dropped again) before the program ends.
    onTerminationSignal([job](int) {
        std::fprintf(stderr, "\ncancelling...\n");
        job->cancel();
    });
    auto future = job->start();
    int lastPercent = -1;
    QString lastObject;
    bool drewBar = false;
    qsizetype logged = 0;
    auto draw = [&](bool final) {
        if (style == ProgressStyle::Log) {
            const QStringList lines = job->log(logged);
            for (const QString &line : lines)
                std::fprintf(stderr, "%s\n", qPrintable(line));
            logged += lines.size();
            std::fflush(stderr);
            return;
        }
        const core::JobStatus s = job->status();
        const int percent = int(s.fraction * 100);
        if (style == ProgressStyle::Plain) {
            if (percent != lastPercent || s.object != lastObject) {
                const QString message = s.text.section(u' ', 1);
                std::fprintf(stderr, "%d%% %s\n", percent,
                    qPrintable(message.isEmpty() ? QStringLiteral("starting") : message));
                std::fflush(stderr);
            }
        } else if (style == ProgressStyle::Bar) {
            constexpr int width = 30;
            const int filled = int(s.fraction * width);
            QString line = QStringLiteral("\r[%1%2] %3")
                               .arg(QString(filled, u'#'), QString(width - filled, u'.'), s.text);
            if (line.size() > 110)
                line = line.left(110);
            std::fprintf(stderr, "%-110s", qPrintable(line));
            if (final)
                std::fprintf(stderr, "\n");
            std::fflush(stderr);
            drewBar = true;
        }
        lastPercent = percent;
        lastObject = s.object;
    };
    // Looked at every 10 ms: the end is noticed at once (sleeping 200 ms between looks kept a
    // finished job waiting 100 ms on average), plain lines and log lines come as they happen
    // (each is printed once), and the bar is redrawn five times a second.
    QElapsedTimer drawn;
    while (!future.isFinished()) {
        if (style != ProgressStyle::Bar || !drawn.isValid() || drawn.elapsed() >= 200) {
            draw(false);
            drawn.start();
        }
        QThread::msleep(10);
    }
    future.waitForFinished();
    if ((job->result() && job->result()->ok) || style == ProgressStyle::Log)
        draw(true);
    else if (drewBar)
        std::fprintf(stderr, "\n");
    onTerminationSignal({});
    core::JobResult r;
    if (auto res = job->result())
        r = *res;
    else
        r.error = core::Error(
            core::Error::Kind::Internal, QStringLiteral("The job ended without a result."));
    return r;
}

int reportResult(const core::JobResult &r, bool json)
{
    const int code = r.ok          ? 0
        : !r.canceled              ? 1
        : terminationSignal() != 0 ? exitStatusForSignal(terminationSignal())
                                   : 130;
    if (json) {
        printJson(jobResultJson(r));
        return code;
    }
    if (!r.ok) {
        err(QStringLiteral("error: ") + r.error.toString());
        return code;
    }
    out(r.summary);
    for (const QString &n : r.notes)
        out(n);
    return 0;
}

QJsonObject errorJson(const core::Error &e)
{
    static const char *const kinds[] = { "none", "invalid_input", "unreachable",
        "password_required", "auth_failed", "service_not_found", "canceled", "timeout",
        "connection_lost", "query", "tool", "io", "internal" };
    const auto k = std::size_t(e.kind);
    return QJsonObject { { QStringLiteral("kind"),
                             QString::fromLatin1(k < std::size(kinds) ? kinds[k] : "internal") },
        { QStringLiteral("message"), e.message }, { QStringLiteral("hint"), e.hint },
        { QStringLiteral("detail"), e.detail }, { QStringLiteral("sqlstate"), e.sqlState } };
}

QJsonObject jobResultJson(const core::JobResult &r)
{
    return QJsonObject { { QStringLiteral("ok"), r.ok }, { QStringLiteral("canceled"), r.canceled },
        { QStringLiteral("summary"), r.summary },
        { QStringLiteral("notes"), QJsonArray::fromStringList(r.notes) },
        { QStringLiteral("output"), r.outputPath.isEmpty() ? QJsonValue() : r.outputPath },
        { QStringLiteral("manifest"), r.manifestPath.isEmpty() ? QJsonValue() : r.manifestPath },
        { QStringLiteral("bytes"), double(r.bytes) },
        { QStringLiteral("elapsed_ms"), double(r.elapsedMs) },
        { QStringLiteral("tool_ms"), double(r.toolMs) },
        { QStringLiteral("error"), r.ok ? QJsonValue() : QJsonValue(errorJson(r.error)) } };
}

} // namespace strata::cli

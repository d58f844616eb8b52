#include "toolrunner.h"

#include "jobs/dumplogparser.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryFile>

#include <algorithm>
#include <memory>

namespace strata::core {

QByteArray pgpassLine(const QString &password)
{
    QString p = password;
    p.replace(u'\\', QStringLiteral("\\\\"));
    p.replace(u':', QStringLiteral("\\:"));
    return QByteArrayLiteral("*:*:*:*:") + p.toUtf8() + '\n';
}

Result<ToolRunResult> runTool(const ToolCommand &command, const ToolRunOptions &o)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // LC_ALL would override LC_MESSAGES, and the parser needs the C messages.
    env.remove(QStringLiteral("LC_ALL"));
    for (auto it = command.env.cbegin(); it != command.env.cend(); ++it)
        env.insert(it.key(), it.value());
    if (!o.appName.isEmpty())
        env.insert(QStringLiteral("PGAPPNAME"), o.appName);

    std::unique_ptr<QTemporaryFile> passFile;
    if (!o.password.isEmpty()) {
        if (!command.dockerContainer.isEmpty()) {
            // The docker client forwards it with `-e PGPASSWORD` (no value in argv).
            env.insert(QStringLiteral("PGPASSWORD"), o.password);
        } else {
            // QTemporaryFile creates the file with mode 0600 and removes it when destroyed.
            passFile = std::make_unique<QTemporaryFile>(
                QDir::tempPath() + QStringLiteral("/strata-pgpass-XXXXXX"));
            if (!passFile->open())
                return Error(Error::Kind::Io,
                    QStringLiteral("Could not create a temporary password file: %1")
                        .arg(passFile->errorString()),
                    QStringLiteral("Check that the temporary folder is writable."));
            passFile->setPermissions(QFile::ReadOwner | QFile::WriteOwner);
            passFile->write(pgpassLine(o.password));
            passFile->flush();
            env.insert(QStringLiteral("PGPASSFILE"), passFile->fileName());
            env.remove(QStringLiteral("PGPASSWORD"));
        }
    }

    std::unique_ptr<QFile> out;
    if (!o.stdoutFile.isEmpty()) {
        out = std::make_unique<QFile>(o.stdoutFile);
        if (!out->open(QIODevice::WriteOnly | QIODevice::Truncate))
            return Error(Error::Kind::Io,
                QStringLiteral("Could not write %1: %2").arg(o.stdoutFile, out->errorString()),
                QStringLiteral("Choose a folder you can write to."));
    }
    std::unique_ptr<QFile> in;
    if (!o.stdinFile.isEmpty()) {
        in = std::make_unique<QFile>(o.stdinFile);
        if (!in->open(QIODevice::ReadOnly))
            return Error(Error::Kind::Io,
                QStringLiteral("Could not read %1: %2").arg(o.stdinFile, in->errorString()));
    }

    QElapsedTimer ran;
    ran.start();
    QProcess p;
    p.setProcessEnvironment(env);
    p.setProgram(command.program);
    p.setArguments(command.arguments);
    if (!out)
        p.setStandardOutputFile(QProcess::nullDevice());
    p.start(in ? QIODevice::ReadWrite : QIODevice::ReadOnly);
    if (!p.waitForStarted(15000))
        return Error(Error::Kind::Tool,
            QStringLiteral("Could not start %1: %2").arg(command.program, p.errorString()),
            QStringLiteral("Check that the program exists and can be run."));

    ToolRunResult r;
    QByteArray errBuffer;
    auto drainStderr = [&](bool all) {
        errBuffer += p.readAllStandardError();
        int nl;
        while ((nl = errBuffer.indexOf('\n')) >= 0 || (all && !errBuffer.isEmpty())) {
            const int end = nl >= 0 ? nl : errBuffer.size();
            const QString line = QString::fromUtf8(errBuffer.left(end));
            errBuffer.remove(0, nl >= 0 ? nl + 1 : end);
            const auto ev = DumpLogParser::parse(line);
            if (ev.kind == DumpLogEvent::Kind::Error || ev.kind == DumpLogEvent::Kind::Detail
                || ev.kind == DumpLogEvent::Kind::Hint)
                r.errorLines << ev.message;
            if (o.onStderrLine)
                o.onStderrLine(line);
        }
    };
    auto stop = [&p] {
        p.terminate();
        if (!p.waitForFinished(3000)) {
            p.kill();
            p.waitForFinished(3000);
        }
    };
    auto drainStdout = [&] {
        if (!out)
            return;
        const QByteArray chunk = p.readAllStandardOutput();
        if (chunk.isEmpty() || r.ioError.isError())
            return;
        if (out->write(chunk) != chunk.size()) {
            r.ioError = Error(Error::Kind::Io,
                QStringLiteral("Writing %1 failed: %2").arg(o.stdoutFile, out->errorString()),
                QStringLiteral("Free some space or choose another folder."));
            stop();
            return;
        }
        r.stdoutBytes += chunk.size();
    };
    qint64 fed = 0;
    auto feed = [&] {
        if (!in || !in->isOpen())
            return;
        while (p.bytesToWrite() < (1 << 20) && !in->atEnd()) {
            const QByteArray chunk = in->read(256 * 1024);
            if (chunk.isEmpty())
                break;
            p.write(chunk);
            fed += chunk.size();
        }
        if (in->atEnd() && p.bytesToWrite() == 0) {
            p.closeWriteChannel();
            in->close();
        }
        if (o.onStdinProgress)
            o.onStdinProgress(fed - p.bytesToWrite());
    };

    // onTick (a progress poll on the server) every 100 ms at first, then every twentieth of the
    // time run so far, up to a second: the bar lags at most ~5% of the run, and a long run does
    // not put ten queries a second on a server that is busy with the dump.
    QElapsedTimer tick, running;
    tick.start();
    running.start();
    while (true) {
        if (o.canceled && o.canceled()) {
            r.canceled = true;
            stop();
            break;
        }
        feed();
        const bool finished = p.waitForFinished(in ? 20 : 50);
        drainStdout();
        drainStderr(false);
        if (r.ioError.isError())
            break;
        if (tick.elapsed() >= std::clamp<qint64>(running.elapsed() / 20, 100, 1000)) {
            tick.restart();
            if (o.onTick)
                o.onTick();
        }
        if (finished || p.state() == QProcess::NotRunning)
            break;
    }
    drainStdout();
    drainStderr(true);
    if (out) {
        if (!out->flush() && !r.ioError.isError())
            r.ioError = Error(Error::Kind::Io,
                QStringLiteral("Writing %1 failed: %2").arg(o.stdoutFile, out->errorString()),
                QStringLiteral("Free some space or choose another folder."));
        out->close();
    }
    r.elapsedMs = ran.elapsed();
    r.crashed = p.exitStatus() == QProcess::CrashExit && !r.canceled;
    r.exitCode = p.exitCode();
    return r;
}

} // namespace strata::core

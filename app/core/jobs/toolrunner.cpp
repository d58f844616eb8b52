#include "toolrunner.h"

#include "jobs/dumplogparser.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryFile>

#include <algorithm>
#include <memory>

#include <csignal>
#include <sys/prctl.h>
#include <unistd.h>

namespace strata::core {

QByteArray pgpassLine(const QString &password)
{
    QString p = password;
    p.replace(u'\\', QStringLiteral("\\\\"));
    p.replace(u':', QStringLiteral("\\:"));
    return QByteArrayLiteral("*:*:*:*:") + p.toUtf8() + '\n';
}

void configureChild(QProcess &process)
{
    const pid_t parent = ::getpid();
    // Runs in the child between fork and exec: async-signal-safe calls only.
    process.setChildProcessModifier([parent] {
        ::setpgid(0, 0);
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
        if (::getppid() != parent) // Strata ended before the line above took effect
            ::_exit(127);
    });
}

namespace {

// One run of a tool: the environment and files it needs, then the loop that feeds its
// standard input, reads its output and stops it on a cancel.
class ToolRun
{
public:
    ToolRun(const ToolCommand &command, const ToolRunOptions &options)
        : m_command(command), m_o(options)
    {
    }
    Result<ToolRunResult> run();

private:
    Status prepare();
    void drainStderr(bool all);
    void drainStdout();
    void feed();
    void stop();
    void finishOutput();

    const ToolCommand &m_command;
    const ToolRunOptions &m_o;
    QProcess m_p;
    std::unique_ptr<QTemporaryFile> m_passFile;
    std::unique_ptr<QFile> m_out;
    std::unique_ptr<QFile> m_in;
    ToolRunResult m_r;
    QByteArray m_errBuffer;
    qint64 m_fed = 0;
};

Status ToolRun::prepare()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // LC_ALL would override LC_MESSAGES, and the parser needs the C messages.
    env.remove(QStringLiteral("LC_ALL"));
    for (auto it = m_command.env.cbegin(); it != m_command.env.cend(); ++it)
        env.insert(it.key(), it.value());
    if (!m_o.appName.isEmpty())
        env.insert(QStringLiteral("PGAPPNAME"), m_o.appName);
    if (!m_o.password.isEmpty() && !m_command.dockerContainer.isEmpty()) {
        // The docker client forwards it with `-e PGPASSWORD` (no value in argv).
        env.insert(QStringLiteral("PGPASSWORD"), m_o.password);
    } else if (!m_o.password.isEmpty()) {
        // QTemporaryFile creates the file with mode 0600 and removes it when destroyed.
        m_passFile = std::make_unique<QTemporaryFile>(
            QDir::tempPath() + QStringLiteral("/strata-pgpass-XXXXXX"));
        if (!m_passFile->open())
            return Error(Error::Kind::Io,
                QStringLiteral("Could not create a temporary password file: %1")
                    .arg(m_passFile->errorString()),
                QStringLiteral("Check that the temporary folder is writable."));
        m_passFile->setPermissions(QFile::ReadOwner | QFile::WriteOwner);
        m_passFile->write(pgpassLine(m_o.password));
        m_passFile->flush();
        env.insert(QStringLiteral("PGPASSFILE"), m_passFile->fileName());
        env.remove(QStringLiteral("PGPASSWORD"));
    }
    m_p.setProcessEnvironment(env);
    if (!m_o.stdoutFile.isEmpty()) {
        m_out = std::make_unique<QFile>(m_o.stdoutFile);
        if (!m_out->open(QIODevice::WriteOnly | QIODevice::Truncate))
            return Error(Error::Kind::Io,
                QStringLiteral("Could not write %1: %2").arg(m_o.stdoutFile, m_out->errorString()),
                QStringLiteral("Choose a folder you can write to."));
    }
    if (!m_o.stdinFile.isEmpty()) {
        m_in = std::make_unique<QFile>(m_o.stdinFile);
        if (!m_in->open(QIODevice::ReadOnly))
            return Error(Error::Kind::Io,
                QStringLiteral("Could not read %1: %2").arg(m_o.stdinFile, m_in->errorString()));
    }
    return Ok {};
}

void ToolRun::drainStderr(bool all)
{
    m_errBuffer += m_p.readAllStandardError();
    qsizetype nl;
    while ((nl = m_errBuffer.indexOf('\n')) >= 0 || (all && !m_errBuffer.isEmpty())) {
        const qsizetype end = nl >= 0 ? nl : m_errBuffer.size();
        const QString line = QString::fromUtf8(m_errBuffer.left(end));
        m_errBuffer.remove(0, nl >= 0 ? nl + 1 : end);
        const auto ev = DumpLogParser::parse(line);
        if (ev.kind == DumpLogEvent::Kind::Error || ev.kind == DumpLogEvent::Kind::Detail
            || ev.kind == DumpLogEvent::Kind::Hint)
            m_r.errorLines << ev.message;
        if (m_o.onStderrLine)
            m_o.onStderrLine(line);
    }
}

void ToolRun::stop()
{
    // The whole process group: pg_dump -j's workers, docker's children.
    const auto pid = pid_t(m_p.processId());
    if (pid > 0)
        ::kill(-pid, SIGTERM);
    m_p.terminate();
    if (!m_p.waitForFinished(3000)) {
        if (pid > 0)
            ::kill(-pid, SIGKILL);
        m_p.kill();
        m_p.waitForFinished(3000);
    }
}

void ToolRun::drainStdout()
{
    if (!m_out)
        return;
    const QByteArray chunk = m_p.readAllStandardOutput();
    if (chunk.isEmpty() || m_r.ioError.isError())
        return;
    if (m_out->write(chunk) != chunk.size()) {
        m_r.ioError = Error(Error::Kind::Io,
            QStringLiteral("Writing %1 failed: %2").arg(m_o.stdoutFile, m_out->errorString()),
            QStringLiteral("Free some space or choose another folder."));
        stop();
        return;
    }
    m_r.stdoutBytes += chunk.size();
}

void ToolRun::feed()
{
    if (!m_in || !m_in->isOpen() || m_r.ioError.isError())
        return;
    while (m_p.bytesToWrite() < (1 << 20) && !m_in->atEnd()) {
        const QByteArray chunk = m_in->read(256 * 1024);
        if (chunk.isEmpty())
            break;
        if (m_o.stdinFilter) {
            if (auto s = m_o.stdinFilter(chunk); !s) {
                m_r.ioError = s.error();
                m_in->close();
                stop();
                return;
            }
        }
        m_p.write(chunk);
        m_fed += chunk.size();
    }
    if (m_in->atEnd() && m_p.bytesToWrite() == 0) {
        m_p.closeWriteChannel();
        m_in->close();
    }
    if (m_o.onStdinProgress)
        m_o.onStdinProgress(m_fed - m_p.bytesToWrite());
}

void ToolRun::finishOutput()
{
    drainStdout();
    drainStderr(true);
    if (!m_out)
        return;
    if (!m_out->flush() && !m_r.ioError.isError())
        m_r.ioError = Error(Error::Kind::Io,
            QStringLiteral("Writing %1 failed: %2").arg(m_o.stdoutFile, m_out->errorString()),
            QStringLiteral("Free some space or choose another folder."));
    m_out->close();
}

Result<ToolRunResult> ToolRun::run()
{
    if (auto s = prepare(); !s)
        return s.error();
    QElapsedTimer ran;
    ran.start();
    m_p.setProgram(m_command.program);
    m_p.setArguments(m_command.arguments);
    configureChild(m_p);
    if (!m_out)
        m_p.setStandardOutputFile(QProcess::nullDevice());
    m_p.start(m_in ? QIODevice::ReadWrite : QIODevice::ReadOnly);
    if (!m_p.waitForStarted(15000))
        return Error(Error::Kind::Tool,
            QStringLiteral("Could not start %1: %2").arg(m_command.program, m_p.errorString()),
            QStringLiteral("Check that the program exists and can be run."));
    // onTick (a progress poll on the server) every 100 ms at first, then every twentieth of
    // the time run so far, up to a second: the bar lags at most ~5% of the run, and a long run
    // does not put ten queries a second on a server that is busy with the dump.
    QElapsedTimer tick;
    tick.start();
    while (true) {
        if (m_o.canceled && m_o.canceled()) {
            m_r.canceled = true;
            stop();
            break;
        }
        feed();
        const bool finished = m_p.waitForFinished(m_in ? 20 : 50);
        drainStdout();
        drainStderr(false);
        if (m_r.ioError.isError())
            break;
        if (tick.elapsed() >= std::clamp<qint64>(ran.elapsed() / 20, 100, 1000)) {
            tick.restart();
            if (m_o.onTick)
                m_o.onTick();
        }
        if (finished || m_p.state() == QProcess::NotRunning)
            break;
    }
    finishOutput();
    m_r.elapsedMs = ran.elapsed();
    m_r.crashed = m_p.exitStatus() == QProcess::CrashExit && !m_r.canceled;
    m_r.exitCode = m_p.exitCode();
    return m_r;
}

} // namespace

Result<ToolRunResult> runTool(const ToolCommand &command, const ToolRunOptions &options)
{
    return ToolRun(command, options).run();
}

} // namespace strata::core

#include "archiveinspector.h"

#include "jobs/backupmanifest.h"
#include "jobs/toolrunner.h"
#include "util/fileidentity.h"

#include <QDeadlineTimer>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QMutex>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>

namespace strata::core {

ArchiveInspector::ArchiveInspector(ToolLocator locator) : m_locator(std::move(locator)) { }

namespace {

struct Listing
{
    bool ok = false;
    QString out;
    QString err;
};

// `stdinPath`: the archive fed on standard input (a tool inside a Docker container cannot open
// a path on this machine).
Listing runList(const ToolCommand &cmd, const QString &stdinPath = {})
{
    QProcess p;
    if (!stdinPath.isEmpty())
        p.setStandardInputFile(stdinPath);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("LC_ALL"));
    for (auto it = cmd.env.cbegin(); it != cmd.env.cend(); ++it)
        env.insert(it.key(), it.value());
    p.setProcessEnvironment(env);
    configureChild(p);
    p.start(cmd.program, cmd.arguments);
    Listing l;
    if (!p.waitForStarted(15000)) {
        l.err = p.errorString();
        return l;
    }
    p.waitForFinished(-1);
    l.out = QString::fromUtf8(p.readAllStandardOutput());
    l.err = QString::fromUtf8(p.readAllStandardError()).trimmed();
    l.ok = p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    return l;
}

QString firstError(const QString &stderrText)
{
    for (const QString &line : stderrText.split(u'\n')) {
        const int at = line.indexOf(QLatin1String("error: "));
        if (at >= 0)
            return line.mid(at + 7);
    }
    return stderrText.section(u'\n', 0, 0);
}

} // namespace

Result<ArchiveToc> ArchiveInspector::readToc(const QString &path, ToolInfo *toolOut) const
{
    if (!QFileInfo::exists(path))
        return Error(Error::Kind::Io, QStringLiteral("%1 does not exist.").arg(path),
            QStringLiteral("Check the archive's path."));
    const ArchiveFormat format = ArchiveToc::detect(path);
    if (format == ArchiveFormat::Unknown)
        return Error(Error::Kind::InvalidInput,
            QStringLiteral("%1 is not a pg_dump archive or SQL file.").arg(path),
            QStringLiteral("Choose a file made by pg_dump (custom, tar or plain) or a "
                           "directory-format folder."));
    if (format == ArchiveFormat::Plain) {
        ArchiveToc toc;
        toc.format = format;
        return toc;
    }
    auto tool
        = m_locator.locate(QStringLiteral("pg_restore"), 0, QStringLiteral("read %1").arg(path));
    if (!tool)
        return tool.error();
    const bool docker = !tool->dockerContainer.isEmpty();
    if (docker && format == ArchiveFormat::Directory)
        return Error(Error::Kind::InvalidInput,
            QStringLiteral("%1 is a directory-format archive: it cannot be streamed into the "
                           "Docker container %2.")
                .arg(path, tool->dockerContainer),
            QStringLiteral("Restore it with pg_restore on this machine (clear the connection's "
                           "Docker container), or copy it into the container."));
    Listing l = docker ? runList(m_locator.command(tool.value(),
                                     { QStringLiteral("--list"), QStringLiteral("--verbose") }),
                    path)
                       : runList(m_locator.command(tool.value(),
                           { QStringLiteral("--list"), QStringLiteral("--verbose"), path }));
    if (!l.ok) {
        static const QRegularExpression unsupported(
            QStringLiteral("unsupported version \\(([\\d.]+)\\) in file header"));
        const auto m = unsupported.match(l.err);
        if (m.hasMatch()) {
            Error e(Error::Kind::Tool,
                QStringLiteral("pg_restore %1 cannot read %2: its archive format %3 comes "
                               "from a newer pg_dump.")
                    .arg(tool->major)
                    .arg(path, m.captured(1)),
                QStringLiteral("Install the postgresql-client package of the PostgreSQL "
                               "release that made the archive, or set the tools folder in "
                               "the connection's settings."));
            e.detail = l.err;
            return e;
        }
        Error e(Error::Kind::InvalidInput,
            QStringLiteral("%1 is damaged or not a pg_dump archive: %2")
                .arg(path, firstError(l.err)),
            QStringLiteral("Nothing was restored. Use an intact copy of the archive."));
        e.detail = l.err;
        return e;
    }
    QStringList schemas; // the manifest names the tables' schemas exactly
    if (auto m = BackupManifest::read(path))
        for (const auto &v : m->objects())
            schemas << v.toObject().value(QStringLiteral("schema")).toString();
    auto toc = ArchiveToc::parse(l.out, schemas);
    if (!toc) {
        Error e = toc.error();
        e.message = QStringLiteral("%1: %2").arg(path, e.message);
        e.hint = QStringLiteral("Nothing was restored. Use an intact copy of the archive.");
        return e;
    }
    toc->format = format;
    ToolInfo chosen = tool.value();
    if (toc->dumpedByMajor > chosen.major) {
        auto newer = m_locator.locate(QStringLiteral("pg_restore"), toc->dumpedByMajor,
            QStringLiteral("restore an archive made by pg_dump %1").arg(toc->dumpedByMajor));
        if (!newer)
            return newer.error();
        chosen = newer.value();
    }
    if (toolOut)
        *toolOut = chosen;
    return toc;
}

namespace {

// Archive files whose SHA-256 matched their manifest in this process, by path: the restore
// dialog checks while the user reads it, and the job then starts at once. Kept for an hour
// while the file is the same file (fileIdentity: any write changes it); directories are always
// read again (a file changed inside one does not change the directory).
struct Verified
{
    QByteArray identity;
    QString sha256;
    QDeadlineTimer until;
};
QMutex verifiedMutex;
QHash<QString, Verified> verified; // by path

bool knownGood(const QString &path, const QString &sha)
{
    if (QFileInfo(path).isDir())
        return false;
    const QByteArray id = fileIdentity(path);
    QMutexLocker lock(&verifiedMutex);
    const auto it = verified.constFind(path);
    return !id.isEmpty() && it != verified.cend() && it->identity == id && it->sha256 == sha
        && !it->until.hasExpired();
}

} // namespace

void ArchiveInspector::forgetVerified()
{
    QMutexLocker lock(&verifiedMutex);
    verified.clear();
}

Status ArchiveInspector::checkIntegrity(const QString &path, const ArchiveToc &toc,
    const ToolInfo &tool, const std::function<bool()> &canceled,
    const std::function<void(qint64, qint64)> &progress) const
{
    if (auto checked = checkManifest(path, canceled, progress))
        return *checked;
    return readEveryBlock(path, toc, tool, canceled);
}

Result<std::optional<BackupManifest>> ArchiveInspector::readManifest(const QString &path)
{
    const QString file = BackupManifest::manifestPath(path);
    if (!QFileInfo::exists(file) && !QFileInfo(file).isSymLink())
        return std::optional<BackupManifest>();
    // A manifest that is there but cannot be trusted must not turn the checksum off: the
    // archive may have been changed too, and only the manifest could tell.
    auto damaged = [&](const QString &why) {
        return Error(Error::Kind::InvalidInput,
            QStringLiteral("The manifest %1 is damaged (%2): the archive's SHA-256 cannot be "
                           "checked against it, so the archive is not used.")
                .arg(file, why),
            QStringLiteral("Use an intact copy of the archive and its manifest. To use the "
                           "archive without the check, move the manifest away: pg_restore then "
                           "reads the archive whole first."));
    };
    auto manifest = BackupManifest::read(path);
    if (!manifest)
        return damaged(manifest.error().message);
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{64}$"));
    if (!hex.match(manifest->digest.hex).hasMatch())
        return damaged(QStringLiteral("it holds no SHA-256"));
    return std::optional<BackupManifest>(manifest.value());
}

std::optional<Status> ArchiveInspector::checkManifest(const QString &pathIn,
    const std::function<bool()> &canceled, const std::function<void(qint64, qint64)> &progress)
{
    const QString path = QFileInfo(pathIn).absoluteFilePath();
    auto read = readManifest(path);
    if (!read)
        return Status(read.error());
    if (!read->has_value())
        return std::nullopt;
    const BackupManifest &manifest = **read;
    if (knownGood(path, manifest.digest.hex))
        return Ok {};
    const QByteArray before = fileIdentity(path);
    HashControl control;
    control.canceled = canceled;
    control.progress = progress;
    auto checked = archivedigest::check(path, manifest.digest, control);
    if (!checked) {
        Error e = checked.error();
        if (e.kind == Error::Kind::InvalidInput)
            e.hint = QStringLiteral("Nothing was restored. Use an intact copy.");
        return Status(e);
    }
    if (!QFileInfo(path).isDir() && fileIdentity(path) == before) {
        QMutexLocker lock(&verifiedMutex);
        verified.insert(
            path, { before, manifest.digest.hex, QDeadlineTimer(std::chrono::hours(1)) });
    }
    return Status(Ok {});
}

Status ArchiveInspector::readEveryBlock(const QString &path, const ArchiveToc &toc,
    const ToolInfo &tool, const std::function<bool()> &canceled) const
{
    if (toc.format == ArchiveFormat::Plain)
        return Ok {}; // psql stops at the first error, inside one transaction
    // No manifest: read every block (pg_restore to /dev/null touches no database).
    ToolRunOptions ro;
    ro.canceled = canceled;
    QStringList args { QStringLiteral("--file=/dev/null") };
    if (tool.dockerContainer.isEmpty())
        args << path;
    else
        ro.stdinFile = path; // the container reads it on standard input
    auto run = runTool(m_locator.command(tool, args), ro);
    if (!run)
        return run.error();
    if (run->canceled)
        return Error(Error::Kind::Canceled, QStringLiteral("Cancelled."));
    if (!run->ok()) {
        Error e(Error::Kind::InvalidInput,
            QStringLiteral("%1 is truncated or damaged: %2")
                .arg(path,
                    run->errorLines.value(0,
                        QStringLiteral("pg_restore could not "
                                       "read it to the end"))),
            QStringLiteral("Nothing was restored. Use an intact copy of the archive."));
        e.detail = run->errorLines.join(u'\n');
        return e;
    }
    return Ok {};
}

Result<VerifyReport> ArchiveInspector::verify(const QString &pathIn) const
{
    const QString path = QFileInfo(pathIn).absoluteFilePath();
    VerifyReport rep;
    ToolInfo tool;
    auto toc = readToc(path, &tool);
    if (!toc)
        return toc.error();
    rep.format = toc->format;
    rep.entries = toc->entries.size();
    for (const auto &e : toc->entries)
        rep.dataEntries += e.isData() ? 1 : 0;
    rep.dumpedBy = toc->dumpedBy;
    auto manifest = readManifest(path);
    if (!manifest)
        return manifest.error();
    if (manifest->has_value()) {
        const ArchiveDigest &recorded = (*manifest)->digest;
        rep.checksum = recorded.schemeName();
        rep.manifestSha256 = recorded.hex;
        auto checked = archivedigest::check(path, recorded);
        if (!checked && checked.error().kind != Error::Kind::InvalidInput)
            return checked.error();
        rep.manifestMatches = checked.ok();
        if (!checked)
            rep.difference = checked.error().message;
    }
    // The archive's own digest: the manifest's when they match, else computed (in the
    // manifest's scheme, so that the two can be compared by eye).
    if (rep.manifestMatches.value_or(false)) {
        rep.sha256 = rep.manifestSha256;
        auto size = archivedigest::archiveSize(path);
        if (!size)
            return size.error();
        rep.size = size.value();
    } else {
        const auto scheme
            = manifest->has_value() ? (*manifest)->digest.scheme : ArchiveDigest::Scheme::Chunked;
        auto d = archivedigest::compute(path, scheme);
        if (!d)
            return d.error();
        rep.sha256 = d->hex;
        rep.size = d->size();
        rep.checksum = d->schemeName();
    }
    if (!rep.manifestMatches.has_value() && toc->format != ArchiveFormat::Plain) {
        auto s = readEveryBlock(path, toc.value(), tool);
        if (!s)
            return s.error();
    }
    return rep;
}

} // namespace strata::core

#include "pgbinaries.h"

#include "util/fileidentity.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QMutex>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace strata::core::pgbinaries {

QStringList searchFolders(const QString &preferredDir)
{
    QStringList dirs;
    if (!preferredDir.isEmpty())
        dirs << preferredDir;
    const QString path = qEnvironmentVariable("PATH");
    dirs << path.split(u':', Qt::SkipEmptyParts);
    QDir debian(QStringLiteral("/usr/lib/postgresql"));
    QStringList majors = debian.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    std::sort(majors.begin(), majors.end(),
        [](const QString &a, const QString &b) { return a.toDouble() > b.toDouble(); });
    for (const QString &m : majors)
        dirs << debian.filePath(m + QStringLiteral("/bin"));
    return dirs;
}

int parseMajor(const QString &versionOutput)
{
    static const QRegularExpression re(QStringLiteral("\\(PostgreSQL\\)\\s+(\\d+)(?:\\.(\\d+))?"));
    const auto m = re.match(versionOutput);
    if (!m.hasMatch())
        return 0;
    return m.captured(1).toInt(); // 9 for 9.6, as ServerVersion::major()
}

namespace {

Found readVersion(const QString &exe)
{
    Found f;
    f.path = exe;
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(exe, { QStringLiteral("--version") });
    if (p.waitForFinished(5000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0) {
        f.versionText = QString::fromLocal8Bit(p.readAll()).trimmed();
        f.major = parseMajor(f.versionText);
    } else {
        p.kill();
        p.waitForFinished(1000);
        f.versionText = QString::fromLocal8Bit(p.readAll()).trimmed();
    }
    return f;
}

// The dialog, the job, `verify` and the DDL view each ask; every ask otherwise starts one
// process per copy found, tens of milliseconds in all.
Found cachedVersion(const QString &exe)
{
    const QByteArray identity = fileIdentity(exe);
    if (identity.isEmpty())
        return readVersion(exe);
    static QMutex mutex;
    static QHash<QString, QPair<QByteArray, Found>> cache;
    {
        QMutexLocker lock(&mutex);
        const auto it = cache.constFind(exe);
        if (it != cache.cend() && it->first == identity)
            return it->second;
    }
    Found f = readVersion(exe);
    if (f.major > 0) { // a failed read is tried again next time
        QMutexLocker lock(&mutex);
        cache.insert(exe, { identity, f });
    }
    return f;
}

} // namespace

QList<Found> findIn(const QString &program, const QStringList &folders)
{
    QList<Found> found;
    QStringList wrappers;
    QSet<QString> seen;
    for (const QString &dir : folders) {
        const QFileInfo fi(QDir(dir).filePath(program));
        if (!fi.isFile() || !fi.isExecutable())
            continue;
        const QString canonical = fi.canonicalFilePath();
        if (seen.contains(canonical))
            continue;
        seen.insert(canonical);
        if (QFileInfo(canonical).fileName() == QLatin1String("pg_wrapper"))
            wrappers << fi.absoluteFilePath();
        else
            found.append(cachedVersion(fi.absoluteFilePath()));
    }
    // The wrappers only when no real copy could say its version.
    if (std::none_of(found.cbegin(), found.cend(), [](const Found &f) { return f.major > 0; }))
        for (const QString &w : wrappers)
            found.append(cachedVersion(w));
    std::stable_sort(found.begin(), found.end(),
        [](const Found &a, const Found &b) { return a.major > b.major; });
    return found;
}

QList<Found> findAll(const QString &program, const QString &preferredDir)
{
    return findIn(program, searchFolders(preferredDir));
}

Result<Found> findNewest(const QString &program, const QString &preferredDir)
{
    const auto all = findAll(program, preferredDir);
    if (all.isEmpty())
        return Error(Error::Kind::Tool, QStringLiteral("%1 was not found.").arg(program),
            QStringLiteral("Install PostgreSQL's server package (on Debian: apt-get "
                           "install postgresql), or set the tools folder."));
    return all.first();
}

} // namespace strata::core::pgbinaries

#include "pgbinaries.h"

#include <QDir>
#include <QFileInfo>
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

QList<Found> findAll(const QString &program, const QString &preferredDir)
{
    QList<Found> found;
    QSet<QString> seen;
    for (const QString &dir : searchFolders(preferredDir)) {
        const QFileInfo fi(QDir(dir).filePath(program));
        if (!fi.isFile() || !fi.isExecutable())
            continue;
        const QString canonical = fi.canonicalFilePath();
        if (seen.contains(canonical))
            continue;
        seen.insert(canonical);
        QProcess p;
        p.start(fi.absoluteFilePath(), {QStringLiteral("--version")});
        Found f;
        f.path = fi.absoluteFilePath();
        if (p.waitForFinished(5000)) {
            f.versionText = QString::fromLocal8Bit(p.readAllStandardOutput()).trimmed();
            f.major = parseMajor(f.versionText);
        }
        found.append(f);
    }
    std::stable_sort(found.begin(), found.end(),
                     [](const Found &a, const Found &b) { return a.major > b.major; });
    return found;
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

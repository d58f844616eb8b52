#include "toollocator.h"

#include "db/pgbinaries.h"

#include <QProcess>

#include <algorithm>

namespace strata::core {

ToolLocator::ToolLocator(ConnectionProfile profile) : m_profile(std::move(profile)) { }

void ToolLocator::setSearchFolders(const QStringList &folders)
{
    m_folders = folders;
    m_foldersOverridden = true;
}

QStringList ToolLocator::searchFolders() const
{
    if (m_foldersOverridden)
        return m_folders;
    return pgbinaries::searchFolders(m_profile.toolsDir);
}

QString ToolLocator::clientPackage(int major)
{
    return QStringLiteral("postgresql-client-%1").arg(major);
}

QString ToolLocator::toolConnInfo(const ConnectionProfile &profile)
{
    if (profile.dockerContainer.isEmpty())
        return profile.toConnInfo();
    ConnectionProfile inside;
    inside.database = profile.database;
    inside.user = profile.user;
    return inside.toConnInfo();
}

namespace {

// `docker exec CONTAINER program --version`: the container's copy, read every time (the
// container can be replaced under the same name).
ToolInfo readDockerVersion(const QString &program, const QString &container)
{
    ToolInfo t;
    t.program = program;
    t.path = program;
    t.dockerContainer = container;
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral("docker"),
        { QStringLiteral("exec"), container, program, QStringLiteral("--version") });
    if (p.waitForFinished(20000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0) {
        t.versionText = QString::fromLocal8Bit(p.readAll()).trimmed();
        t.major = pgbinaries::parseMajor(t.versionText);
    } else {
        p.kill();
        p.waitForFinished(1000);
        t.versionText = QString::fromLocal8Bit(p.readAll()).trimmed();
    }
    return t;
}

} // namespace

QList<ToolInfo> ToolLocator::findAll(const QString &program) const
{
    QList<ToolInfo> found;
    if (!m_profile.dockerContainer.isEmpty()) {
        const ToolInfo t = readDockerVersion(program, m_profile.dockerContainer);
        if (t.major > 0)
            found.append(t);
        return found;
    }
    for (const pgbinaries::Found &f : pgbinaries::findIn(program, searchFolders())) {
        ToolInfo t;
        t.program = program;
        t.path = f.path;
        t.major = f.major;
        t.versionText = f.versionText;
        found.append(t);
    }
    return found;
}

Result<ToolInfo> ToolLocator::locate(
    const QString &program, int minMajor, const QString &purpose) const
{
    const QList<ToolInfo> all = findAll(program);
    for (const ToolInfo &t : all)
        if (t.major >= minMajor && t.major > 0)
            return t;

    const QString package = clientPackage(std::max(minMajor, 10));
    QString where = m_profile.dockerContainer.isEmpty()
        ? QStringLiteral("looked in: %1").arg(searchFolders().join(QStringLiteral(", ")))
        : QStringLiteral("in the Docker container %1").arg(m_profile.dockerContainer);
    Error e;
    e.kind = Error::Kind::Tool;
    if (all.isEmpty()) {
        e.message = QStringLiteral("%1 was not found, so Strata cannot %2 (%3).")
                        .arg(program, purpose, where);
        e.hint = m_profile.dockerContainer.isEmpty()
            ? QStringLiteral("Install %1 or set the tools folder in the connection's settings.")
                  .arg(package)
            : QStringLiteral("Install %1 in the container, or check that it is running.")
                  .arg(package);
        return e;
    }
    QStringList versions;
    for (const ToolInfo &t : all)
        versions << (t.major > 0
                ? QStringLiteral("%1 %2 (%3)").arg(program).arg(t.major).arg(t.path)
                : QStringLiteral("%1 of unknown version (%2)").arg(program, t.path));
    const ToolInfo &best = all.first();
    e.message = QStringLiteral("%1 %2 cannot %3: install %4 or set the tools folder in the "
                               "connection's settings.")
                    .arg(program)
                    .arg(best.major > 0 ? QString::number(best.major) : QStringLiteral("(unknown)"))
                    .arg(purpose, package);
    e.detail = QStringLiteral("Found: %1; %2.").arg(versions.join(QStringLiteral(", ")), where);
    e.hint
        = QStringLiteral("A %1 of major version %2 or newer is needed.").arg(program).arg(minMajor);
    return e;
}

ToolCommand ToolLocator::command(const ToolInfo &tool, const QStringList &arguments) const
{
    ToolCommand c;
    if (!tool.dockerContainer.isEmpty()) {
        // -e NAME without a value forwards the docker client's own variable, so the password
        // travels in the environment and never in an argument.
        c.program = QStringLiteral("docker");
        c.arguments = { QStringLiteral("exec"), QStringLiteral("-i"), QStringLiteral("-e"),
            QStringLiteral("PGPASSWORD"), QStringLiteral("-e"), QStringLiteral("PGAPPNAME"),
            QStringLiteral("-e"), QStringLiteral("LC_MESSAGES=C"), QStringLiteral("-e"),
            QStringLiteral("PG_COLOR=never"), tool.dockerContainer, tool.program };
        c.arguments += arguments;
        c.dockerContainer = tool.dockerContainer;
    } else {
        c.program = tool.path;
        c.arguments = arguments;
    }
    c.env.insert(QStringLiteral("LC_MESSAGES"), QStringLiteral("C"));
    c.env.insert(QStringLiteral("PG_COLOR"), QStringLiteral("never"));
    return c;
}

} // namespace strata::core

#include "servicefile.h"

#include <QDir>
#include <QFile>
#include <QSet>
#include <QTextStream>

namespace strata::core::servicefile {

namespace {
// libpq's compiled-in SYSCONFDIR on Debian (pg_config --sysconfdir).
constexpr const char *defaultSysconfDir = "/etc/postgresql-common";
} // namespace

QStringList searchedFiles()
{
    QStringList files;
    const QByteArray userFile = qgetenv("PGSERVICEFILE");
    if (!userFile.isEmpty())
        files << QString::fromLocal8Bit(userFile);
    else
        files << QDir::homePath() + QStringLiteral("/.pg_service.conf");
    const QByteArray sysDir = qgetenv("PGSYSCONFDIR");
    files << (sysDir.isEmpty() ? QString::fromLatin1(defaultSysconfDir)
                               : QString::fromLocal8Bit(sysDir))
            + QStringLiteral("/pg_service.conf");
    return files;
}

QList<Service> parse(const QString &path)
{
    QList<Service> out;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        return out;
    QTextStream in(&f);
    Service *current = nullptr;
    while (!in.atEnd()) {
        const QString line = in.readLine().trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        if (line.startsWith(u'[') && line.endsWith(u']')) {
            out.append({ line.mid(1, line.size() - 2).trimmed(), path, {} });
            current = &out.last();
            continue;
        }
        const int eq = line.indexOf(u'=');
        if (current && eq > 0)
            current->params.append({ line.left(eq).trimmed(), line.mid(eq + 1).trimmed() });
    }
    return out;
}

QList<Service> list()
{
    QList<Service> all;
    QSet<QString> seen;
    for (const QString &file : searchedFiles()) {
        for (const Service &s : parse(file)) {
            if (!seen.contains(s.name)) {
                seen.insert(s.name);
                all.append(s);
            }
        }
    }
    return all;
}

} // namespace strata::core::servicefile

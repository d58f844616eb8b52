#include "pgpass.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStringList>
#include <QTextStream>

namespace strata::core::pgpass {

QString path()
{
    const QByteArray env = qgetenv("PGPASSFILE");
    if (!env.isEmpty())
        return QString::fromLocal8Bit(env);
    return QDir::homePath() + QStringLiteral("/.pgpass");
}

namespace {

// Splits on unescaped ':' and removes the backslash escapes.
QStringList splitFields(const QString &line)
{
    QStringList fields;
    QString cur;
    for (int i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (c == u'\\' && i + 1 < line.size()) {
            cur += line.at(++i);
        } else if (c == u':') {
            fields << cur;
            cur.clear();
        } else {
            cur += c;
        }
    }
    fields << cur;
    return fields;
}

bool matches(const QString &pattern, const QString &value)
{
    return pattern == QLatin1String("*") || pattern == value;
}

} // namespace

std::optional<QString> lookup(
    const QString &host, int port, const QString &database, const QString &user)
{
    QFile f(path());
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        return std::nullopt;
    const QString h
        = (host.isEmpty() || host.startsWith(u'/')) ? QStringLiteral("localhost") : host;
    const QString p = QString::number(port > 0 ? port : 5432);
    QTextStream in(&f);
    while (!in.atEnd()) {
        const QString line = in.readLine();
        if (line.trimmed().isEmpty() || line.startsWith(u'#'))
            continue;
        const QStringList fs = splitFields(line);
        if (fs.size() < 5)
            continue;
        if (matches(fs[0], h) && matches(fs[1], p) && matches(fs[2], database)
            && matches(fs[3], user))
            return fs[4];
    }
    return std::nullopt;
}

QString permissionProblem()
{
    QFileInfo fi(path());
    if (!fi.exists())
        return {};
    if (fi.permissions()
        & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther))
        return QStringLiteral("%1 can be read by others, so libpq ignores it: run chmod 0600 %1.")
            .arg(fi.filePath());
    return {};
}

} // namespace strata::core::pgpass

#include "archivetoc.h"

#include "jobs/dumplogparser.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>

namespace strata::core {

QString ArchiveToc::formatName(ArchiveFormat f)
{
    switch (f) {
    case ArchiveFormat::Custom:
        return QStringLiteral("custom");
    case ArchiveFormat::Directory:
        return QStringLiteral("directory");
    case ArchiveFormat::Tar:
        return QStringLiteral("tar");
    case ArchiveFormat::Plain:
        return QStringLiteral("plain");
    case ArchiveFormat::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

ArchiveFormat ArchiveToc::detect(const QString &path)
{
    const QFileInfo fi(path);
    if (fi.isDir())
        return QFileInfo::exists(QDir(path).filePath(QStringLiteral("toc.dat")))
            ? ArchiveFormat::Directory
            : ArchiveFormat::Unknown;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return ArchiveFormat::Unknown;
    const QByteArray head = f.read(512);
    if (head.startsWith("PGDMP"))
        return ArchiveFormat::Custom;
    // pg_dump's tar: the first member is toc.dat, with the POSIX "ustar" magic at 257.
    if (head.size() >= 262 && head.mid(257, 5) == "ustar")
        return ArchiveFormat::Tar;
    if (head.isEmpty())
        return ArchiveFormat::Unknown;
    // A plain dump is text: no NUL bytes at its start.
    if (!head.contains('\0'))
        return ArchiveFormat::Plain;
    return ArchiveFormat::Unknown;
}

Result<ArchiveToc> ArchiveToc::parse(const QString &listOutput, const QStringList &knownSchemas)
{
    ArchiveToc toc;
    static const QRegularExpression entryRe(QStringLiteral("^(\\d+); (\\d+) (\\d+) (.*)$"));
    struct Raw
    {
        TocEntry e;
        QString rest; // "SCHEMA NAME OWNER"
    };
    QList<Raw> raws;
    QSet<QString> schemas { QStringLiteral("public") };
    for (const QString &s : knownSchemas)
        schemas.insert(s);
    static const QString dependsOn = QStringLiteral(";\tdepends on:");
    for (const QString &line : listOutput.split(u'\n')) {
        if (line.startsWith(dependsOn) && !raws.isEmpty()) {
            for (const QString &id : line.mid(dependsOn.size()).split(u' ', Qt::SkipEmptyParts))
                raws.last().e.dependencies << id.toInt();
            continue;
        }
        if (line.startsWith(u';')) {
            const QString h = line.mid(1).trimmed();
            auto value = [&h](const char *key) -> QString {
                const QLatin1String k(key);
                return h.startsWith(k) ? h.mid(k.size()).trimmed() : QString();
            };
            if (auto v = value("dbname:"); !v.isEmpty())
                toc.database = v;
            else if (auto v = value("Dumped from database version:"); !v.isEmpty())
                toc.dumpedFrom = v;
            else if (auto v = value("Dumped by pg_dump version:"); !v.isEmpty()) {
                toc.dumpedBy = v;
                static const QRegularExpression num(QStringLiteral("^(\\d+)(?:\\.(\\d+))?"));
                const auto m = num.match(v);
                if (m.hasMatch()) {
                    const int a = m.captured(1).toInt();
                    toc.dumpedByMajor = a >= 10 ? a : a * 10 + m.captured(2).toInt();
                }
            } else if (auto v = value("TOC Entries:"); !v.isEmpty())
                toc.declaredEntries = v.toInt();
            else if (auto v = value("Format:"); !v.isEmpty())
                toc.formatText = v;
            continue;
        }
        const auto m = entryRe.match(line);
        if (!m.hasMatch())
            continue;
        Raw r;
        r.e.id = m.captured(1).toInt();
        r.e.line = line;
        DumpLogParser::splitType(m.captured(4), &r.e.type, &r.rest);
        if (r.e.type == QLatin1String("SCHEMA")) {
            // "- NAME OWNER"
            QString s = r.rest.mid(2);
            const int sp = s.lastIndexOf(u' ');
            if (sp > 0)
                schemas.insert(s.left(sp));
        }
        raws << r;
    }
    // Every real archive has entries (ENCODING, STDSTRINGS, ... even for an empty database);
    // pg_restore happily "lists" a few junk bytes after the PGDMP magic as an empty archive.
    if (toc.declaredEntries <= 0 || (raws.isEmpty() && toc.formatText.isEmpty()))
        return Error(Error::Kind::InvalidInput,
            QStringLiteral("The archive has no table of contents: it is damaged or not "
                           "a pg_dump archive."),
            QStringLiteral("The file may not be a pg_dump archive."));
    QStringList bySize(schemas.begin(), schemas.end());
    std::sort(bySize.begin(), bySize.end(),
        [](const QString &a, const QString &b) { return a.size() > b.size(); });
    for (Raw &r : raws) {
        QString rest = r.rest;
        // The owner is the last word; an entry without one ends in a space.
        const int sp = rest.lastIndexOf(u' ');
        if (sp >= 0) {
            r.e.owner = rest.mid(sp + 1);
            rest = rest.left(sp);
        }
        if (rest.startsWith(QLatin1String("- "))) {
            r.e.name = rest.mid(2);
        } else {
            bool matched = false;
            for (const QString &s : bySize) {
                if (rest.startsWith(s + u' ')) {
                    r.e.schema = s;
                    r.e.name = rest.mid(s.size() + 1);
                    matched = true;
                    break;
                }
            }
            if (!matched) {
                r.e.schema = rest.section(u' ', 0, 0);
                r.e.name = rest.section(u' ', 1);
            }
        }
        toc.entries << r.e;
    }
    return toc;
}

QByteArray ArchiveToc::useList(const QSet<int> &ids) const
{
    QByteArray out("; written by Strata: the entries chosen for this restore\n");
    for (const TocEntry &e : entries)
        if (ids.contains(e.id))
            out += e.line.toUtf8() + '\n';
    return out;
}

QSet<int> ArchiveToc::withPartitions(const QSet<int> &ids) const
{
    static const QSet<QString> belongings { QStringLiteral("INDEX"), QStringLiteral("INDEX ATTACH"),
        QStringLiteral("CONSTRAINT"), QStringLiteral("DEFAULT"), QStringLiteral("TRIGGER") };
    QSet<int> chosen = ids, added;
    bool grew = true;
    while (grew) {
        grew = false;
        for (const TocEntry &attach : entries) {
            if (attach.type != QLatin1String("TABLE ATTACH") || chosen.contains(attach.id))
                continue;
            bool parentChosen = false;
            for (int dep : attach.dependencies)
                parentChosen = parentChosen || chosen.contains(dep);
            if (!parentChosen)
                continue;
            // The partition is named by the attach entry; its own entries go with it.
            for (const TocEntry &e : entries)
                if (e.qualified() == attach.qualified()
                    && (e.type == QLatin1String("TABLE") || e.isData() || e.id == attach.id)) {
                    grew = grew || !chosen.contains(e.id);
                    chosen.insert(e.id);
                    added.insert(e.id);
                }
        }
        for (const TocEntry &e : entries) {
            if (chosen.contains(e.id) || !belongings.contains(e.type) || e.dependencies.isEmpty())
                continue;
            bool all = true, ofAdded = false;
            for (int dep : e.dependencies) {
                all = all && chosen.contains(dep);
                ofAdded = ofAdded || added.contains(dep);
            }
            if (all && ofAdded) {
                chosen.insert(e.id);
                added.insert(e.id);
                grew = true;
            }
        }
    }
    return chosen;
}

} // namespace strata::core

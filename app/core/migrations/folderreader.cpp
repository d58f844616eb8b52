#include "folderreader.h"

#include "migrations/alembicgraph.h"
#include "migrations/alembicparser.h"
#include "migrations/flywaychecksum.h"
#include "migrations/sqlsplitter.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QStringDecoder>

namespace strata::core {

QString folderKindName(FolderKind kind)
{
    switch (kind) {
    case FolderKind::PlainSql:
        return QStringLiteral("plain");
    case FolderKind::Flyway:
        return QStringLiteral("flyway");
    case FolderKind::Alembic:
        return QStringLiteral("alembic");
    case FolderKind::GolangMigrate:
        return QStringLiteral("golang-migrate");
    case FolderKind::Dbmate:
        return QStringLiteral("dbmate");
    case FolderKind::Rails:
        return QStringLiteral("rails");
    case FolderKind::Django:
        return QStringLiteral("django");
    case FolderKind::Prisma:
        return QStringLiteral("prisma");
    case FolderKind::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

namespace {

QStringList files(const QString &dir, const QStringList &patterns)
{
    return QDir(dir).entryList(
        patterns, QDir::Files | QDir::Readable | QDir::Hidden | QDir::System, QDir::Name);
}

// Files listed even when unreadable, so they can be reported.
QStringList allFiles(const QString &dir, const QStringList &patterns)
{
    // System: a dangling symlink is listed too, and reported as unreadable.
    return QDir(dir).entryList(patterns, QDir::Files | QDir::System, QDir::Name);
}

bool anyFileContains(const QString &dir, const QStringList &patterns, const QByteArray &needle)
{
    for (const auto &f : files(dir, patterns)) {
        if (!QFileInfo(QDir(dir).filePath(f)).isFile())
            continue; // a FIFO would block, a device never end
        QFile file(QDir(dir).filePath(f));
        if (file.open(QIODevice::ReadOnly) && file.read(1 << 16).contains(needle))
            return true;
    }
    return false;
}

QString alembicDir(const QString &dir)
{
    for (const QString &d :
        { QDir(dir).filePath("versions"), QDir(dir).filePath("alembic/versions"),
            QDir(dir).filePath("migrations/versions"), dir })
        if (QFileInfo(d).isDir() && anyFileContains(d, { "*.py" }, "down_revision"))
            return d;
    return {};
}

QString railsDir(const QString &dir)
{
    for (const QString &d : { QDir(dir).filePath("db/migrate"), dir })
        if (QFileInfo(d).isDir() && !files(d, { "[0-9]*_*.rb" }).isEmpty())
            return d;
    return {};
}

QString prismaDir(const QString &dir)
{
    for (const QString &d :
        { QDir(dir).filePath("prisma/migrations"), QDir(dir).filePath("migrations"), dir }) {
        if (!QFileInfo(d).isDir())
            continue;
        for (const auto &sub : QDir(d).entryList(QDir::Dirs | QDir::NoDotAndDotDot))
            if (QFileInfo::exists(QDir(d).filePath(sub + "/migration.sql")))
                return d;
    }
    return {};
}

// Django: <dir>/<app>/migrations/NNNN_*.py, or <dir> itself is an app's migrations folder.
QList<QPair<QString, QString>> djangoApps(const QString &dir)
{
    QList<QPair<QString, QString>> out;
    static const QStringList pattern { "[0-9][0-9][0-9][0-9]_*.py" };
    if (QFileInfo(dir).fileName() == QLatin1String("migrations") && !files(dir, pattern).isEmpty())
        out.append({ QFileInfo(QFileInfo(dir).absolutePath()).fileName(), dir });
    for (const auto &app : QDir(dir).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        const QString m = QDir(dir).filePath(app + "/migrations");
        if (QFileInfo(m).isDir() && !files(m, pattern).isEmpty())
            out.append({ app, m });
    }
    return out;
}

FolderMigration fileEntry(
    const QString &dir, const QString &name, const QString &version, const QString &description)
{
    FolderMigration m;
    m.path = QDir(dir).absoluteFilePath(name);
    m.relativePath = name;
    m.version = version;
    m.description = description;
    return m;
}

QString humanise(QString s)
{
    return s.replace(u'_', u' ').trimmed();
}

} // namespace

QString FolderReader::numericPrefix(const QString &name)
{
    int i = 0;
    while (i < name.size() && name.at(i).isDigit())
        ++i;
    return name.left(i);
}

QString FolderReader::readText(const QString &path, QString *error, QByteArray *raw)
{
    // A FIFO blocks for ever and /dev/zero never ends: only regular files (a symlink to one is
    // fine), and none larger than a migration can sensibly be.
    const QFileInfo info(path);
    if (info.exists() && !info.isFile()) {
        *error = QStringLiteral("%1 is not a regular file (a FIFO, a device or a folder): it is "
                                "not read")
                     .arg(info.fileName());
        return {};
    }
    constexpr qint64 limit = 256LL << 20;
    if (info.size() > limit) {
        *error = QStringLiteral("%1 is larger than 256 MB: it is not read").arg(info.fileName());
        return {};
    }
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error
            = QStringLiteral("cannot read %1: %2").arg(QFileInfo(path).fileName(), f.errorString());
        return {};
    }
    const QByteArray bytes = f.readAll();
    if (raw)
        *raw = bytes;
    QStringDecoder decoder(QStringDecoder::Utf8);
    QString text = decoder.decode(bytes);
    if (decoder.hasError()) {
        // Name the first line with a bad byte so the user can find it.
        int line = 1;
        const QList<QByteArray> lines = bytes.split('\n');
        for (int i = 0; i < lines.size(); ++i) {
            QStringDecoder d(QStringDecoder::Utf8);
            (void)d.decode(lines.at(i));
            if (d.hasError()) {
                line = i + 1;
                break;
            }
        }
        *error = QStringLiteral("%1 is not valid UTF-8 (first bad byte on line %2): save it as "
                                "UTF-8")
                     .arg(QFileInfo(path).fileName())
                     .arg(line);
        return {};
    }
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    return text;
}

FolderKind FolderReader::guessKind(const QString &dir)
{
    if (!alembicDir(dir).isEmpty())
        return FolderKind::Alembic;
    if (!railsDir(dir).isEmpty())
        return FolderKind::Rails;
    if (!djangoApps(dir).isEmpty())
        return FolderKind::Django;
    if (!prismaDir(dir).isEmpty())
        return FolderKind::Prisma;
    if (!files(dir, { "*.up.sql" }).isEmpty())
        return FolderKind::GolangMigrate;
    if (!files(dir, { "V*__*.sql", "R__*.sql" }).isEmpty())
        return FolderKind::Flyway;
    const QString dbm = QFileInfo(QDir(dir).filePath("db/migrations")).isDir()
        ? QDir(dir).filePath("db/migrations")
        : dir;
    if (anyFileContains(dbm, { "*.sql" }, "-- migrate:up"))
        return FolderKind::Dbmate;
    if (!allFiles(dir, { "*.sql" }).isEmpty())
        return FolderKind::PlainSql;
    return FolderKind::Unknown;
}

Result<MigrationFolder> FolderReader::read(const QString &dir, FolderKind kind)
{
    QFileInfo info(dir);
    if (!info.isDir())
        return Error(Error::Kind::Io, QStringLiteral("%1 is not a folder.").arg(dir),
            QStringLiteral("Choose the folder that holds the migration files."));
    if (!info.isReadable())
        return Error(Error::Kind::Io, QStringLiteral("The folder %1 cannot be read.").arg(dir),
            QStringLiteral("Check its permissions."));
    MigrationFolder f;
    f.dir = info.absoluteFilePath();
    f.kind = kind == FolderKind::Unknown ? guessKind(dir) : kind;
    switch (f.kind) {
    case FolderKind::PlainSql:
        f.migrations = readPlain(dir, false);
        break;
    case FolderKind::Dbmate: {
        const QString d = QFileInfo(QDir(dir).filePath("db/migrations")).isDir()
            ? QDir(dir).filePath("db/migrations")
            : dir;
        f.migrations = readPlain(d, true);
        break;
    }
    case FolderKind::Flyway:
        f.migrations = readFlyway(dir);
        break;
    case FolderKind::Alembic:
        f.migrations = readAlembic(alembicDir(dir).isEmpty() ? dir : alembicDir(dir));
        break;
    case FolderKind::GolangMigrate:
        f.migrations = readGolangMigrate(dir);
        break;
    case FolderKind::Rails:
        f.migrations = readRails(railsDir(dir).isEmpty() ? dir : railsDir(dir));
        break;
    case FolderKind::Django:
        f.migrations = readDjango(dir);
        break;
    case FolderKind::Prisma:
        f.migrations = readPrisma(prismaDir(dir).isEmpty() ? dir : prismaDir(dir));
        break;
    case FolderKind::Unknown:
        break;
    }
    if (f.migrations.isEmpty())
        f.errors.append(QStringLiteral("No migration files found in %1.").arg(dir));
    return f;
}

namespace {

// A numeric prefix without its leading zeros ("007" and "7" are one version), "" for none.
QString versionNumber(const QString &name)
{
    QString n = FolderReader::numericPrefix(name);
    while (n.size() > 1 && n.startsWith(u'0'))
        n.remove(0, 1);
    return n;
}

// The order a person means: by number (2 before 10, however long), files without one after
// them, each by name.
bool runsBefore(const FolderMigration &a, const FolderMigration &b)
{
    const QString na = versionNumber(a.relativePath), nb = versionNumber(b.relativePath);
    if (na.isEmpty() != nb.isEmpty())
        return nb.isEmpty();
    if (na.size() != nb.size())
        return na.size() < nb.size();
    if (na != nb)
        return na < nb;
    return a.relativePath < b.relativePath;
}

// Files that share a version number run in no clear order: each says so, naming the others.
void flagDuplicates(QList<FolderMigration> &files)
{
    QHash<QString, QStringList> byNumber;
    for (const auto &f : files)
        if (const QString n = versionNumber(f.relativePath); !n.isEmpty())
            byNumber[n] << f.relativePath;
    for (auto &f : files) {
        const QStringList same = byNumber.value(versionNumber(f.relativePath));
        if (same.size() < 2 || !f.error.isEmpty())
            continue;
        QStringList others = same;
        others.removeAll(f.relativePath);
        f.error = QStringLiteral("shares its version number %1 with %2, so the order they run "
                                 "in is not clear: give each file its own number")
                      .arg(versionNumber(f.relativePath), others.join(QStringLiteral(", ")));
    }
}

} // namespace

QList<FolderMigration> FolderReader::readPlain(const QString &dir, bool dbmate)
{
    static const QRegularExpression records(
        QStringLiteral(R"((insert\s+into|update)\s+[\w."]*schema_migrations)"),
        QRegularExpression::CaseInsensitiveOption);
    QList<FolderMigration> out;
    for (const auto &name : allFiles(dir, { "*.sql" })) {
        const QString base = name.chopped(4);
        const QString prefix = numericPrefix(base);
        QString desc = base.mid(prefix.size());
        while (desc.startsWith(u'_') || desc.startsWith(u'-'))
            desc.remove(0, 1);
        // dbmate matches by the timestamp; plain files by their name (see HistoryComparer).
        FolderMigration m
            = fileEntry(dir, name, dbmate && !prefix.isEmpty() ? prefix : base, humanise(desc));
        QString error;
        const QString text = readText(m.path, &error);
        m.error = error;
        for (const auto &line : QStringView(text).split(u'\n'))
            if (line.trimmed() == QLatin1String(noTransactionMarker))
                m.noTransaction = true;
        m.recordsItself = records.match(text).hasMatch();
        if (dbmate && m.error.isEmpty() && !text.contains(QLatin1String("-- migrate:up")))
            m.error = QStringLiteral("no `-- migrate:up` line: dbmate would not run this file");
        // An empty file would be recorded as applied having done nothing: an unfinished one.
        if (!dbmate && m.error.isEmpty()
            && SqlSplitter::codeOnly(text).remove(u';').trimmed().isEmpty())
            m.error = QStringLiteral("has no SQL statement (an unfinished file?): write it, or "
                                     "remove it");
        out.append(m);
    }
    if (!dbmate) {
        std::stable_sort(out.begin(), out.end(), runsBefore);
        flagDuplicates(out);
    }
    return out;
}

QList<FolderMigration> FolderReader::readFlyway(const QString &dir)
{
    // V1_2__add_users.sql: version 1.2; R__views.sql: repeatable; U1_2__...: undo of 1.2.
    static const QRegularExpression re(
        QStringLiteral(R"(^([VUR])([^_]*(?:_[^_]+)*?)__(.+)\.sql$)"));
    QList<FolderMigration> out;
    for (const auto &name : allFiles(dir, { "*.sql" })) {
        const auto m = re.match(name);
        if (!m.hasMatch())
            continue;
        const QString prefix = m.captured(1);
        QString version = m.captured(2);
        version.replace(u'_', u'.');
        FolderMigration f = fileEntry(dir, name, version, humanise(m.captured(3)));
        f.kind = prefix == QLatin1String("R") ? FolderMigration::Kind::Repeatable
            : prefix == QLatin1String("U")    ? FolderMigration::Kind::Undo
                                              : FolderMigration::Kind::Versioned;
        if (f.kind == FolderMigration::Kind::Repeatable)
            f.version.clear();
        QByteArray raw;
        QString error;
        readText(f.path, &error, &raw);
        f.error = error;
        if (error.isEmpty())
            f.checksum = QString::number(flywayChecksum(raw));
        out.append(f);
    }
    // Flyway's order: versioned by version, then repeatables by description; undo files last.
    auto rank = [](const FolderMigration &m) {
        return m.kind == FolderMigration::Kind::Versioned ? 0
            : m.kind == FolderMigration::Kind::Repeatable ? 1
                                                          : 2;
    };
    std::stable_sort(out.begin(), out.end(), [rank](const auto &a, const auto &b) {
        if (rank(a) != rank(b))
            return rank(a) < rank(b);
        const QStringList pa = a.version.split(u'.'), pb = b.version.split(u'.');
        for (int i = 0; i < std::max(pa.size(), pb.size()); ++i)
            if (pa.value(i).toLongLong() != pb.value(i).toLongLong())
                return pa.value(i).toLongLong() < pb.value(i).toLongLong();
        return a.description < b.description;
    });
    return out;
}

QList<FolderMigration> FolderReader::readAlembic(const QString &dir)
{
    QList<FolderMigration> parsed;
    for (const auto &name : allFiles(dir, { "*.py" })) {
        if (name == QLatin1String("__init__.py"))
            continue;
        const QString path = QDir(dir).absoluteFilePath(name);
        QString error;
        const QString text = readText(path, &error);
        if (!error.isEmpty()) {
            FolderMigration m = fileEntry(dir, name, name, {});
            m.error = error;
            m.parentsKnown = false;
            parsed.append(m);
            continue;
        }
        parsed.append(AlembicParser::parse(text, path, name));
    }
    return AlembicGraph(parsed).ordered();
}

QList<FolderMigration> FolderReader::readGolangMigrate(const QString &dir)
{
    QList<FolderMigration> out;
    for (const auto &name : allFiles(dir, { "*.up.sql" })) {
        const QString prefix = numericPrefix(name);
        QString desc = name.chopped(7).mid(prefix.size());
        FolderMigration m = fileEntry(dir, name, QString::number(prefix.toLongLong()),
            humanise(desc.mid(desc.startsWith(u'_') ? 1 : 0)));
        if (prefix.isEmpty())
            m.error = QStringLiteral("no version number at the start of the name");
        QString error;
        readText(m.path, &error);
        if (!error.isEmpty())
            m.error = error;
        out.append(m);
    }
    std::stable_sort(out.begin(), out.end(), [](const auto &a, const auto &b) {
        return a.version.toLongLong() < b.version.toLongLong();
    });
    return out;
}

QList<FolderMigration> FolderReader::readRails(const QString &dir)
{
    QList<FolderMigration> out;
    for (const auto &name : allFiles(dir, { "[0-9]*_*.rb" })) {
        const QString prefix = numericPrefix(name);
        FolderMigration m
            = fileEntry(dir, name, prefix, humanise(name.chopped(3).mid(prefix.size() + 1)));
        QString error;
        readText(m.path, &error);
        m.error = error;
        out.append(m);
    }
    return out;
}

QList<FolderMigration> FolderReader::readDjango(const QString &dir)
{
    QList<FolderMigration> out;
    for (const auto &[app, mdir] : djangoApps(dir)) {
        for (const auto &name : allFiles(mdir, { "[0-9][0-9][0-9][0-9]_*.py" })) {
            const QString base = name.chopped(3);
            FolderMigration m = fileEntry(mdir, name, app + u'.' + base, base);
            m.relativePath = QDir(dir).relativeFilePath(m.path);
            QString error;
            readText(m.path, &error);
            m.error = error;
            out.append(m);
        }
    }
    return out;
}

QList<FolderMigration> FolderReader::readPrisma(const QString &dir)
{
    QList<FolderMigration> out;
    for (const auto &sub : QDir(dir).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        const QString path = QDir(dir).filePath(sub + "/migration.sql");
        if (!QFileInfo::exists(path))
            continue;
        const QString prefix = numericPrefix(sub);
        FolderMigration m
            = fileEntry(dir, sub + "/migration.sql", sub, humanise(sub.mid(prefix.size() + 1)));
        QByteArray raw;
        QString error;
        readText(path, &error, &raw);
        m.error = error;
        if (error.isEmpty()) // Prisma's checksum: SHA-256 of the file, hex
            m.checksum = QString::fromLatin1(
                QCryptographicHash::hash(raw, QCryptographicHash::Sha256).toHex());
        out.append(m);
    }
    return out;
}

} // namespace strata::core

#include "partialowner.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSaveFile>
#include <QSysInfo>

namespace strata::core::partialowner {

namespace {

const QByteArray kHeader = "strata partial backup";

QByteArray bootId()
{
    QFile f(QStringLiteral("/proc/sys/kernel/random/boot_id"));
    return f.open(QIODevice::ReadOnly) ? f.readAll().trimmed() : QByteArray();
}

// Field 22 of /proc/PID/stat (starttime); empty when there is no such process. The process's
// name (field 2) may hold spaces and parentheses: fields are counted after its last ')'.
QByteArray startTime(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray stat = f.readAll();
    const qsizetype close = stat.lastIndexOf(')');
    if (close < 0)
        return {};
    const QList<QByteArray> fields = stat.mid(close + 2).split(' ');
    return fields.value(22 - 3);
}

QHash<QByteArray, QByteArray> readRecord(const QString &recordFile)
{
    QHash<QByteArray, QByteArray> values;
    QFile f(recordFile);
    if (!f.open(QIODevice::ReadOnly) || f.size() > 4096)
        return values;
    const QList<QByteArray> lines = f.readAll().split('\n');
    if (lines.value(0) != kHeader)
        return values;
    for (const QByteArray &line : lines.mid(1)) {
        const qsizetype sp = line.indexOf(' ');
        if (sp > 0)
            values.insert(line.left(sp), line.mid(sp + 1));
    }
    return values;
}

} // namespace

QString recordPath(const QString &partial)
{
    return partial + QStringLiteral(".owner");
}

Status write(const QString &partial, qint64 pid)
{
    QSaveFile f(recordPath(partial));
    if (!f.open(QIODevice::WriteOnly))
        return Error(Error::Kind::Io,
            QStringLiteral("Could not write %1: %2").arg(f.fileName(), f.errorString()),
            QStringLiteral("Choose a folder you can write to."));
    f.write(kHeader + "\npid " + QByteArray::number(pid) + "\nstarted " + startTime(pid) + "\nboot "
        + bootId() + "\nhost " + QSysInfo::machineHostName().toUtf8() + '\n');
    if (!f.commit())
        return Error(Error::Kind::Io,
            QStringLiteral("Could not write %1: %2").arg(f.fileName(), f.errorString()),
            QStringLiteral("Free some space or choose another folder."));
    return Ok {};
}

bool writerHasEnded(const QString &recordFile)
{
    const auto r = readRecord(recordFile);
    bool ok = false;
    const qint64 pid = r.value("pid").toLongLong(&ok);
    // Another host may share the folder (NFS): its processes cannot be seen from here.
    if (!ok || pid <= 0 || r.value("host") != QSysInfo::machineHostName().toUtf8())
        return false;
    if (!r.value("boot").isEmpty() && r.value("boot") != bootId())
        return true; // the machine has restarted since
    const QByteArray now = startTime(pid);
    if (now.isEmpty())
        return true; // no such process
    // A process with that id: the writer only if it started when the writer did.
    return !r.value("started").isEmpty() && now != r.value("started");
}

QStringList removeAbandoned(const QString &target)
{
    const QFileInfo t(target);
    const QDir dir = t.absoluteDir();
    const QString prefix = u'.' + t.fileName() + QStringLiteral(".partial-");
    QStringList removed;
    const QStringList entries
        = dir.entryList(QDir::Files | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
    for (const QString &name : entries) {
        if (!name.startsWith(prefix) || !name.endsWith(QLatin1String(".owner")))
            continue;
        const QString record = dir.filePath(name);
        if (!writerHasEnded(record))
            continue;
        const QString partial = record.chopped(6);
        const QFileInfo p(partial);
        if (p.isDir() && !p.isSymLink())
            QDir(partial).removeRecursively();
        else if (p.exists() || p.isSymLink())
            QFile::remove(partial);
        QFile::remove(record);
        removed << p.fileName();
    }
    return removed;
}

} // namespace strata::core::partialowner

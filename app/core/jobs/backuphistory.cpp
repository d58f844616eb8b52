#include "backuphistory.h"

#include "db/connectionprofile.h"
#include "jobs/backupmanifest.h"

#include <QHash>
#include <QJsonArray>

#include <pwd.h>
#include <unistd.h>

namespace strata::core {

BackupOrigin BackupOrigin::person()
{
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("LOGNAME");
    if (user.isEmpty()) {
        if (const passwd *pw = getpwuid(getuid()))
            user = QString::fromLocal8Bit(pw->pw_name);
    }
    return { false, user };
}

QString BackupEntry::stateText() const
{
    if (outcome == BackupOutcome::Failed)
        return QStringLiteral("failed");
    if (outcome == BackupOutcome::Cancelled)
        return QStringLiteral("cancelled");
    if (deletedAt)
        return QStringLiteral("deleted");
    if (fileState == FileState::Missing)
        return QStringLiteral("file missing");
    if (fileState == FileState::Changed)
        return QStringLiteral("file changed");
    if (verifiedAt && !verifyOk)
        return QStringLiteral("damaged");
    if (lastRestoreTest)
        return lastRestoreTest->passed ? QStringLiteral("restore-tested")
                                       : QStringLiteral("restore test failed");
    if (verifiedAt)
        return QStringLiteral("hash verified");
    return outcome == BackupOutcome::Found ? QStringLiteral("found") : QStringLiteral("written");
}

namespace backuphistory {

QString outcomeName(BackupOutcome o)
{
    switch (o) {
    case BackupOutcome::Written:
        return QStringLiteral("written");
    case BackupOutcome::Failed:
        return QStringLiteral("failed");
    case BackupOutcome::Cancelled:
        return QStringLiteral("cancelled");
    case BackupOutcome::Found:
        return QStringLiteral("found");
    }
    return {};
}

std::optional<BackupOutcome> parseOutcome(const QString &name)
{
    for (BackupOutcome o : { BackupOutcome::Written, BackupOutcome::Failed,
             BackupOutcome::Cancelled, BackupOutcome::Found })
        if (outcomeName(o) == name)
            return o;
    return std::nullopt;
}

QString fileStateName(FileState s)
{
    switch (s) {
    case FileState::Unknown:
        return QStringLiteral("unknown");
    case FileState::Present:
        return QStringLiteral("present");
    case FileState::Missing:
        return QStringLiteral("missing");
    case FileState::Changed:
        return QStringLiteral("changed");
    }
    return {};
}

QString serverLabel(const ConnectionProfile &p)
{
    if (!p.service.isEmpty() && p.host.isEmpty())
        return QStringLiteral("service=%1").arg(p.service);
    QString s = p.host.isEmpty() ? QStringLiteral("local socket") : p.host;
    if (!p.dockerContainer.isEmpty())
        s = QStringLiteral("container %1").arg(p.dockerContainer);
    s += u':' + QString::number(p.port > 0 ? p.port : 5432);
    return s;
}

QString describeWhat(const QJsonObject &o)
{
    auto names = [&o](const char *key) {
        QStringList out;
        for (const auto &v : o.value(QLatin1String(key)).toArray())
            out << v.toString();
        return out;
    };
    QStringList parts;
    const QStringList tables = names("tables"), schemas = names("schemas");
    if (!tables.isEmpty())
        parts << QStringLiteral("tables %1").arg(tables.join(QStringLiteral(", ")))
                + (o.value(QStringLiteral("with_dependencies")).toBool()
                        ? QStringLiteral(" and what they reference")
                        : QString());
    if (!schemas.isEmpty())
        parts << QStringLiteral("schemas %1").arg(schemas.join(QStringLiteral(", ")));
    if (parts.isEmpty())
        parts << QStringLiteral("whole database");
    if (o.value(QStringLiteral("data_only")).toBool())
        parts << QStringLiteral("data only");
    if (o.value(QStringLiteral("schema_only")).toBool())
        parts << QStringLiteral("schema only");
    const QStringList excluded = names("exclude_table_data");
    if (!excluded.isEmpty())
        parts << QStringLiteral("without the data of %1").arg(excluded.join(QStringLiteral(", ")));
    return parts.join(QStringLiteral("; "));
}

QList<TableRowCount> rowCounts(const BackupManifest &m)
{
    QList<TableRowCount> out;
    for (const auto &v : m.objects()) {
        const QJsonObject o = v.toObject();
        if (!o.contains(QStringLiteral("rows")))
            continue;
        out << TableRowCount { o.value(QStringLiteral("schema")).toString(),
            o.value(QStringLiteral("name")).toString(),
            qint64(o.value(QStringLiteral("rows")).toDouble(-1)) };
    }
    return out;
}

QJsonArray withRowCounts(QJsonArray objects, const QList<TableRowCount> &counts)
{
    QHash<QPair<QString, QString>, qint64> rows;
    for (const TableRowCount &t : counts)
        rows.insert({ t.schema, t.name }, t.rows);
    for (qsizetype i = 0; i < objects.size(); ++i) {
        QJsonObject o = objects.at(i).toObject();
        const auto it = rows.constFind({ o.value(QStringLiteral("schema")).toString(),
            o.value(QStringLiteral("name")).toString() });
        if (it == rows.cend() || *it < 0)
            continue;
        o[QStringLiteral("rows")] = double(*it);
        objects[i] = o;
    }
    return objects;
}

Status checkRecorded(
    const QString &path, const QString &recorded, const std::function<bool()> &canceled)
{
    HashControl control;
    control.canceled = canceled;
    if (auto m = BackupManifest::read(path); m && !recorded.isEmpty() && m->digest.hex == recorded)
        return archivedigest::check(path, m->digest, control);
    // No manifest, or one that no longer holds what was recorded: the archive's bytes decide.
    QString now;
    for (const auto scheme : { ArchiveDigest::Scheme::Chunked, ArchiveDigest::Scheme::Whole }) {
        auto d = archivedigest::compute(path, scheme, control);
        if (!d)
            return d.error();
        if (recorded.isEmpty())
            return Error(Error::Kind::InvalidInput,
                QStringLiteral("no SHA-256 was recorded to compare with (it is %1)")
                    .arg(d->hex.left(16)));
        if (d->hex == recorded)
            return Ok {};
        if (now.isEmpty())
            now = d->hex;
    }
    return Error(Error::Kind::InvalidInput,
        QStringLiteral("the SHA-256 is %1, %2 was recorded: the file was changed or damaged")
            .arg(now.left(16), recorded.left(16)));
}

} // namespace backuphistory
} // namespace strata::core

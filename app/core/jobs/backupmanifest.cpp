#include "backupmanifest.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>

namespace strata::core {

QJsonObject BackupManifest::toJson() const
{
    QJsonObject o;
    const bool chunked = digest.scheme == ArchiveDigest::Scheme::Chunked;
    o[QStringLiteral("manifest_version")] = chunked ? 2 : 1;
    o[QStringLiteral("file")] = QFileInfo(path).fileName();
    o[QStringLiteral("database")] = database;
    o[QStringLiteral("server_version")] = serverVersion;
    o[QStringLiteral("tool_version")] = toolVersion;
    o[QStringLiteral("format")] = format;
    o[QStringLiteral("options")] = options;
    o[QStringLiteral("objects")] = m_objects;
    o[QStringLiteral("started")] = started.toUTC().toString(Qt::ISODateWithMs);
    o[QStringLiteral("duration_ms")] = double(durationMs);
    o[QStringLiteral("size")] = double(size);
    o[QStringLiteral("sha256")] = digest.hex;
    if (chunked)
        o[QStringLiteral("checksum")] = digest.chunksJson();
    o[QStringLiteral("command")] = command;
    return o;
}

Result<BackupManifest> BackupManifest::fromJson(const QJsonObject &o)
{
    const int version = o.value(QStringLiteral("manifest_version")).toInt();
    if (version != 1 && version != 2)
        return Error(Error::Kind::InvalidInput, QStringLiteral("Unknown manifest version."),
            QStringLiteral("The manifest was written by another program or version."));
    BackupManifest m;
    m.database = o.value(QStringLiteral("database")).toString();
    m.serverVersion = o.value(QStringLiteral("server_version")).toString();
    m.toolVersion = o.value(QStringLiteral("tool_version")).toString();
    m.format = o.value(QStringLiteral("format")).toString();
    m.options = o.value(QStringLiteral("options")).toObject();
    m.m_objects = o.value(QStringLiteral("objects")).toArray();
    m.started
        = QDateTime::fromString(o.value(QStringLiteral("started")).toString(), Qt::ISODateWithMs);
    m.durationMs = qint64(o.value(QStringLiteral("duration_ms")).toDouble());
    m.size = qint64(o.value(QStringLiteral("size")).toDouble());
    const QString sha256 = o.value(QStringLiteral("sha256")).toString();
    if (version == 1) {
        m.digest = ArchiveDigest::whole(sha256);
    } else {
        auto d
            = ArchiveDigest::fromChunksJson(o.value(QStringLiteral("checksum")).toObject(), sha256);
        if (!d)
            return d.error();
        m.digest = d.value();
    }
    m.command = o.value(QStringLiteral("command")).toString();
    return m;
}

QString BackupManifest::manifestPath(const QString &backupPath)
{
    QString p = QDir::cleanPath(backupPath);
    return p + QStringLiteral(".manifest.json");
}

Status BackupManifest::write() const
{
    QSaveFile f(manifestPath(path));
    if (!f.open(QIODevice::WriteOnly))
        return Error(Error::Kind::Io,
            QStringLiteral("Could not write the manifest %1: %2")
                .arg(f.fileName(), f.errorString()));
    f.write(QJsonDocument(toJson()).toJson(QJsonDocument::Indented));
    if (!f.commit())
        return Error(Error::Kind::Io,
            QStringLiteral("Could not write the manifest %1: %2")
                .arg(f.fileName(), f.errorString()),
            QStringLiteral("Free some space; the backup itself is complete."));
    return Ok {};
}

Result<BackupManifest> BackupManifest::read(const QString &backupPath)
{
    QFile f(manifestPath(backupPath));
    if (!f.open(QIODevice::ReadOnly))
        return Error(Error::Kind::Io, QStringLiteral("No manifest beside %1.").arg(backupPath),
            QStringLiteral("Backups made by Strata have a .manifest.json beside them."));
    QJsonParseError pe;
    const auto doc = QJsonDocument::fromJson(f.readAll(), &pe);
    if (!doc.isObject())
        return Error(Error::Kind::InvalidInput,
            QStringLiteral("The manifest %1 is not valid JSON: %2")
                .arg(f.fileName(), pe.errorString()));
    auto m = fromJson(doc.object());
    if (m)
        m->path = backupPath;
    return m;
}

} // namespace strata::core

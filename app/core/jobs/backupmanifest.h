#pragma once

#include "jobs/archivedigest.h"
#include "result.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace strata::core {

// The JSON written beside each backup ("X.dump" -> "X.dump.manifest.json"): what was dumped, by
// which tools from which server, and the checksums that `verify` checks. Written as version 2
// (chunked SHA-256, see ArchiveDigest); version 1 (one SHA-256 of the archive) is still read.
struct BackupManifest
{
    QString path; // the backup (file, or folder for the directory format)
    QString database;
    QString serverVersion;
    QString toolVersion;
    QString format;
    QJsonObject options;
    QJsonArray objects() const { return m_objects; }
    void setObjects(const QJsonArray &a) { m_objects = a; }
    QDateTime started;
    qint64 durationMs = 0;
    qint64 size = 0;
    ArchiveDigest digest; // `sha256` in the JSON: the archive's, or the chunks' root
    QString command; // without any password

    QJsonObject toJson() const;
    static Result<BackupManifest> fromJson(const QJsonObject &o);

    static QString manifestPath(const QString &backupPath);
    Status write() const;
    static Result<BackupManifest> read(const QString &backupPath);

private:
    QJsonArray m_objects;
};

} // namespace strata::core

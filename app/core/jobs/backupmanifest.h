#pragma once

#include "result.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <functional>

namespace strata::core {

// The JSON written beside each backup ("X.dump" -> "X.dump.manifest.json"): what was dumped, by
// which tools from which server, and the SHA-256 that `verify` checks.
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
    QString sha256;
    QString command; // without any password

    QJsonObject toJson() const;
    static Result<BackupManifest> fromJson(const QJsonObject &o);

    static QString manifestPath(const QString &backupPath);
    Status write() const;
    static Result<BackupManifest> read(const QString &backupPath);

    // SHA-256 of a file, or of a directory archive (each file's relative name, a NUL, and its
    // bytes, in name order). `canceled` is polled and `progress(bytes done, bytes in all)` told
    // between blocks of a megabyte.
    static Result<QString> hash(const QString &path, qint64 *size = nullptr,
        const std::function<bool()> &canceled = {},
        const std::function<void(qint64, qint64)> &progress = {});

private:
    QJsonArray m_objects;
};

} // namespace strata::core

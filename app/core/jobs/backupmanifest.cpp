#include "backupmanifest.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>

#include <openssl/evp.h>

#include <algorithm>
#include <memory>

namespace strata::core {

QJsonObject BackupManifest::toJson() const
{
    QJsonObject o;
    o[QStringLiteral("manifest_version")] = 1;
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
    o[QStringLiteral("sha256")] = sha256;
    o[QStringLiteral("command")] = command;
    return o;
}

Result<BackupManifest> BackupManifest::fromJson(const QJsonObject &o)
{
    if (o.value(QStringLiteral("manifest_version")).toInt() != 1)
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
    m.sha256 = o.value(QStringLiteral("sha256")).toString();
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

Result<QString> BackupManifest::hash(const QString &pathIn, qint64 *size,
    const std::function<bool()> &canceled, const std::function<void(qint64, qint64)> &progress)
{
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> h(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    if (!h || EVP_DigestInit_ex(h.get(), EVP_sha256(), nullptr) != 1)
        return Error(
            Error::Kind::Internal, QStringLiteral("SHA-256 is not available (libcrypto)."));
    auto add = [&h](const char *data, qint64 n) { EVP_DigestUpdate(h.get(), data, size_t(n)); };
    // Absolute: a directory's files are named relative to it, which needs it absolute (a
    // relative "x.dir" made every file "x.dir/x.dir/...").
    const QString path = QFileInfo(pathIn).absoluteFilePath();
    qint64 total = 0;
    qint64 all = 0; // the bytes to read, for progress
    auto addFile = [&](const QString &file) -> Status {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly))
            return Error(Error::Kind::Io,
                QStringLiteral("Could not read %1: %2").arg(file, f.errorString()));
        QByteArray buf(1 << 20, Qt::Uninitialized);
        while (true) {
            if (canceled && canceled())
                return Error(Error::Kind::Canceled, QStringLiteral("Cancelled."));
            const qint64 n = f.read(buf.data(), buf.size());
            if (n < 0)
                return Error(Error::Kind::Io,
                    QStringLiteral("Could not read %1: %2").arg(file, f.errorString()));
            if (n == 0)
                break;
            add(buf.constData(), n);
            total += n;
            if (progress)
                progress(total, all);
        }
        return Ok {};
    };
    const QFileInfo fi(path);
    if (fi.isDir()) {
        QStringList files;
        QDirIterator it(path, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext())
            files << QDir(path).relativeFilePath(it.next());
        std::sort(files.begin(), files.end());
        for (const QString &rel : files)
            all += QFileInfo(QDir(path).filePath(rel)).size();
        for (const QString &rel : files) {
            const QByteArray name = rel.toUtf8();
            add(name.constData(), name.size());
            add("\0", 1);
            auto s = addFile(QDir(path).filePath(rel));
            if (!s)
                return s.error();
        }
    } else {
        all = fi.size();
        auto s = addFile(path);
        if (!s)
            return s.error();
    }
    if (size)
        *size = total;
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_DigestFinal_ex(h.get(), digest, &length);
    return QString::fromLatin1(
        QByteArray(reinterpret_cast<const char *>(digest), int(length)).toHex());
}

} // namespace strata::core

#include "profilestore.h"

#include <QSettings>

#include <memory>

namespace strata::core {

ProfileStore::ProfileStore(QString settingsFile) : m_file(std::move(settingsFile)) { }

std::unique_ptr<QSettings> ProfileStore::settings() const
{
    if (m_file.isEmpty())
        return std::make_unique<QSettings>();
    return std::make_unique<QSettings>(m_file, QSettings::IniFormat);
}

QString ProfileStore::fileName() const
{
    return settings()->fileName();
}

QList<ConnectionProfile> ProfileStore::load() const
{
    auto s = settings();
    QList<ConnectionProfile> out;
    s->beginGroup(QStringLiteral("profiles"));
    for (const QString &id : s->childGroups()) {
        s->beginGroup(id);
        ConnectionProfile p;
        p.id = id;
        p.name = s->value(QStringLiteral("name")).toString();
        p.host = s->value(QStringLiteral("host")).toString();
        p.port = s->value(QStringLiteral("port"), 0).toInt();
        p.database = s->value(QStringLiteral("database")).toString();
        p.user = s->value(QStringLiteral("user")).toString();
        p.sslMode = s->value(QStringLiteral("sslmode")).toString();
        p.sslCert = s->value(QStringLiteral("sslcert")).toString();
        p.sslKey = s->value(QStringLiteral("sslkey")).toString();
        p.sslRootCert = s->value(QStringLiteral("sslrootcert")).toString();
        p.service = s->value(QStringLiteral("service")).toString();
        p.extraOptions = s->value(QStringLiteral("options")).toString();
        p.toolsDir = s->value(QStringLiteral("tools_dir")).toString();
        p.dockerContainer = s->value(QStringLiteral("docker_container")).toString();
        p.migrationsDir = s->value(QStringLiteral("migrations_dir")).toString();
        p.rememberPassword = s->value(QStringLiteral("remember_password"), true).toBool();
        s->endGroup();
        out.append(p);
    }
    s->endGroup();
    std::sort(out.begin(), out.end(), [](const ConnectionProfile &a, const ConnectionProfile &b) {
        return a.name.localeAwareCompare(b.name) < 0;
    });
    return out;
}

void ProfileStore::save(const ConnectionProfile &p)
{
    auto s = settings();
    s->beginGroup(QStringLiteral("profiles/") + p.id);
    s->setValue(QStringLiteral("name"), p.name);
    s->setValue(QStringLiteral("host"), p.host);
    s->setValue(QStringLiteral("port"), p.port);
    s->setValue(QStringLiteral("database"), p.database);
    s->setValue(QStringLiteral("user"), p.user);
    s->setValue(QStringLiteral("sslmode"), p.sslMode);
    s->setValue(QStringLiteral("sslcert"), p.sslCert);
    s->setValue(QStringLiteral("sslkey"), p.sslKey);
    s->setValue(QStringLiteral("sslrootcert"), p.sslRootCert);
    s->setValue(QStringLiteral("service"), p.service);
    s->setValue(QStringLiteral("options"), p.extraOptions);
    s->setValue(QStringLiteral("tools_dir"), p.toolsDir);
    s->setValue(QStringLiteral("docker_container"), p.dockerContainer);
    s->setValue(QStringLiteral("migrations_dir"), p.migrationsDir);
    s->setValue(QStringLiteral("remember_password"), p.rememberPassword);
    s->endGroup();
    s->sync();
}

void ProfileStore::remove(const QString &id)
{
    auto s = settings();
    s->remove(QStringLiteral("profiles/") + id);
    s->sync();
}

} // namespace strata::core

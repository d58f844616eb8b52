#include "connectionprofile.h"

#include <QUuid>

namespace strata::core {

conninfo::Params ConnectionProfile::toParams() const
{
    conninfo::Params p;
    auto add = [&p](const char *key, const QString &v) {
        if (!v.isEmpty())
            p.append({ QString::fromLatin1(key), v });
    };
    add("service", service);
    add("host", host);
    if (port > 0)
        add("port", QString::number(port));
    add("dbname", database);
    add("user", user);
    add("sslmode", sslMode);
    add("sslcert", sslCert);
    add("sslkey", sslKey);
    add("sslrootcert", sslRootCert);
    if (!extraOptions.trimmed().isEmpty()) {
        auto extra = conninfo::parse(extraOptions);
        if (extra) {
            for (const auto &[k, v] : extra.value())
                if (k != QLatin1String("password"))
                    conninfo::set(p, k, v);
        }
    }
    return p;
}

QString ConnectionProfile::toConnInfo() const
{
    return conninfo::format(toParams());
}

QString ConnectionProfile::displayTarget() const
{
    if (!service.isEmpty() && host.isEmpty())
        return QStringLiteral("service=%1").arg(service);
    QString s;
    if (!user.isEmpty())
        s += user + u'@';
    s += host.isEmpty() ? QStringLiteral("local socket") : host;
    if (port > 0)
        s += u':' + QString::number(port);
    if (!database.isEmpty())
        s += u'/' + database;
    return s;
}

Result<ConnectionProfile> ConnectionProfile::fromConnInfo(const QString &text, QString *password)
{
    auto parsed = conninfo::parse(text);
    if (!parsed)
        return parsed.error();
    ConnectionProfile p;
    p.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    conninfo::Params extra;
    for (const auto &[k, v] : parsed.value()) {
        if (k == QLatin1String("host") || k == QLatin1String("hostaddr")) {
            if (k == QLatin1String("host") || p.host.isEmpty())
                p.host = v;
            if (k == QLatin1String("hostaddr"))
                extra.append({ k, v });
        } else if (k == QLatin1String("port")) {
            bool ok = false;
            int n = v.toInt(&ok);
            if (ok && n > 0 && n < 65536)
                p.port = n;
            else
                extra.append({ k, v }); // several ports for several hosts: keep as libpq wrote it
        } else if (k == QLatin1String("dbname")) {
            p.database = v;
        } else if (k == QLatin1String("user")) {
            p.user = v;
        } else if (k == QLatin1String("sslmode")) {
            p.sslMode = v;
        } else if (k == QLatin1String("sslcert")) {
            p.sslCert = v;
        } else if (k == QLatin1String("sslkey")) {
            p.sslKey = v;
        } else if (k == QLatin1String("sslrootcert")) {
            p.sslRootCert = v;
        } else if (k == QLatin1String("service")) {
            p.service = v;
        } else if (k == QLatin1String("password")) {
            if (password)
                *password = v;
        } else {
            extra.append({ k, v });
        }
    }
    p.extraOptions = conninfo::format(extra);
    p.name = p.displayTarget();
    return p;
}

} // namespace strata::core

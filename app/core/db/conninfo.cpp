#include "conninfo.h"

#include <libpq-fe.h>

#include <QSet>

namespace strata::core::conninfo {

Result<Params> parse(const QString &text)
{
    char *err = nullptr;
    const QByteArray utf8 = text.trimmed().toUtf8();
    PQconninfoOption *opts = PQconninfoParse(utf8.constData(), &err);
    if (!opts) {
        QString msg = err ? QString::fromUtf8(err).trimmed()
                          : QStringLiteral("out of memory while parsing the connection string");
        if (err)
            PQfreemem(err);
        return Error(Error::Kind::InvalidInput,
            QStringLiteral("The connection string is not valid: %1").arg(msg),
            QStringLiteral("Use key=value pairs (host=db.example.com port=5432 "
                           "dbname=app user=me) or a postgresql:// URI."));
    }
    Params out;
    for (PQconninfoOption *o = opts; o->keyword; ++o) {
        if (o->val)
            out.append({ QString::fromUtf8(o->keyword), QString::fromUtf8(o->val) });
    }
    PQconninfoFree(opts);
    return out;
}

QString quoteValue(const QString &value)
{
    bool plain = !value.isEmpty();
    for (QChar c : value) {
        if (c.isSpace() || c == u'\'' || c == u'\\' || c == u'=') {
            plain = false;
            break;
        }
    }
    if (plain)
        return value;
    QString q = value;
    q.replace(u'\\', QStringLiteral("\\\\"));
    q.replace(u'\'', QStringLiteral("\\'"));
    return u'\'' + q + u'\'';
}

QString format(const Params &params)
{
    QStringList parts;
    for (const auto &[k, v] : params)
        parts << k + u'=' + quoteValue(v);
    return parts.join(u' ');
}

QString value(const Params &params, const QString &key)
{
    for (const auto &p : params)
        if (p.first == key)
            return p.second;
    return {};
}

void set(Params &params, const QString &key, const QString &val)
{
    for (auto &p : params) {
        if (p.first == key) {
            p.second = val;
            return;
        }
    }
    params.append({ key, val });
}

void remove(Params &params, const QString &key)
{
    params.removeIf([&](const Param &p) { return p.first == key; });
}

QString redacted(const QString &text)
{
    auto parsed = parse(text);
    if (!parsed)
        return QStringLiteral("<unparsable connection string>");
    Params p = parsed.value();
    remove(p, QStringLiteral("password"));
    return format(p);
}

bool isKnownKeyword(const QString &key)
{
    static const QSet<QString> known = [] {
        QSet<QString> s;
        PQconninfoOption *d = PQconndefaults();
        for (PQconninfoOption *o = d; o && o->keyword; ++o)
            s.insert(QString::fromUtf8(o->keyword));
        if (d)
            PQconninfoFree(d);
        return s;
    }();
    return known.contains(key);
}

} // namespace strata::core::conninfo

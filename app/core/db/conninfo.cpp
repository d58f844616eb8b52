#include "conninfo.h"

#include <libpq-fe.h>

#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace strata::core::conninfo {

namespace {

// The password as written in a connection string (a URI's user:password@, its ?password=, or
// password=... among key=value pairs), in every spelling libpq's message might quote it.
QStringList writtenPasswords(const QString &text)
{
    QStringList found;
    static const QRegularExpression uri(QStringLiteral("^\\s*postgres(?:ql)?://([^/?#]*)@"));
    if (const auto m = uri.match(text); m.hasMatch()) {
        const QString userinfo = m.captured(1);
        const qsizetype colon = userinfo.indexOf(u':');
        if (colon >= 0)
            found << userinfo.mid(colon + 1);
    }
    static const QRegularExpression keyword(
        QStringLiteral("(?:^|[\\s?&])password\\s*=\\s*('(?:[^'\\\\]|\\\\.)*'?|[^\\s&]+)"));
    auto it = keyword.globalMatch(text);
    while (it.hasNext()) {
        QString v = it.next().captured(1);
        found << v;
        if (v.startsWith(u'\''))
            found << v.mid(1).chopped(v.endsWith(u'\'') && v.size() > 1 ? 1 : 0);
    }
    QStringList all;
    for (const QString &p : found) {
        if (p.isEmpty())
            continue;
        all << p << QString::fromUtf8(QByteArray::fromPercentEncoding(p.toUtf8()));
    }
    // Longest first: a shorter spelling inside a longer one is replaced with it.
    std::sort(all.begin(), all.end(),
        [](const QString &a, const QString &b) { return a.size() > b.size(); });
    return all;
}

} // namespace

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
        // libpq quotes the part it could not read, which can be the password itself.
        for (const QString &secret : writtenPasswords(text))
            msg.replace(secret, QStringLiteral("********"));
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

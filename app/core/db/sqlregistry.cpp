#include "sqlregistry.h"

#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>

#include <algorithm>

namespace strata::core {

namespace {

const QRegularExpression &placeholderRe()
{
    static const QRegularExpression re(QStringLiteral("\\{\\{([a-z_]+)\\}\\}"));
    return re;
}

// The text without its comment lines (a comment may mention a placeholder or a %).
QString codeLines(const QString &text)
{
    QStringList out;
    for (const QString &line : text.split(u'\n'))
        if (!line.trimmed().startsWith(QLatin1String("--")))
            out << line;
    return out.join(u'\n');
}

} // namespace

const SqlRegistry &SqlRegistry::instance()
{
    static const SqlRegistry registry;
    return registry;
}

SqlRegistry::SqlRegistry()
{
    static const QRegularExpression variantRe(QStringLiteral("^(.*)\\.pg(\\d+)$"));
    QDirIterator it(QStringLiteral(":/sql"), { QStringLiteral("*.sql") }, QDir::Files,
        QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        m_files << path;
        QString name = path.mid(6); // strip ":/sql/"
        name.chop(4); // ".sql"
        int minMajor = 0;
        if (auto m = variantRe.match(name); m.hasMatch()) {
            name = m.captured(1);
            minMajor = m.captured(2).toInt();
        }
        const QString text = QString::fromUtf8(f.readAll());
        m_problems << problemsIn(path.mid(6), text);
        m_statements[name].append({ minMajor, text });
    }
    for (auto &variants : m_statements)
        std::sort(variants.begin(), variants.end(),
            [](const Variant &a, const Variant &b) { return a.minMajor > b.minMajor; });
    m_files.sort();
}

QStringList SqlRegistry::problemsIn(const QString &file, const QString &text)
{
    QStringList problems;
    if (file.startsWith(QLatin1String("demo/")))
        return problems; // seed scripts, run whole by the demo
    const QString code = codeLines(text);
    static const QRegularExpression positional(QStringLiteral("%\\d"));
    if (code.contains(positional))
        problems << QStringLiteral("%1: %N is not a placeholder; use {{name}}").arg(file);
    QString rest = code;
    rest.remove(placeholderRe());
    if (rest.contains(QLatin1String("{{")) || rest.contains(QLatin1String("}}")))
        problems << QStringLiteral("%1: a placeholder is {{name}}, in lower case").arg(file);
    const QStringList used = placeholders(code);
    const QString fix = fixture(text);
    for (const QString &p : placeholders(fix))
        if (!used.contains(p))
            problems << QStringLiteral("%1: the fixture fills {{%2}}, which the statement does "
                                       "not use")
                            .arg(file, p);
    return problems;
}

QString SqlRegistry::text(const QString &name, int serverMajor) const
{
    const auto it = m_statements.constFind(name);
    if (it == m_statements.cend())
        return {};
    for (const Variant &v : *it)
        if (v.minMajor <= serverMajor)
            return v.text;
    return {};
}

bool SqlRegistry::contains(const QString &name) const
{
    return m_statements.contains(name);
}

QStringList SqlRegistry::allFiles() const
{
    return m_files;
}

QStringList SqlRegistry::placeholders(const QString &text)
{
    QStringList out;
    auto it = placeholderRe().globalMatch(codeLines(text));
    while (it.hasNext()) {
        const QString name = it.next().captured(1);
        if (!out.contains(name))
            out << name;
    }
    return out;
}

Result<QString> SqlRegistry::fill(const QString &text, const SqlIdentifiers &identifiers,
    const std::function<QString(const QString &)> &quote)
{
    const QStringList wanted = placeholders(text);
    QHash<QString, QString> values;
    for (const SqlIdentifier &id : identifiers) {
        if (!wanted.contains(id.placeholder))
            continue; // a caller may offer names that only some variants use
        if (id.parts.isEmpty())
            return Error(Error::Kind::Internal,
                QStringLiteral("No name was given for {{%1}}.").arg(id.placeholder));
        QStringList quoted;
        for (const QString &part : id.parts)
            quoted << quote(part);
        values.insert(id.placeholder, quoted.join(u'.'));
    }
    for (const QString &w : wanted)
        if (!values.contains(w))
            return Error(
                Error::Kind::Internal, QStringLiteral("No name was given for {{%1}}.").arg(w));
    QString out;
    out.reserve(text.size());
    qsizetype from = 0;
    auto it = placeholderRe().globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        out += QStringView(text).mid(from, m.capturedStart() - from);
        // A placeholder inside a comment line is left as it is.
        const qsizetype lineStart = text.lastIndexOf(u'\n', m.capturedStart()) + 1;
        const bool inComment
            = QStringView(text).mid(lineStart).trimmed().startsWith(QLatin1String("--"));
        out += inComment ? m.captured(0) : values.value(m.captured(1));
        from = m.capturedEnd();
    }
    out += QStringView(text).mid(from);
    return out;
}

QString SqlRegistry::fixture(const QString &text)
{
    static const QLatin1String marker("-- strata:fixture:");
    QStringList out;
    for (const QString &line : text.split(u'\n'))
        if (line.startsWith(marker))
            out << line.mid(marker.size()).trimmed();
    return out.join(u'\n');
}

} // namespace strata::core

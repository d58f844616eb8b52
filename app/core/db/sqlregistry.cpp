#include "sqlregistry.h"

#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>

#include <algorithm>

namespace strata::core {

const SqlRegistry &SqlRegistry::instance()
{
    static const SqlRegistry registry;
    return registry;
}

SqlRegistry::SqlRegistry()
{
    static const QRegularExpression variantRe(QStringLiteral("^(.*)\\.pg(\\d+)$"));
    QDirIterator it(QStringLiteral(":/sql"), {QStringLiteral("*.sql")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        m_files << path;
        QString name = path.mid(6); // strip ":/sql/"
        name.chop(4);                // ".sql"
        int minMajor = 0;
        if (auto m = variantRe.match(name); m.hasMatch()) {
            name = m.captured(1);
            minMajor = m.captured(2).toInt();
        }
        m_statements[name].append({minMajor, QString::fromUtf8(f.readAll())});
    }
    for (auto &variants : m_statements)
        std::sort(variants.begin(), variants.end(),
                  [](const Variant &a, const Variant &b) { return a.minMajor > b.minMajor; });
    m_files.sort();
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

} // namespace strata::core

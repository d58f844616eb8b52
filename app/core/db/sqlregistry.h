#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

namespace strata::core {

// The statements in sql/, compiled in as resources under ":/sql". A name is the path without the
// extension ("catalog/relations"); version variants sit beside it ("stats/sessions.pg17.sql") and
// the newest variant not newer than the server wins.
class SqlRegistry
{
public:
    static const SqlRegistry &instance();

    // The statement text for a server of this major version; empty when there is no such file.
    QString text(const QString &name, int serverMajor = 99) const;
    bool contains(const QString &name) const;
    // Every file, as resource paths (":/sql/catalog/relations.sql"), for the PREPARE test.
    QStringList allFiles() const;

private:
    SqlRegistry();
    struct Variant
    {
        int minMajor; // 0 for the base file
        QString text;
    };
    QHash<QString, QList<Variant>> m_statements;
    QStringList m_files;
};

} // namespace strata::core

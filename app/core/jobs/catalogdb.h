#pragma once

#include "result.h"

#include <QSqlQuery>
#include <QString>
#include <QVariantMap>

namespace strata::core {

// One connection to the local backup catalog (SQLite) for one call, on the calling thread:
// opened, brought to the newest schema (keeping what an older Strata recorded), and closed and
// removed again when it goes. Statements come from sql/local/ by name ("local/list_backups"),
// their :name parameters bound from a map.
class CatalogDb
{
public:
    explicit CatalogDb(const QString &path);
    ~CatalogDb();
    CatalogDb(const CatalogDb &) = delete;
    CatalogDb &operator=(const CatalogDb &) = delete;

    // Set when the catalog could not be opened or migrated; nothing else works then.
    const Error &error() const { return m_error; }
    bool ok() const { return !m_error.isError(); }

    // The statement run with its parameters, positioned before its first row.
    Result<QSqlQuery> run(const QString &name, const QVariantMap &params = {});
    // A write of several statements in one transaction (the write lock taken at once).
    Status begin();
    Status commit();
    void rollback();

    // The schema version this Strata writes, and the version the file had when opened (0: new
    // or made by Strata 0.1).
    static int newestVersion();
    int versionFound() const { return m_versionFound; }

private:
    Status migrate();
    Error failure(const QString &what, const QString &detail) const;

    QString m_path;
    QString m_name;
    Error m_error;
    int m_versionFound = 0;
};

} // namespace strata::core

#include "catalogdb.h"

#include "db/sqlregistry.h"

#include <QAtomicInt>
#include <QDir>
#include <QFileInfo>
#include <QMap>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>

namespace strata::core {

namespace {

QAtomicInt s_counter;

// The schema's steps: sql/local/create_<version><letter>_*.sql, run in name order for each
// version above the file's. A new version is new files; no C++ list to keep in step.
const QMap<int, QStringList> &schemaSteps()
{
    static const QMap<int, QStringList> steps = [] {
        QMap<int, QStringList> out;
        static const QRegularExpression re(
            QStringLiteral("^:/sql/(local/create_(\\d+)[^/]*)\\.sql$"));
        for (const QString &f : SqlRegistry::instance().allFiles())
            if (const auto m = re.match(f); m.hasMatch())
                out[m.captured(2).toInt()] << m.captured(1);
        for (QStringList &files : out)
            files.sort();
        return out;
    }();
    return steps;
}

} // namespace

int CatalogDb::newestVersion()
{
    return schemaSteps().isEmpty() ? 0 : schemaSteps().lastKey();
}

CatalogDb::CatalogDb(const QString &path)
    : m_path(path),
      m_name(QStringLiteral("strata-backup-catalog-%1").arg(s_counter.fetchAndAddRelaxed(1)))
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
    db.setDatabaseName(path);
    // The window and a scheduled run may write at the same moment: wait for the other's lock.
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=15000"));
    if (!db.open()) {
        m_error = Error(Error::Kind::Io,
            QStringLiteral("Could not open the backup catalog %1: %2")
                .arg(path, db.lastError().text()),
            QStringLiteral("Check that the folder is writable."));
        return;
    }
    if (auto s = migrate(); !s)
        m_error = s.error();
}

CatalogDb::~CatalogDb()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_name);
}

Error CatalogDb::failure(const QString &what, const QString &detail) const
{
    return Error(Error::Kind::Io,
        QStringLiteral("The backup catalog %1: %2 failed: %3").arg(m_path, what, detail),
        QStringLiteral("Check that the disk has room and the file is not damaged; another "
                       "Strata may be holding it locked."));
}

Result<QSqlQuery> CatalogDb::run(const QString &name, const QVariantMap &params)
{
    if (m_error.isError())
        return m_error;
    const QString text = SqlRegistry::instance().text(name);
    if (text.isEmpty())
        return Error(Error::Kind::Internal, QStringLiteral("No statement %1.").arg(name));
    QSqlQuery q(QSqlDatabase::database(m_name, false));
    if (!q.prepare(text))
        return failure(name, q.lastError().text());
    for (auto it = params.cbegin(); it != params.cend(); ++it) {
        const QRegularExpression used(u':' + it.key() + QStringLiteral("\\b"));
        if (text.contains(used))
            q.bindValue(u':' + it.key(), it.value());
    }
    if (!q.exec())
        return failure(name, q.lastError().text());
    return q;
}

Status CatalogDb::begin()
{
    auto r = run(QStringLiteral("local/begin_write"));
    if (!r)
        return r.error();
    return Ok {};
}

Status CatalogDb::commit()
{
    auto r = run(QStringLiteral("local/commit"));
    if (!r)
        return r.error();
    return Ok {};
}

void CatalogDb::rollback()
{
    run(QStringLiteral("local/rollback"));
}

Status CatalogDb::migrate()
{
    auto readVersion = [this]() -> Result<int> {
        auto v = run(QStringLiteral("local/schema_version"));
        if (!v)
            return v.error();
        return v->next() ? v->value(0).toInt() : 0;
    };
    auto version = readVersion();
    if (!version)
        return version.error();
    m_versionFound = version.value();
    if (version.value() >= newestVersion())
        return Ok {};
    if (auto b = begin(); !b)
        return b.error();
    version = readVersion(); // another program may have migrated it meanwhile
    if (!version) {
        rollback();
        return version.error();
    }
    for (auto it = schemaSteps().cbegin(); it != schemaSteps().cend(); ++it) {
        if (it.key() <= version.value())
            continue;
        for (const QString &step : it.value()) {
            if (auto r = run(step); !r) {
                rollback();
                Error e = r.error();
                e.message = QStringLiteral("Could not bring the backup catalog %1 to version %2 "
                                           "(%3): %4")
                                .arg(m_path)
                                .arg(it.key())
                                .arg(step, e.message);
                return e;
            }
        }
    }
    return commit();
}

} // namespace strata::core

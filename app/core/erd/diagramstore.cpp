#include "erd/diagramstore.h"

#include "db/sqlregistry.h"

#include <QAtomicInt>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>

namespace strata::core {

namespace {

QAtomicInt s_counter;

QString keyOf(const QString &name, const ErdScope &scope)
{
    return name.isEmpty() ? QStringLiteral("scope:") + QString::fromUtf8(scope.toJson())
                          : QStringLiteral("name:") + name;
}

// A connection for one call, closed and removed when the call ends; the tables made on open.
class StoreConnection
{
public:
    explicit StoreConnection(const QString &path)
        : m_name(QStringLiteral("strata-diagrams-%1").arg(s_counter.fetchAndAddRelaxed(1)))
    {
        QDir().mkpath(QFileInfo(path).absolutePath());
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        if (!db.open()) {
            m_error = Error(Error::Kind::Io,
                QStringLiteral("Could not open the diagram store %1: %2")
                    .arg(path, db.lastError().text()),
                QStringLiteral("Check that the folder is writable."));
            return;
        }
        for (const char *create : { "create_diagrams", "create_diagram_positions" })
            if (auto q = run(QLatin1String(create), {}); !q)
                m_error = q.error();
    }
    ~StoreConnection()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    const Error &error() const { return m_error; }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }

    // A statement of sql/local/diagrams/ with its :name values bound.
    Result<QSqlQuery> run(const QString &statement, const QVariantMap &values)
    {
        QSqlQuery q(db());
        const QString text
            = SqlRegistry::instance().text(QStringLiteral("local/diagrams/") + statement);
        if (!q.prepare(text)) {
            return Error(Error::Kind::Io,
                QStringLiteral("The diagram store cannot run %1: %2")
                    .arg(statement, q.lastError().text()));
        }
        for (auto it = values.cbegin(); it != values.cend(); ++it)
            q.bindValue(u':' + it.key(), it.value());
        if (!q.exec())
            return Error(Error::Kind::Io,
                QStringLiteral("The diagram store could not %1: %2")
                    .arg(statement, q.lastError().text()));
        return q;
    }

private:
    QString m_name;
    Error m_error;
};

} // namespace

QString DiagramStore::defaultPath()
{
    const QString env = qEnvironmentVariable("STRATA_DIAGRAM_STORE");
    if (!env.isEmpty())
        return env;
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
        + QStringLiteral("/diagrams.sqlite");
}

QString DiagramStore::targetOf(const ConnectionProfile &p)
{
    if (!p.service.isEmpty() && p.host.isEmpty())
        return QStringLiteral("service=%1/%2").arg(p.service, p.database);
    return QStringLiteral("%1:%2/%3")
        .arg(p.host.isEmpty() ? QStringLiteral("socket") : p.host)
        .arg(p.port > 0 ? p.port : 5432)
        .arg(p.database);
}

DiagramStore::DiagramStore(QString path) : m_path(std::move(path)) { }

Result<QStringList> DiagramStore::names(const QString &target) const
{
    StoreConnection c(m_path);
    if (c.error().isError())
        return c.error();
    auto q = c.run(QStringLiteral("names"), { { QStringLiteral("target"), target } });
    if (!q)
        return q.error();
    QStringList out;
    while (q->next())
        out << q->value(0).toString();
    return out;
}

Result<SavedDiagram> DiagramStore::load(
    const QString &target, const QString &name, const ErdScope &scope) const
{
    StoreConnection c(m_path);
    if (c.error().isError())
        return c.error();
    SavedDiagram out { name, scope, {} };
    auto q = c.run(QStringLiteral("find"),
        { { QStringLiteral("target"), target }, { QStringLiteral("key"), keyOf(name, scope) } });
    if (!q)
        return q.error();
    if (!q->next())
        return out;
    const qint64 id = q->value(0).toLongLong();
    out.scope = ErdScope::fromJson(q->value(2).toString().toUtf8());
    auto p = c.run(QStringLiteral("positions"), { { QStringLiteral("id"), id } });
    if (!p)
        return p.error();
    while (p->next())
        out.positions.insert({ p->value(0).toString(), p->value(1).toString() },
            QPointF(p->value(2).toDouble(), p->value(3).toDouble()));
    return out;
}

Status DiagramStore::save(const QString &target, const SavedDiagram &d) const
{
    StoreConnection c(m_path);
    if (c.error().isError())
        return c.error();
    const QString key = keyOf(d.name, d.scope);
    c.db().transaction();
    auto up = c.run(QStringLiteral("upsert"),
        { { QStringLiteral("target"), target }, { QStringLiteral("key"), key },
            { QStringLiteral("name"), d.name.isEmpty() ? QStringLiteral("") : d.name }, // not NULL
            { QStringLiteral("scope"), QString::fromUtf8(d.scope.toJson()) },
            { QStringLiteral("updated_at"),
                QDateTime::currentDateTimeUtc().toString(Qt::ISODate) } });
    auto found = up ? c.run(QStringLiteral("find"),
                     { { QStringLiteral("target"), target }, { QStringLiteral("key"), key } })
                    : Result<QSqlQuery>(up.error());
    if (!found || !found->next()) {
        c.db().rollback();
        return found ? Error(Error::Kind::Io, QStringLiteral("The diagram was not saved."))
                     : found.error();
    }
    const qint64 id = found->value(0).toLongLong();
    auto cleared = c.run(QStringLiteral("clear_positions"), { { QStringLiteral("id"), id } });
    for (auto it = d.positions.cbegin(); cleared && it != d.positions.cend(); ++it) {
        auto added = c.run(QStringLiteral("add_position"),
            { { QStringLiteral("id"), id }, { QStringLiteral("schema_name"), it.key().schema },
                { QStringLiteral("table_name"), it.key().name },
                { QStringLiteral("x"), it.value().x() }, { QStringLiteral("y"), it.value().y() } });
        if (!added) {
            c.db().rollback();
            return added.error();
        }
    }
    if (!cleared) {
        c.db().rollback();
        return cleared.error();
    }
    c.db().commit();
    return Ok {};
}

Status DiagramStore::remove(const QString &target, const QString &name) const
{
    StoreConnection c(m_path);
    if (c.error().isError())
        return c.error();
    auto q = c.run(QStringLiteral("find"),
        { { QStringLiteral("target"), target }, { QStringLiteral("key"), keyOf(name, {}) } });
    if (!q)
        return q.error();
    if (!q->next())
        return Ok {};
    const qint64 id = q->value(0).toLongLong();
    if (auto p = c.run(QStringLiteral("clear_positions"), { { QStringLiteral("id"), id } }); !p)
        return p.error();
    if (auto d = c.run(QStringLiteral("delete"), { { QStringLiteral("id"), id } }); !d)
        return d.error();
    return Ok {};
}

} // namespace strata::core

#include "migrationlock.h"

#include "db/session.h"

#include <libpq-fe.h>

namespace strata::core {

MigrationLock::MigrationLock(SessionContext &ctx, QString historyTable)
    : m_ctx(ctx), m_table(std::move(historyTable))
{
}

MigrationLock::~MigrationLock()
{
    if (!m_held)
        return;
    if (PGconn *c = m_ctx.pg()) {
        const auto st = PQtransactionStatus(c);
        if (st == PQTRANS_INTRANS || st == PQTRANS_INERROR)
            PQclear(PQexec(c, "ROLLBACK"));
    }
    m_ctx.exec(QStringLiteral("migrations/runner/unlock"), { m_table });
}

bool MigrationLock::acquire(Error *error)
{
    auto r = m_ctx.exec(QStringLiteral("migrations/runner/try_lock"), { m_table });
    if (!r) {
        *error = r.error();
        return false;
    }
    m_held = r->rows() > 0 && r->toBool(0, 0);
    if (!m_held)
        *error = Error(Error::Kind::InvalidInput,
            QStringLiteral("Another Strata is applying migrations to this database now "
                           "(it holds the lock on %1); nothing was run.")
                .arg(m_table),
            QStringLiteral("Wait for it to finish (pg_stat_activity shows it with "
                           "application_name 'strata migrations'), then apply again."));
    return m_held;
}

} // namespace strata::core

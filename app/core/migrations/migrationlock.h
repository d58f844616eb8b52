#pragma once

#include "result.h"

#include <QString>

namespace strata::core {

class SessionContext;

// One Strata at a time applies migrations to a database: a session-level advisory lock keyed on
// the history table's oid, held for a whole real run and released however the run ends (an open
// transaction is rolled back first so the unlock can run).
class MigrationLock
{
public:
    // historyTable: quoted and schema-qualified, as regclass reads it.
    MigrationLock(SessionContext &ctx, QString historyTable);
    ~MigrationLock();
    MigrationLock(const MigrationLock &) = delete;
    MigrationLock &operator=(const MigrationLock &) = delete;

    // false and *error when another session holds it (or the lock could not be asked for).
    bool acquire(Error *error);

private:
    SessionContext &m_ctx;
    QString m_table;
    bool m_held = false;
};

} // namespace strata::core

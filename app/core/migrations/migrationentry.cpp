#include "migrationentry.h"

namespace strata::core {

QString migrationStateName(MigrationState state)
{
    switch (state) {
    case MigrationState::Applied:
        return QStringLiteral("applied");
    case MigrationState::Failed:
        return QStringLiteral("failed");
    case MigrationState::Dirty:
        return QStringLiteral("dirty");
    case MigrationState::RolledBack:
        return QStringLiteral("rolled_back");
    case MigrationState::Running:
        return QStringLiteral("running");
    case MigrationState::Baseline:
        return QStringLiteral("baseline");
    case MigrationState::Deleted:
        return QStringLiteral("deleted");
    case MigrationState::Pending:
        return QStringLiteral("pending");
    case MigrationState::Missing:
        return QStringLiteral("missing");
    case MigrationState::Changed:
        return QStringLiteral("changed");
    case MigrationState::Unknown:
        return QStringLiteral("unknown");
    }
    return QStringLiteral("unknown");
}

QString migrationStateLabel(MigrationState state)
{
    switch (state) {
    case MigrationState::RolledBack:
        return QStringLiteral("rolled back");
    case MigrationState::Running:
        return QStringLiteral("running / unfinished");
    case MigrationState::Unknown:
        return QStringLiteral("cannot tell");
    default:
        return migrationStateName(state);
    }
}

} // namespace strata::core

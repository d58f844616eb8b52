#include "workspacepages.h"

#include "migrationspage.h"
#include "overviewpage.h"
#include "placeholderpage.h"

namespace strata::ui {

QList<WorkspacePage *> createWorkspacePages(AppContext *context)
{
    return {
        new OverviewPage(context),
        new PlaceholderPage(context, QStringLiteral("schema"), QStringLiteral("Schema")),
        new MigrationsPage(context),
        new PlaceholderPage(context, QStringLiteral("statistics"), QStringLiteral("Statistics")),
        new PlaceholderPage(context, QStringLiteral("jobs"), QStringLiteral("Backup & restore")),
    };
}

} // namespace strata::ui

#include "workspacepages.h"

#include "overviewpage.h"
#include "placeholderpage.h"
#include "statspage.h"

namespace strata::ui {

QList<WorkspacePage *> createWorkspacePages(AppContext *context)
{
    return {
        new OverviewPage(context),
        new PlaceholderPage(context, QStringLiteral("schema"), QStringLiteral("Schema")),
        new PlaceholderPage(context, QStringLiteral("migrations"), QStringLiteral("Migrations")),
        new StatsPage(context),
        new PlaceholderPage(context, QStringLiteral("jobs"), QStringLiteral("Backup & restore")),
    };
}

} // namespace strata::ui

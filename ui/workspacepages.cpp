#include "workspacepages.h"

#include "jobspage.h"
#include "migrationspage.h"
#include "overviewpage.h"
#include "schemapage.h"
#include "statspage.h"

namespace strata::ui {

QList<WorkspacePage *> createWorkspacePages(AppContext *context)
{
    return {
        new OverviewPage(context),
        new SchemaPage(context),
        new MigrationsPage(context),
        new StatsPage(context),
        new JobsPage(context),
    };
}

} // namespace strata::ui

#include "workspacepages.h"

#include "diagram/diagrampage.h"
#include "jobs/jobspage.h"
#include "migrations/migrationspage.h"
#include "overview/overviewpage.h"
#include "schema/schemapage.h"
#include "stats/statspage.h"

namespace strata::ui {

QList<WorkspacePage *> createWorkspacePages(AppContext *context)
{
    return {
        new OverviewPage(context),
        new SchemaPage(context),
        new DiagramPage(context),
        new MigrationsPage(context),
        new StatsPage(context),
        new JobsPage(context),
    };
}

} // namespace strata::ui

#include "workspacepages.h"

#include "jobspage.h"
#include "overviewpage.h"
#include "placeholderpage.h"
#include "schemapage.h"
#include "statspage.h"

namespace strata::ui {

QList<WorkspacePage *> createWorkspacePages(AppContext *context)
{
    return {
        new OverviewPage(context),
        new SchemaPage(context),
        new PlaceholderPage(context, QStringLiteral("migrations"), QStringLiteral("Migrations")),
        new StatsPage(context),
        new JobsPage(context),
    };
}

} // namespace strata::ui

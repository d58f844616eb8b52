#include "workspacepages.h"

#include "diagram/diagrampage.h"
#include "jobs/jobspage.h"
#include "migrations/migrationspage.h"
#include "overview/overviewpage.h"
#include "schema/schemapage.h"
#include "stats/statspage.h"

namespace strata::ui {

namespace {

template <class Page> WorkspacePageSpec specOf()
{
    return { Page::pageId(), Page::pageTitle(),
        [](AppContext *context) -> WorkspacePage * { return new Page(context); } };
}

} // namespace

QList<WorkspacePageSpec> workspacePageSpecs()
{
    return {
        specOf<OverviewPage>(),
        specOf<SchemaPage>(),
        specOf<DiagramPage>(),
        specOf<MigrationsPage>(),
        specOf<StatsPage>(),
        specOf<JobsPage>(),
    };
}

} // namespace strata::ui

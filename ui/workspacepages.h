#pragma once

#include <QList>
#include <QString>

namespace strata::ui {

class AppContext;
class WorkspacePage;

// One tab of the workspace, known before its page is built: what the tab bar and the View menu
// show, and how to build the page.
struct WorkspacePageSpec
{
    QString id;
    QString title;
    WorkspacePage *(*create)(AppContext *context);
};

// The workspace's tabs, in order. Each feature adds its page here, one line.
QList<WorkspacePageSpec> workspacePageSpecs();

} // namespace strata::ui

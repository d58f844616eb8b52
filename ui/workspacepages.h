#pragma once

#include <QList>

namespace strata::ui {

class AppContext;
class WorkspacePage;

// The workspace's tabs, in order. Each feature adds its page here, one line.
QList<WorkspacePage *> createWorkspacePages(AppContext *context);

} // namespace strata::ui

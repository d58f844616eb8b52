#include "workspacepage.h"

namespace strata::ui {

WorkspacePage::WorkspacePage(AppContext *context, QWidget *parent)
    : QWidget(parent), m_context(context)
{
}

void WorkspacePage::prepareScreenshot()
{
    Q_EMIT screenshotReady();
}

} // namespace strata::ui

#include "workspacepage.h"

namespace strata::ui {

WorkspacePage::WorkspacePage(AppContext *context, QWidget *parent)
    : QWidget(parent), m_context(context)
{
}

} // namespace strata::ui

#include "placeholderpage.h"

#include <QLabel>
#include <QVBoxLayout>

namespace strata::ui {

PlaceholderPage::PlaceholderPage(AppContext *context, QString id, QString title, QWidget *parent)
    : WorkspacePage(context, parent), m_id(std::move(id)), m_title(std::move(title))
{
    auto *layout = new QVBoxLayout(this);
    auto *label = new QLabel(tr("%1 is not part of this build yet.").arg(m_title), this);
    label->setAlignment(Qt::AlignCenter);
    label->setEnabled(false);
    layout->addWidget(label);
}

} // namespace strata::ui

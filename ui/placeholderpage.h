#pragma once

#include "workspacepage.h"

namespace strata::ui {

// Holds a workspace tab's place until its feature lands; says so plainly.
class PlaceholderPage : public WorkspacePage
{
    Q_OBJECT
public:
    PlaceholderPage(AppContext *context, QString id, QString title, QWidget *parent = nullptr);
    QString id() const override { return m_id; }
    QString title() const override { return m_title; }

private:
    QString m_id;
    QString m_title;
};

} // namespace strata::ui

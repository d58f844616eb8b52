#pragma once

#include <QWidget>

namespace strata::ui {

class AppContext;

// One tab of the main window's workspace (overview, schema, migrations, statistics, jobs).
// A page listens to AppContext::connectionChanged and loads what it shows off the GUI thread.
class WorkspacePage : public QWidget
{
    Q_OBJECT
public:
    explicit WorkspacePage(AppContext *context, QWidget *parent = nullptr);

    virtual QString id() const = 0; // "schema"; also the screenshot's file name part
    virtual QString title() const = 0; // "Schema"

    // View > Find (Ctrl+F): puts the keyboard in the page's search or filter box.
    virtual void focusFind() { }
    // View > Refresh (F5): reads again what the page shows.
    virtual void refresh() { }
    // Whether closing the window would abandon work (a running backup): a sentence, or empty.
    virtual QString busyReason() const { return {}; }

protected:
    AppContext *context() const { return m_context; }

private:
    AppContext *m_context;
};

} // namespace strata::ui

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

    // For `strata --screenshot`: put the page in a state worth showing (select something, open
    // details), then emit screenshotReady(). The default is ready at once.
    virtual void prepareScreenshot();
    // Dialogs this page can show, for the screenshots: name -> a dialog built but not shown.
    virtual QList<QPair<QString, QWidget *>> screenshotDialogs() { return {}; }
    // Whether closing the window would abandon work (a running backup): a sentence, or empty.
    virtual QString busyReason() const { return {}; }

protected:
    AppContext *context() const { return m_context; }

Q_SIGNALS:
    void screenshotReady();

private:
    AppContext *m_context;
};

} // namespace strata::ui

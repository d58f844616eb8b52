#pragma once

#include <QObject>

class QWidget;

namespace strata::ui {
class WorkspaceTabs;
}

namespace strata::gui {

// Where the start of the window goes, for `strata-bench startup`: when STRATA_STARTUP_TRACE is
// set, each step prints "strata-startup NAME MS" on stderr (milliseconds since main() began),
// "first_paint" once the main window's first frame is painted and flushed, and
// "connections_ready" once the connection list is filled and painted, "page_ID" as each page
// not in front is built (after the first paint, one per turn of the event loop) and
// "pages_built" once they all are. Silent otherwise.
class StartupTrace : public QObject
{
public:
    static bool enabled();
    // Starts the clock (the first thing main() does).
    static void begin();
    static void mark(const char *step);
    // Watches the window's first paint (the one after which the frame is on screen).
    static void watchFirstPaint(QWidget *window);
    // Marks each workspace page as it is built, and the last one.
    static void watchPages(ui::WorkspaceTabs *pages);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    explicit StartupTrace(QWidget *window);
    QWidget *m_window;
    bool m_painted = false;
};

} // namespace strata::gui

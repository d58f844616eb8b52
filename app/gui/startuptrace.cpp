#include "startuptrace.h"

#include "workspacepage.h"
#include "workspacetabs.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QTimer>
#include <QWidget>

#include <cstdio>

namespace strata::gui {

namespace {

QElapsedTimer &clock()
{
    static QElapsedTimer timer;
    return timer;
}

} // namespace

bool StartupTrace::enabled()
{
    static const bool on = qEnvironmentVariableIsSet("STRATA_STARTUP_TRACE");
    return on;
}

void StartupTrace::begin()
{
    clock().start();
}

void StartupTrace::mark(const char *step)
{
    if (!enabled())
        return;
    std::fprintf(stderr, "strata-startup %s %.1f\n", step, clock().nsecsElapsed() / 1e6);
    std::fflush(stderr);
}

void StartupTrace::watchFirstPaint(QWidget *window)
{
    if (enabled())
        qApp->installEventFilter(new StartupTrace(window));
}

void StartupTrace::watchPages(ui::WorkspaceTabs *pages)
{
    if (!enabled())
        return;
    QObject::connect(pages, &ui::WorkspaceTabs::pageBuilt, pages, [](ui::WorkspacePage *page) {
        mark(QByteArray("page_" + page->id().toUtf8()).constData());
    });
    QObject::connect(pages, &ui::WorkspaceTabs::allBuilt, pages, [] { mark("pages_built"); });
}

StartupTrace::StartupTrace(QWidget *window) : QObject(qApp), m_window(window) { }

bool StartupTrace::eventFilter(QObject *watched, QEvent *event)
{
    if (!m_painted && event->type() == QEvent::Paint && watched->isWidgetType()
        && static_cast<QWidget *>(watched)->window() == m_window) {
        m_painted = true;
        // The paint events of one frame run together and the frame is flushed after them:
        // the next turn of the event loop comes after the flush.
        QTimer::singleShot(0, this, [this] {
            mark("first_paint");
            // The connection list is filled before the window is shown: it is there, and the
            // event loop answers its clicks, from the first frame on.
            mark("connections_ready");
            qApp->removeEventFilter(this);
        });
    }
    return false;
}

} // namespace strata::gui

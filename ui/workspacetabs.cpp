#include "workspacetabs.h"

#include "workspacepage.h"

#include <QApplication>
#include <QEvent>
#include <QSignalBlocker>
#include <QTabWidget>
#include <QTimer>

namespace strata::ui {

namespace {

// What a tab holds until its page is built: nothing to show, the page's id and title.
class PendingPage : public WorkspacePage
{
public:
    PendingPage(AppContext *context, const WorkspacePageSpec &spec)
        : WorkspacePage(context), m_id(spec.id), m_title(spec.title)
    {
    }
    QString id() const override { return m_id; }
    QString title() const override { return m_title; }

private:
    QString m_id;
    QString m_title;
};

QString tabText(QString title)
{
    return title.replace(u'&', QStringLiteral("&&"));
}

} // namespace

WorkspaceTabs::WorkspaceTabs(AppContext *context, QTabWidget *tabs, QObject *parent)
    : QObject(parent), m_context(context), m_tabs(tabs), m_specs(workspacePageSpecs())
{
    for (const WorkspacePageSpec &spec : m_specs) {
        m_tabs->addTab(new PendingPage(context, spec), tabText(spec.title));
        m_pages << nullptr;
    }
    // Whatever puts a stand-in in front (a click on its tab, Ctrl+Tab, a restored window) has
    // its page built before the next frame. Connected after the tabs are added: the first one
    // becoming current is not yet a reason to build it.
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) { page(index); });
}

int WorkspaceTabs::indexOf(const QString &id) const
{
    for (int i = 0; i < m_specs.size(); ++i)
        if (m_specs.at(i).id == id)
            return i;
    return -1;
}

bool WorkspaceTabs::isBuilt(int index) const
{
    return index >= 0 && index < m_pages.size() && m_pages.at(index);
}

WorkspacePage *WorkspaceTabs::page(int index)
{
    if (index < 0 || index >= m_specs.size())
        return nullptr;
    if (m_pages.at(index))
        return m_pages.at(index);
    WorkspacePage *built = m_specs.at(index).create(m_context);
    m_pages[index] = built;
    QWidget *standIn = m_tabs->widget(index);
    {
        // The page goes in before its stand-in and the stand-in comes out: when the stand-in
        // was in front the page takes its place, otherwise the page in front stays there.
        const QSignalBlocker quiet(m_tabs);
        const bool inFront = m_tabs->currentIndex() == index;
        m_tabs->insertTab(index, built, tabText(m_specs.at(index).title));
        if (inFront)
            m_tabs->setCurrentIndex(index);
        m_tabs->removeTab(index + 1);
    }
    delete standIn;
    Q_EMIT pageBuilt(built);
    if (!m_pages.contains(nullptr))
        Q_EMIT allBuilt();
    return built;
}

WorkspacePage *WorkspaceTabs::page(const QString &id)
{
    return page(indexOf(id));
}

QList<WorkspacePage *> WorkspaceTabs::all()
{
    QList<WorkspacePage *> out;
    for (int i = 0; i < m_specs.size(); ++i)
        out << page(i);
    return out;
}

QList<WorkspacePage *> WorkspaceTabs::built() const
{
    QList<WorkspacePage *> out;
    for (WorkspacePage *p : m_pages)
        if (p)
            out << p;
    return out;
}

void WorkspaceTabs::show(int index)
{
    if (page(index))
        m_tabs->setCurrentIndex(index);
}

void WorkspaceTabs::buildRestAfterFirstPaint(QWidget *window)
{
    m_watched = window;
    qApp->installEventFilter(this);
}

bool WorkspaceTabs::eventFilter(QObject *watched, QEvent *event)
{
    if (m_watched && event->type() == QEvent::Paint && watched->isWidgetType()
        && static_cast<QWidget *>(watched)->window() == m_watched) {
        m_watched = nullptr;
        qApp->removeEventFilter(this);
        // The paint events of one frame run together and the frame is flushed after them:
        // the next turn of the event loop comes after the flush.
        QTimer::singleShot(0, this, &WorkspaceTabs::buildNextPending);
    }
    return false;
}

// One page per turn, so that input and painting are answered between them.
void WorkspaceTabs::buildNextPending()
{
    for (int i = 0; i < m_specs.size(); ++i) {
        if (!isBuilt(i)) {
            page(i);
            QTimer::singleShot(0, this, &WorkspaceTabs::buildNextPending);
            return;
        }
    }
}

} // namespace strata::ui

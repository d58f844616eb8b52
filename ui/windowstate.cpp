#include "windowstate.h"

#include "appcontext.h"
#include "db/preferences.h"
#include "db/profilestore.h"
#include "preferencekeys.h"
#include "workspacepage.h"

#include <QMainWindow>
#include <QSplitter>
#include <QTabWidget>

namespace strata::ui::windowstate {

namespace {

const QString kGeometry = QStringLiteral("window/geometry");
const QString kState = QStringLiteral("window/state");
const QString kSplitters = QStringLiteral("window/splitters");
const QString kPage = QStringLiteral("window/page");
const QString kLastId = QStringLiteral("connection/lastId");
const QString kWasConnected = QStringLiteral("connection/wasConnected");

// A splitter's name that survives a restart: the page it belongs to ("main" outside the
// pages) and its place among that page's splitters, in the order the page built them.
QString keyFor(QSplitter *splitter, QMainWindow *window)
{
    QWidget *owner = window;
    QString prefix = QStringLiteral("main");
    for (QWidget *w = splitter->parentWidget(); w && w != window; w = w->parentWidget()) {
        if (auto *page = qobject_cast<WorkspacePage *>(w)) {
            owner = page;
            prefix = page->id();
            break;
        }
    }
    return QStringLiteral("%1/%2").arg(prefix).arg(
        owner->findChildren<QSplitter *>().indexOf(splitter));
}

bool isSaved(AppContext *context, const QString &id)
{
    if (!context->profiles() || id.isEmpty())
        return false;
    for (const core::ConnectionProfile &p : context->profiles()->load())
        if (p.id == id)
            return true;
    return false;
}

} // namespace

void save(QMainWindow *window, QTabWidget *tabs, AppContext *context)
{
    core::Preferences *prefs = context->preferences();
    prefs->setValue(kGeometry, window->saveGeometry());
    prefs->setValue(kState, window->saveState());
    // Merged into what was saved: a page not built in this run keeps its splitters' sizes.
    QVariantMap splitters = prefs->value(kSplitters).toMap();
    for (QSplitter *s : window->findChildren<QSplitter *>())
        splitters.insert(keyFor(s, window), s->saveState());
    prefs->setValue(kSplitters, splitters);
    if (auto *page = qobject_cast<WorkspacePage *>(tabs->currentWidget()))
        prefs->setValue(kPage, page->id());
    // Only a saved profile is worth coming back to: a connection string given on the command
    // line or a database opened from the tree has nothing to reconnect with.
    const QString id = context->isConnected() ? context->profile().id : QString();
    const bool saved = isSaved(context, id);
    if (saved)
        prefs->setValue(kLastId, id);
    prefs->setValue(kWasConnected, saved);
}

void restore(QMainWindow *window, QTabWidget *tabs, AppContext *context)
{
    core::Preferences *prefs = context->preferences();
    if (const QByteArray g = prefs->value(kGeometry).toByteArray(); !g.isEmpty())
        window->restoreGeometry(g);
    if (const QByteArray s = prefs->value(kState).toByteArray(); !s.isEmpty())
        window->restoreState(s);
    restoreSplitters(window, window, context);
    const QString pageId = prefs->value(kPage).toString();
    for (int i = 0; i < tabs->count(); ++i)
        if (auto *page = qobject_cast<WorkspacePage *>(tabs->widget(i));
            page && page->id() == pageId)
            tabs->setCurrentIndex(i);
}

void restoreSplitters(QMainWindow *window, QWidget *root, AppContext *context)
{
    const QVariantMap splitters = context->preferences()->value(kSplitters).toMap();
    for (QSplitter *s : root->findChildren<QSplitter *>())
        if (const QByteArray state = splitters.value(keyFor(s, window)).toByteArray();
            !state.isEmpty())
            s->restoreState(state);
}

std::optional<core::ConnectionProfile> lastConnection(AppContext *context)
{
    core::Preferences *prefs = context->preferences();
    if (!prefs->value(QString::fromLatin1(prefkeys::kReconnectAtStart), true).toBool()
        || !prefs->value(kWasConnected, false).toBool() || !context->profiles())
        return std::nullopt;
    const QString id = prefs->value(kLastId).toString();
    for (const core::ConnectionProfile &p : context->profiles()->load())
        if (p.id == id)
            return p;
    return std::nullopt;
}

} // namespace strata::ui::windowstate

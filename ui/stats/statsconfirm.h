#pragma once

#include "stats/statsactions.h"

#include <functional>

class QString;
class QWidget;

namespace strata::ui {

class StatsController;
class StatsTableView;

// The questions the statistics tabs ask before they act. Each is a non-modal box (the event
// loop keeps running while it is up); the controller acts only on Yes.
namespace statsconfirm {

void ask(QWidget *parent, const QString &title, const QString &text, std::function<void()> onYes);
// "End session 4711? ...", naming what the session is doing.
void signalBackend(QWidget *parent, StatsController *controller, int pid, bool terminate);
void maintenance(QWidget *parent, StatsController *controller, core::statsactions::Maintenance what,
    const QString &schema, const QString &name);
// "Cancel query…" and "Terminate session…" for a table of sessions keyed by pid: enabled only
// while a session is selected.
void addBackendButtons(StatsTableView *view, StatsController *controller);
// A button enabled only while the view has a row selected.
void enableWithSelection(QWidget *button, StatsTableView *view);

} // namespace statsconfirm

} // namespace strata::ui

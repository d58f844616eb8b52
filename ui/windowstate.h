#pragma once

#include "db/connectionprofile.h"

#include <optional>

class QMainWindow;
class QTabWidget;
class QWidget;

namespace strata::ui {

class AppContext;

// What the main window remembers between runs, in core::Preferences (the settings file of the
// saved profiles; memory only in tests and screenshots): its geometry and state, every
// splitter's positions, the page in front, and the last connection. Never a password.
namespace windowstate {

// Written when the window closes (and when the application quits without closing it).
void save(QMainWindow *window, QTabWidget *tabs, AppContext *context);
// Read once the window is built, before it is shown.
void restore(QMainWindow *window, QTabWidget *tabs, AppContext *context);
// The splitters inside `root` (a page built after the window), as they were saved.
void restoreSplitters(QMainWindow *window, QWidget *root, AppContext *context);
// The saved profile to reconnect to at start: the last connection, only when it was open when
// the window closed, still saved, and the preference allows it.
std::optional<core::ConnectionProfile> lastConnection(AppContext *context);

} // namespace windowstate

} // namespace strata::ui

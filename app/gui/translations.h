#pragma once

#include <QString>

class QCoreApplication;

namespace strata::gui {

// Installs Strata's translation for the system's languages (":/i18n/strata_LANG.qm", built
// from resources/translations) and Qt's own where Qt ships one. English, the source language,
// shows the source text when no other fits. Returns the Strata catalogue's file, or empty.
QString installTranslations(QCoreApplication *app);

} // namespace strata::gui

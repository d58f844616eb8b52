#pragma once

#include <QColor>
#include <QPalette>
#include <QString>

class QChart;

namespace strata::ui::theme {

// Colours that follow the system's palette, light or dark: every widget that needs a colour of
// its own (a banner, a state, a highlighted keyword) takes it from here, never a fixed one, so
// that a dark desktop shows Strata readable too.
enum class Tone {
    Info, // blue: a neutral note
    Warning, // amber: something to look at
    Error, // red: something failed
    Ok, // green: done, applied, matches
    Muted, // grey: not running, cancelled, comments
};

bool isDark(const QPalette &palette);
bool isDark(); // the application's palette

// Text of this tone, readable on the palette's window or base colour.
QColor text(Tone tone, const QPalette &palette);
QColor text(Tone tone);
// A soft fill for a banner or a highlighted shape, and its border.
QColor fill(Tone tone, const QPalette &palette);
QColor fill(Tone tone);
QColor border(Tone tone);
// "QLabel { background: ...; color: ...; border: ...; padding: Npx; }" for a banner label.
QString bannerStyle(Tone tone, int padding = 6);
// "color: ..." for a one-line message label.
QString textStyle(Tone tone);
// A chart (Qt Charts) in the palette's scheme: call before adding series (a theme resets their
// colours), or set the series' colours after.
void styleChart(QChart *chart);
// A dark or light palette for the Fusion style (`strata --palette dark|light`): for screenshots
// and for desktops whose style ignores their colour scheme.
QPalette fusionPalette(bool dark);
// Switches the application to the Fusion style with that palette. "dark", "light"; anything
// else ("system", empty) leaves the desktop's own style and palette. False for an unknown name.
bool applyPalette(const QString &name);
// The CSS that details rendered as HTML use (table headers, rules), for this palette.
QString detailsCss();

} // namespace strata::ui::theme

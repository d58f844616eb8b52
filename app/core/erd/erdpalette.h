#pragma once

#include <QString>

namespace strata::core {

// The colours of a diagram, as "#rrggbb": the window draws with them and the exports (through
// Graphviz) too, so a light export looks like the light window.
struct ErdPalette
{
    QString background;
    QString tableFill;
    QString headerFill; // a table's name
    QString viewHeaderFill; // a view's name
    QString border;
    QString text;
    QString muted; // types, subtitles, "+N more"
    QString primaryKey; // "PK"
    QString foreignKey; // "FK"
    QString edge;
    QString viewEdge;
    QString highlight; // the table clicked and what it touches
    QString clusterFill;
    QString clusterBorder;
    QString clusterText;

    static ErdPalette light();
    static ErdPalette dark();
};

inline ErdPalette ErdPalette::light()
{
    return { QStringLiteral("#ffffff"), QStringLiteral("#ffffff"), QStringLiteral("#dfe8f3"),
        QStringLiteral("#e6f0dc"), QStringLiteral("#8496ab"), QStringLiteral("#1d2733"),
        QStringLiteral("#6b7785"), QStringLiteral("#a35f00"), QStringLiteral("#1f62b5"),
        QStringLiteral("#55677d"), QStringLiteral("#7d9a6a"), QStringLiteral("#e07b00"),
        QStringLiteral("#f5f7fa"), QStringLiteral("#c9d2dd"), QStringLiteral("#4f5f73") };
}

inline ErdPalette ErdPalette::dark()
{
    return { QStringLiteral("#1e2229"), QStringLiteral("#2a3039"), QStringLiteral("#34465e"),
        QStringLiteral("#3a4d36"), QStringLiteral("#5d6b7c"), QStringLiteral("#e3e8ee"),
        QStringLiteral("#9aa6b4"), QStringLiteral("#f0b35a"), QStringLiteral("#7fb2f0"),
        QStringLiteral("#8fa2b8"), QStringLiteral("#9cc08a"), QStringLiteral("#ffa733"),
        QStringLiteral("#252a32"), QStringLiteral("#3b4452"), QStringLiteral("#aab6c4") };
}

} // namespace strata::core

#pragma once

#include "erd/erdtypes.h"

namespace strata::core {

// The sizes every drawing of a diagram shares: the boxes Graphviz places, the window's items and
// the exports. Text is DejaVu Sans (Strata's package depends on it) measured from the font's own
// advance widths, so Graphviz, Qt and cairo agree on where a column's text ends.
namespace erdgeometry {

constexpr double kFontPx = 12; // column names and types
constexpr double kHeaderFontPx = 13; // the table's name, bold
constexpr double kSmallFontPx = 10; // markers, the subtitle, "+N more"
constexpr double kRowHeight = 19;
constexpr double kHeaderHeight = 26;
constexpr double kSubtitleHeight = 15;
constexpr double kPadX = 8;
constexpr double kMarkerWidth = 24; // "PK", "FK", "PF"
constexpr double kNullWidth = 12; // ◆ not null, ◇ nullable
constexpr double kTypeGap = 14;
constexpr double kMinWidth = 130;
constexpr double kMaxWidth = 460;
constexpr double kBorder = 1;
constexpr int kMaxRows = 40; // longer tables end with "+N more columns"

// Width in pixels of text in DejaVu Sans at px (bold or not).
double textWidth(const QString &text, double px, bool bold = false);
// The text cut with "…" to fit width (unchanged when it fits).
QString elide(const QString &text, double px, bool bold, double width);

// How one table is drawn: which columns, in which rows, and the box's size.
struct TableShape
{
    QList<int> columns; // indexes into ErdTable::columns, one per row
    int hidden = 0; // columns not listed ("+N more columns")
    QString title; // "schema.name" or "name" (elided to fit)
    QString subtitle; // "partitioned by range · 12 partitions", "view"; empty for a table
    double width = kMinWidth;
    double height = kHeaderHeight;
    double nameWidth = 0; // the name cell of each row
    double typeWidth = 0; // the type cell of each row

    double headerHeight() const
    {
        return kHeaderHeight + (subtitle.isEmpty() ? 0 : kSubtitleHeight);
    }
    // The top of row i, from the top of the box.
    double rowTop(int row) const { return kBorder + headerHeight() + row * kRowHeight; }
    // The row that lists this column, or -1 when it is not listed.
    int rowOf(const ErdTable &table, const QString &column) const;
};

// withSchema: the title names the schema (a diagram of several schemas).
TableShape shape(const ErdTable &table, bool keysOnly, bool withSchema);

// The marker of a column's key: "PK", "FK", "PF" (both) or empty.
QString keyMarker(const ErdColumn &column);
// Types as people write them: "timestamp with time zone" -> "timestamptz".
QString shortType(const QString &formatType);

} // namespace erdgeometry
} // namespace strata::core

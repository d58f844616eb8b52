#pragma once

#include "erd/erdtypes.h"
#include "result.h"

#include <QSize>

namespace strata::core {

enum class ErdFormat { Svg, Png, Pdf, Dot };

struct ErdExportOptions
{
    // PNG: pixels per point of the diagram; 0 picks the largest up to 1.5 that fits.
    double scale = 0;
    bool dark = false; // the dark palette (the window's, when it is dark)
    qint64 maxImageBytes = 0; // PNG: the most memory its pixels may take; 0: from the machine
};

// Writes a laid-out diagram (tables where the window has them, moved ones included) through
// Graphviz's renderers: SVG and DOT by its core plugin, PNG and PDF by cairo, text in DejaVu
// Sans. The file is written whole to a temporary name and renamed, so a failure never leaves an
// empty or half file behind. DOT is the graph as Strata hands it to Graphviz (labels, ports,
// colours, clusters), for `dot` to lay out or a person to restyle.
namespace ErdExport {

// The format a file name asks for (.svg, .png, .pdf, .dot or .gv); an error names the choices.
Result<ErdFormat> formatFor(const QString &path);
// The image's size at a scale, and the scale a PNG gets with options (0 when none fits).
QSize pngSize(const ErdLayout &layout, double scale);
double pngScale(const ErdLayout &layout, const ErdExportOptions &options);

Result<QByteArray> render(const ErdDiagram &diagram, const ErdLayout &layout, ErdFormat format,
    const ErdExportOptions &options = {});
Status write(const ErdDiagram &diagram, const ErdLayout &layout, const QString &path,
    const ErdExportOptions &options = {});

} // namespace ErdExport
} // namespace strata::core

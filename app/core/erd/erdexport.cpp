#include "erd/erdexport.h"

#include "erd/erdgraph.h"
#include "erd/erdlayout.h"
#include "erd/graphvizlock.h"

#include <graphviz/gvc.h>

#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QSaveFile>

#include <cmath>
#include <cstdio>
#include <numeric>

namespace strata::core::ErdExport {

namespace {

constexpr int kCairoMaxSide = 32767; // cairo's image surfaces stop there
constexpr double kBestScale = 1.5;
constexpr double kSmallestScale = 0.25;
constexpr double kPdfMaxPoints = 14400; // 200 inches: the largest page PDF viewers take

qint64 machineBudget()
{
    // Half of what the kernel says is available, at most 2 GiB: the cairo surface and the PNG
    // encoder's copy both live at once.
    QFile f(QStringLiteral("/proc/meminfo"));
    qint64 availableKb = 0;
    if (f.open(QIODevice::ReadOnly))
        for (const QByteArray &line : f.readAll().split('\n'))
            if (line.startsWith("MemAvailable:"))
                availableKb = line.mid(13).trimmed().split(' ').value(0).toLongLong();
    const qint64 cap = qint64(2) << 30;
    return availableKb > 0 ? std::min(cap, availableKb * 1024 / 2) : qint64(512) << 20;
}

QString megabytes(qint64 bytes)
{
    return QLocale(QLocale::English).toString(double(bytes) / (1 << 20), 'f', 0) + " MB";
}

QList<int> everyTable(const ErdDiagram &d)
{
    QList<int> all(d.tables.size());
    std::iota(all.begin(), all.end(), 0);
    return all;
}

Result<QByteArray> dot(const ErdDiagram &d, const ErdPalette &palette)
{
    GraphvizLock lock;
    ErdGraph graph(d, ErdLayouter::shapes(d), everyTable(d), ErdGraph::Purpose::Render, palette);
    gvSet(graph.graph(), "pack", "true");
    char *buffer = nullptr;
    size_t size = 0;
    FILE *out = open_memstream(&buffer, &size);
    if (!out)
        return Error(Error::Kind::Io, QStringLiteral("Could not make room for the DOT text."));
    const int rc = agwrite(graph.graph(), out);
    std::fclose(out);
    QByteArray text(buffer, qsizetype(size));
    std::free(buffer);
    if (rc != 0 || text.isEmpty())
        return Error(
            Error::Kind::Internal, QStringLiteral("Graphviz could not write the DOT text."));
    return text;
}

} // namespace

Result<ErdFormat> formatFor(const QString &path)
{
    const QString ext = QFileInfo(path).suffix().toLower();
    if (ext == QLatin1String("svg"))
        return ErdFormat::Svg;
    if (ext == QLatin1String("png"))
        return ErdFormat::Png;
    if (ext == QLatin1String("pdf"))
        return ErdFormat::Pdf;
    if (ext == QLatin1String("dot") || ext == QLatin1String("gv"))
        return ErdFormat::Dot;
    return Error(Error::Kind::InvalidInput,
        QStringLiteral("Cannot tell the format of %1 from its name.").arg(path),
        QStringLiteral("End the file name with .svg, .png, .pdf or .dot."));
}

QSize pngSize(const ErdLayout &layout, double scale)
{
    const double pad = 2 * 18; // the graph's pad, 0.25 inch each side
    return QSize(int(std::ceil((layout.bounds.width() + pad) * scale)),
        int(std::ceil((layout.bounds.height() + pad) * scale)));
}

double pngScale(const ErdLayout &layout, const ErdExportOptions &options)
{
    const qint64 budget = options.maxImageBytes > 0 ? options.maxImageBytes : machineBudget();
    auto fits = [&](double s) {
        const QSize px = pngSize(layout, s);
        return px.width() <= kCairoMaxSide && px.height() <= kCairoMaxSide
            && qint64(px.width()) * px.height() * 4 <= budget;
    };
    if (options.scale > 0)
        return fits(options.scale) ? options.scale : 0;
    for (double s = kBestScale; s >= kSmallestScale - 1e-9; s -= 0.05)
        if (fits(s))
            return s;
    return 0;
}

Result<QByteArray> render(
    const ErdDiagram &d, const ErdLayout &layout, ErdFormat format, const ErdExportOptions &options)
{
    const ErdPalette palette = options.dark ? ErdPalette::dark() : ErdPalette::light();
    if (d.tables.isEmpty())
        return Error(Error::Kind::InvalidInput, QStringLiteral("The diagram has no tables."));
    if (format == ErdFormat::Dot)
        return dot(d, palette);
    double scale = 1;
    if (format == ErdFormat::Png) {
        scale = pngScale(layout, options);
        if (scale <= 0) {
            const QSize px = pngSize(layout, options.scale > 0 ? options.scale : kSmallestScale);
            return Error(Error::Kind::InvalidInput,
                QStringLiteral("A PNG of this diagram would be %1 × %2 pixels (%3), more than "
                               "Strata can draw in memory here (at most %4 pixels a side).")
                    .arg(px.width())
                    .arg(px.height())
                    .arg(megabytes(qint64(px.width()) * px.height() * 4))
                    .arg(kCairoMaxSide),
                options.scale > 0 ? QStringLiteral("Choose a smaller scale, or write SVG or PDF, "
                                                   "which have no such limit.")
                                  : QStringLiteral("Write SVG or PDF, which have no such limit, "
                                                   "or draw a neighbourhood instead."));
        }
    }
    GraphvizLock lock;
    ErdGraph graph(
        d, ErdLayouter::shapes(d), everyTable(d), ErdGraph::Purpose::Render, palette, &layout);
    if (format == ErdFormat::Png)
        gvSet(graph.graph(), "dpi", QByteArray::number(72 * scale, 'f', 2));
    if (format == ErdFormat::Pdf
        && std::max(layout.bounds.width(), layout.bounds.height()) > kPdfMaxPoints)
        gvSet(graph.graph(), "size",
            QByteArray::number(kPdfMaxPoints / 72, 'f', 2) + ','
                + QByteArray::number(kPdfMaxPoints / 72, 'f', 2));
    if (gvLayout(lock.context(), graph.graph(), "nop2") != 0)
        return Error(Error::Kind::Internal, QStringLiteral("Graphviz did not take the layout."));
    const char *name = format == ErdFormat::Svg ? "svg" : format == ErdFormat::Png ? "png" : "pdf";
    char *data = nullptr;
    unsigned int length = 0;
    const int rc = gvRenderData(lock.context(), graph.graph(), name, &data, &length);
    QByteArray out(data, data ? int(length) : 0);
    gvFreeRenderData(data);
    gvFreeLayout(lock.context(), graph.graph());
    if (rc != 0 || out.isEmpty())
        return Error(Error::Kind::Internal,
            QStringLiteral("Graphviz could not draw the diagram as %1.").arg(QLatin1String(name)),
            QStringLiteral("Check that Graphviz's cairo plugin (libgvplugin_pango) is installed."));
    return out;
}

Status write(const ErdDiagram &d, const ErdLayout &layout, const QString &path,
    const ErdExportOptions &options)
{
    auto format = formatFor(path);
    if (!format)
        return format.error();
    auto bytes = render(d, layout, format.value(), options);
    if (!bytes)
        return bytes.error();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error(Error::Kind::Io,
            QStringLiteral("Could not write %1: %2").arg(path, file.errorString()));
    file.write(bytes.value());
    if (!file.commit())
        return Error(Error::Kind::Io,
            QStringLiteral("Could not write %1: %2").arg(path, file.errorString()));
    return Ok {};
}

} // namespace strata::core::ErdExport

#include "command.h"

#include "db/session.h"
#include "erd/diagramservice.h"
#include "erd/erdexport.h"
#include "erd/erdlayout.h"
#include "erd/erdreader.h"

#include <QLocale>

using namespace strata::core;

namespace {

int usage()
{
    strata::cli::err(QStringLiteral(
        "Usage: strata-cli erd CONNINFO [--schema S]... [--table T]... [--depth N]\n"
        "                  [--path FROM TO] [--keys-only] [--no-views] [--all]\n"
        "                  [--scale S] [--dark] -o FILE.svg|png|pdf|dot\n\n"
        "  --schema S      every table of schema S (repeatable; default: every schema)\n"
        "  --table T       T (schema.name) and its neighbours through foreign keys, both ways\n"
        "                  (repeatable); --depth N steps (default 1; 0: just these tables)\n"
        "  --path FROM TO  the shortest chains of foreign keys between two tables\n"
        "  --keys-only     list only key and foreign-key columns\n"
        "  --no-views      leave views out\n"
        "  --all           draw even more than %1 tables\n"
        "  --scale S       PNG pixels per point (default: up to 1.5, as memory allows)\n"
        "  --dark          the dark palette")
                         .arg(DiagramService::kAskAbove));
    return 2;
}

struct Options
{
    QString conninfo;
    QString output;
    ErdScope scope;
    bool depthGiven = false;
    bool all = false;
    ErdExportOptions exportOptions;
};

// Returns false on a malformed command line.
bool parse(const QStringList &args, Options &o)
{
    auto value = [&args](int &i) { return i + 1 < args.size() ? args.at(++i) : QString(); };
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (a == QLatin1String("--schema")) {
            o.scope.schemas << value(i);
        } else if (a == QLatin1String("--table")) {
            o.scope.tables << ErdTableRef::parse(value(i));
        } else if (a == QLatin1String("--depth")) {
            bool ok = false;
            o.scope.depth = value(i).toInt(&ok);
            o.depthGiven = true;
            if (!ok || o.scope.depth < 0)
                return false;
        } else if (a == QLatin1String("--path")) {
            o.scope.from = ErdTableRef::parse(value(i));
            o.scope.to = ErdTableRef::parse(value(i));
        } else if (a == QLatin1String("--keys-only")) {
            o.scope.keysOnly = true;
        } else if (a == QLatin1String("--no-views")) {
            o.scope.views = false;
        } else if (a == QLatin1String("--all")) {
            o.all = true;
        } else if (a == QLatin1String("--dark")) {
            o.exportOptions.dark = true;
        } else if (a == QLatin1String("--scale")) {
            o.exportOptions.scale = value(i).toDouble();
            if (o.exportOptions.scale <= 0)
                return false;
        } else if (a == QLatin1String("-o") || a == QLatin1String("--output")) {
            o.output = value(i);
        } else if (a.startsWith(u'-') || !o.conninfo.isEmpty()) {
            return false;
        } else {
            o.conninfo = a;
        }
    }
    if (o.scope.from.isValid() != o.scope.to.isValid())
        return false;
    if (o.scope.from.isValid())
        o.scope.kind = ErdScope::Kind::Path;
    else if (!o.scope.tables.isEmpty())
        o.scope.kind = o.depthGiven && o.scope.depth == 0 ? ErdScope::Kind::Tables
                                                          : ErdScope::Kind::Neighbourhood;
    return !o.conninfo.isEmpty() && !o.output.isEmpty();
}

int runErd(const QStringList &args)
{
    Options o;
    if (!parse(args, o))
        return usage();
    if (auto f = ErdExport::formatFor(o.output); !f) {
        strata::cli::err(f.error().toString());
        return 2;
    }
    QString password;
    auto profile = ConnectionProfile::fromConnInfo(o.conninfo, &password);
    if (!profile) {
        strata::cli::err(profile.error().toString());
        return 2;
    }
    Session session(profile.value(), password);
    const int limit = o.all ? 0 : DiagramService::kAskAbove;
    auto read
        = session.run([&](SessionContext &ctx) { return ErdReader::read(ctx, o.scope, limit); })
              .result();
    if (!read) {
        strata::cli::err(read.error().toString());
        return 1;
    }
    const QLocale en(QLocale::English);
    if (read->tooLarge) {
        strata::cli::err(QStringLiteral("strata-cli erd: %1 would draw %2 tables; a diagram that "
                                        "large cannot be read.\nDraw a table's neighbourhood "
                                        "(--table T --depth N), or pass --all to draw it anyway.")
                             .arg(o.scope.describe(), en.toString(read->wouldDraw)));
        return 1;
    }
    if (!read->note.isEmpty()) {
        strata::cli::err(read->note);
        if (o.scope.kind == ErdScope::Kind::Path)
            return 1; // two tables with no path between them is not the diagram asked for
    }
    if (read->diagram.tables.isEmpty()) {
        strata::cli::err(QStringLiteral("strata-cli erd: nothing to draw."));
        return 1;
    }
    auto laid = ErdLayouter::layout(read->diagram);
    if (!laid) {
        strata::cli::err(laid.error().toString());
        return 1;
    }
    if (auto w = ErdExport::write(read->diagram, laid.value(), o.output, o.exportOptions); !w) {
        strata::cli::err(w.error().toString());
        return 1;
    }
    strata::cli::out(QStringLiteral("Wrote %1: %2 tables, %3 foreign keys.")
                         .arg(o.output, en.toString(read->diagram.tables.size()),
                             en.toString(read->diagram.keys.size())));
    return 0;
}

} // namespace

STRATA_CLI_COMMAND("erd",
    "erd CONNINFO [--schema S]... [--table T [--depth N]] [--path FROM TO] [--keys-only] "
    "-o FILE.(svg|png|pdf|dot)",
    "an entity-relationship diagram of schemas, a table's neighbourhood or the path between "
    "two tables, laid out by Graphviz",
    runErd);

#include "dumplogparser.h"

#include <QRegularExpression>
#include <QStringList>

#include <optional>

namespace strata::core {

namespace {

const QStringList &multiWordTypes()
{
    static const QStringList multi = {
        QStringLiteral("SEQUENCE OWNED BY"),
        QStringLiteral("TABLE DATA"),
        QStringLiteral("SEQUENCE SET"),
        QStringLiteral("FK CONSTRAINT"),
        QStringLiteral("MATERIALIZED VIEW DATA"),
        QStringLiteral("MATERIALIZED VIEW"),
        QStringLiteral("DEFAULT ACL"),
        QStringLiteral("LARGE OBJECT"),
        QStringLiteral("BLOB DATA"),
        QStringLiteral("BLOBS"),
        QStringLiteral("TEXT SEARCH CONFIGURATION"),
        QStringLiteral("TEXT SEARCH DICTIONARY"),
        QStringLiteral("FOREIGN TABLE"),
        QStringLiteral("FOREIGN SERVER"),
        QStringLiteral("FOREIGN DATA WRAPPER"),
        QStringLiteral("USER MAPPING"),
        QStringLiteral("EVENT TRIGGER"),
        QStringLiteral("OPERATOR CLASS"),
        QStringLiteral("OPERATOR FAMILY"),
        QStringLiteral("ROW SECURITY"),
        QStringLiteral("PUBLICATION TABLE"),
        QStringLiteral("PUBLICATION TABLES IN SCHEMA"),
        QStringLiteral("CHECK CONSTRAINT"),
        QStringLiteral("INDEX ATTACH"),
        QStringLiteral("TABLE ATTACH"),
        QStringLiteral("STATISTICS"),
    };
    return multi;
}

// "TYPE NAME" after an item number: types are one to three words in capitals.
void splitTypeAndName(const QString &rest, DumpLogEvent &e)
{
    DumpLogParser::splitType(rest, &e.type, &e.name);
}

QString unquoteOuter(const QString &s)
{
    // pg_dump prints "%s.%s" inside one pair of quotes without escaping inner quotes.
    if (s.size() >= 2 && s.startsWith(u'"') && s.endsWith(u'"'))
        return s.mid(1, s.size() - 2);
    return s;
}

} // namespace

void DumpLogParser::splitType(const QString &text, QString *type, QString *rest)
{
    for (const QString &t : multiWordTypes()) {
        if (text.startsWith(t + u' ') || text == t) {
            *type = t;
            *rest = text.mid(t.size() + 1);
            return;
        }
    }
    *type = text.section(u' ', 0, 0);
    *rest = text.section(u' ', 1);
}

DumpLogEvent DumpLogParser::parse(const QString &rawLine)
{
    DumpLogEvent e;
    QString line = rawLine;
    while (line.endsWith(u'\n') || line.endsWith(u'\r'))
        line.chop(1);
    static const QRegularExpression prog(QStringLiteral("^(pg_dump|pg_restore|pg_dumpall|psql)"
                                                        "(?:\\:[^:]*\\:\\d+)?: (.*)$"));
    const auto pm = prog.match(line);
    QString msg = line;
    if (pm.hasMatch()) {
        e.program = pm.captured(1);
        msg = pm.captured(2);
    }
    e.message = msg;

    auto after = [&msg](const char *prefix) -> std::optional<QString> {
        const QLatin1String p(prefix);
        if (msg.startsWith(p))
            return msg.mid(p.size());
        return std::nullopt;
    };

    if (auto r = after("error: ")) {
        e.kind = DumpLogEvent::Kind::Error;
        e.message = *r;
    } else if (msg.startsWith(QLatin1String("ERROR:")) || msg.startsWith(QLatin1String("FATAL:"))) {
        e.kind = DumpLogEvent::Kind::Error;
    } else if (auto r = after("detail: ")) {
        e.kind = DumpLogEvent::Kind::Detail;
        e.message = *r;
    } else if (msg.startsWith(QLatin1String("DETAIL:"))) {
        e.kind = DumpLogEvent::Kind::Detail;
    } else if (auto r = after("hint: ")) {
        e.kind = DumpLogEvent::Kind::Hint;
        e.message = *r;
    } else if (auto r = after("warning: errors ignored on restore: ")) {
        e.kind = DumpLogEvent::Kind::IgnoredErrors;
        e.count = r->trimmed().toInt();
    } else if (auto r = after("warning: ")) {
        e.kind = DumpLogEvent::Kind::Warning;
        e.message = *r;
    } else if (auto r = after("dumping contents of table ")) {
        e.kind = DumpLogEvent::Kind::DumpingTable;
        e.name = unquoteOuter(*r);
        e.type = QStringLiteral("TABLE DATA");
    } else if (auto r = after("processing data for table ")) {
        e.kind = DumpLogEvent::Kind::ProcessingData;
        e.name = unquoteOuter(*r);
        e.type = QStringLiteral("TABLE DATA");
    } else if (auto r = after("creating ")) {
        e.kind = DumpLogEvent::Kind::Creating;
        const int q = r->indexOf(u'"');
        if (q > 0) {
            e.type = r->left(q).trimmed();
            e.name = unquoteOuter(r->mid(q));
        } else {
            splitTypeAndName(*r, e);
        }
    } else if (auto r = after("executing ")) {
        e.kind = DumpLogEvent::Kind::Executing;
        splitTypeAndName(*r, e);
    } else {
        static const QRegularExpression item(
            QStringLiteral("^(finished|launching|processing) item (\\d+) (.*)$"));
        const auto m = item.match(msg);
        if (m.hasMatch()) {
            const QString verb = m.captured(1);
            e.kind = verb == QLatin1String("finished") ? DumpLogEvent::Kind::FinishedItem
                : verb == QLatin1String("launching")   ? DumpLogEvent::Kind::LaunchingItem
                                                       : DumpLogEvent::Kind::ProcessingItem;
            e.itemId = m.captured(2).toInt();
            splitTypeAndName(m.captured(3), e);
        } else if (e.program == QLatin1String("pg_dump")
            && (msg.startsWith(QLatin1String("reading "))
                || msg.startsWith(QLatin1String("finding "))
                || msg.startsWith(QLatin1String("flagging "))
                || msg.startsWith(QLatin1String("identifying "))
                || msg.startsWith(QLatin1String("saving "))
                || msg.startsWith(QLatin1String("last built-in OID")))) {
            e.kind = DumpLogEvent::Kind::CatalogStep;
        }
    }
    return e;
}

} // namespace strata::core

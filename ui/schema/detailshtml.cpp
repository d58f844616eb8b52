#include "detailshtml.h"

#include "theme.h"

#include <QLocale>

namespace strata::ui::detailshtml {

using namespace strata::core;

namespace {

QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

QString num(qint64 n)
{
    return QLocale(QLocale::English).toString(n);
}

QString bytes(qint64 n)
{
    return QLocale(QLocale::English).formattedDataSize(n);
}

QString section(const QString &title, const QStringList &headers, const QList<QStringList> &rows)
{
    if (rows.isEmpty())
        return {};
    QString h = QStringLiteral("<h3>%1 (%2)</h3><table width='100%'><tr>")
                    .arg(esc(title))
                    .arg(rows.size());
    for (const QString &c : headers)
        h += QStringLiteral("<th>%1</th>").arg(esc(c));
    h += QStringLiteral("</tr>");
    for (const QStringList &r : rows) {
        h += QStringLiteral("<tr>");
        for (const QString &c : r)
            h += QStringLiteral("<td>%1</td>").arg(c); // cells are escaped by the caller
        h += QStringLiteral("</tr>");
    }
    return h + QStringLiteral("</table>");
}

QString facts(const QList<QPair<QString, QString>> &kv)
{
    QString h = QStringLiteral("<table>");
    for (const auto &[k, v] : kv)
        if (!v.isEmpty())
            h += QStringLiteral("<tr><td class='k'>%1</td><td>%2</td></tr>").arg(esc(k), v);
    return h + QStringLiteral("</table>");
}

QString privileges(const QString &acl)
{
    if (acl.isEmpty())
        return QStringLiteral("<i>default (owner only, plus PUBLIC defaults)</i>");
    QString list = acl;
    list.remove(u'{').remove(u'}');
    return esc(list.split(u',').join(QStringLiteral("\n"))).replace(u'\n', QStringLiteral("<br>"));
}

QList<QStringList> columnRows(const QList<ColumnInfo> &cols)
{
    QList<QStringList> rows;
    for (const ColumnInfo &c : cols) {
        QString type = QStringLiteral("<code>%1</code>").arg(esc(c.type));
        if (!c.geometryType.isEmpty())
            type += QStringLiteral("<br><small>PostGIS %1, SRID %2</small>")
                        .arg(esc(c.geometryType))
                        .arg(c.srid);
        QString def = esc(c.defaultExpr);
        if (!c.identity.isEmpty())
            def = QStringLiteral("identity %1").arg(c.identity);
        else if (!c.generated.isEmpty())
            def = QStringLiteral("generated: <code>%1</code>").arg(esc(c.defaultExpr));
        rows << QStringList { QString::number(c.number),
            QStringLiteral("<b>%1</b>").arg(esc(c.name)), type,
            c.notNull ? QStringLiteral("not null") : QStringLiteral("null"), def, esc(c.comment) };
    }
    return rows;
}

} // namespace

QString relation(const RelationDetails &d)
{
    QString h = theme::detailsCss();
    h += QStringLiteral("<h2>%1.%2</h2><p>%3</p>")
             .arg(esc(d.schema), esc(d.name), esc(kindName(d.kind)));
    if (!d.comment.isEmpty())
        h += QStringLiteral("<p><i>%1</i></p>").arg(esc(d.comment));
    QList<QPair<QString, QString>> kv {
        { QStringLiteral("Owner"), esc(d.owner) },
        { QStringLiteral("Estimated rows"),
            d.estimatedRows < 0 ? QStringLiteral("unknown (never analyzed)")
                                : num(d.estimatedRows) },
        { QStringLiteral("Total size"), bytes(d.totalBytes) },
        { QStringLiteral("Heap"), bytes(d.heapBytes) },
        { QStringLiteral("Indexes"), bytes(d.indexBytes) },
        { QStringLiteral("TOAST"), bytes(d.toastBytes) },
        { QStringLiteral("Persistence"), esc(d.persistence) },
        { QStringLiteral("Tablespace"), esc(d.tablespace) },
        { QStringLiteral("Partition of"), esc(d.parentName) },
        { QStringLiteral("Partition bound"), esc(d.partitionBound) },
        { QStringLiteral("Partition key"), esc(d.partitionKey) },
        { QStringLiteral("Privileges"), privileges(d.acl) },
    };
    if (d.sequence) {
        const SequenceInfo &s = *d.sequence;
        kv << QPair<QString, QString> { QStringLiteral("Data type"), esc(s.dataType) }
           << QPair<QString, QString> { QStringLiteral("Current value"),
                  s.lastValue ? num(*s.lastValue) : QStringLiteral("not used yet") }
           << QPair<QString, QString> { QStringLiteral("Increment"), num(s.increment) }
           << QPair<QString, QString> { QStringLiteral("Range"),
                  num(s.minValue) + QStringLiteral(" … ") + num(s.maxValue) }
           << QPair<QString, QString> { QStringLiteral("Headroom"),
                  QStringLiteral("%1 values left (%2% used)%3")
                      .arg(num(s.remaining()))
                      .arg(s.usedFraction() * 100, 0, 'f', 2)
                      .arg(s.cycle ? QStringLiteral(", cycles") : QString()) };
    }
    if (d.kind == ObjectKind::View || d.kind == ObjectKind::MaterializedView) {
        kv.removeIf([](const auto &p) {
            return p.first == QLatin1String("Heap") || p.first == QLatin1String("TOAST");
        });
    }
    h += facts(kv);
    h += section(QStringLiteral("Columns"),
        { QStringLiteral("#"), QStringLiteral("Name"), QStringLiteral("Type"),
            QStringLiteral("Null"), QStringLiteral("Default / identity"),
            QStringLiteral("Comment") },
        columnRows(d.columns));
    QList<QStringList> rows;
    for (const IndexInfo &i : d.indexes)
        rows << QStringList { QStringLiteral("<b>%1</b>").arg(esc(i.name)),
            QStringLiteral("<code>%1</code>").arg(esc(i.definition)), bytes(i.bytes),
            i.valid ? QString() : QStringLiteral("<b>INVALID</b>") };
    h += section(QStringLiteral("Indexes"),
        { QStringLiteral("Name"), QStringLiteral("Definition"), QStringLiteral("Size"), QString() },
        rows);
    rows.clear();
    for (const ConstraintInfo &c : d.constraints)
        rows << QStringList { QStringLiteral("<b>%1</b>").arg(esc(c.name)), esc(c.typeName()),
            QStringLiteral("<code>%1</code>").arg(esc(c.definition)) };
    h += section(QStringLiteral("Constraints"),
        { QStringLiteral("Name"), QStringLiteral("Type"), QStringLiteral("Definition") }, rows);
    rows.clear();
    for (const ForeignKeyInfo &f : d.references)
        rows << QStringList { QStringLiteral("<b>%1</b>").arg(esc(f.name)),
            esc(f.otherSchema + QLatin1Char('.') + f.otherTable),
            QStringLiteral("<code>%1</code>").arg(esc(f.definition)) };
    h += section(QStringLiteral("References"),
        { QStringLiteral("Key"), QStringLiteral("Table"), QStringLiteral("Definition") }, rows);
    rows.clear();
    for (const ForeignKeyInfo &f : d.referencedBy)
        rows << QStringList { QStringLiteral("<b>%1</b>").arg(esc(f.name)),
            esc(f.otherSchema + QLatin1Char('.') + f.otherTable),
            QStringLiteral("<code>%1</code>").arg(esc(f.definition)) };
    h += section(QStringLiteral("Referenced by"),
        { QStringLiteral("Key"), QStringLiteral("From table"), QStringLiteral("Definition") },
        rows);
    rows.clear();
    for (const TriggerInfo &t : d.triggers)
        rows << QStringList { QStringLiteral("<b>%1</b>").arg(esc(t.name)),
            QStringLiteral("<code>%1</code>").arg(esc(t.definition)),
            t.enabled == u'D' ? QStringLiteral("disabled") : QString() };
    h += section(QStringLiteral("Triggers"),
        { QStringLiteral("Name"), QStringLiteral("Definition"), QString() }, rows);
    rows.clear();
    for (const PartitionInfo &p : d.partitions)
        rows << QStringList {
            QStringLiteral("<b>%1</b>").arg(esc(p.schema + QLatin1Char('.') + p.name)),
            QStringLiteral("<code>%1</code>").arg(esc(p.bound)),
            p.estimatedRows < 0 ? QString() : num(p.estimatedRows)
        };
    h += section(QStringLiteral("Partitions"),
        { QStringLiteral("Partition"), QStringLiteral("Bound"), QStringLiteral("Est. rows") },
        rows);
    if (!d.viewDefinition.isEmpty())
        h += QStringLiteral("<h3>Definition</h3><pre>%1</pre>").arg(esc(d.viewDefinition));
    return h;
}

QString function(const FunctionDetails &f)
{
    QString h = theme::detailsCss();
    h += QStringLiteral("<h2>%1.%2(%3)</h2><p>%4</p>")
             .arg(esc(f.schema), esc(f.name), esc(f.arguments), esc(f.kind));
    if (!f.comment.isEmpty())
        h += QStringLiteral("<p><i>%1</i></p>").arg(esc(f.comment));
    h += facts({ { QStringLiteral("Returns"), esc(f.result) },
        { QStringLiteral("Language"), esc(f.language) },
        { QStringLiteral("Volatility"), esc(f.volatility) },
        { QStringLiteral("Owner"), esc(f.owner) },
        { QStringLiteral("Privileges"), privileges(f.acl) } });
    h += QStringLiteral("<h3>Source</h3><pre>%1</pre>").arg(esc(f.source));
    return h;
}

QString type(const TypeDetails &t)
{
    QString h = theme::detailsCss();
    h += QStringLiteral("<h2>%1.%2</h2><p>%3 type</p>")
             .arg(esc(t.schema), esc(t.name), esc(t.kind));
    h += facts({ { QStringLiteral("Owner"), esc(t.owner) },
        { QStringLiteral("Comment"), esc(t.comment) },
        { QStringLiteral("Base type"), esc(t.baseType) },
        { QStringLiteral("Labels"), esc(t.labels) }, { QStringLiteral("Checks"), esc(t.checks) },
        { QStringLiteral("Default"), esc(t.defaultExpr) } });
    h += section(QStringLiteral("Attributes"),
        { QStringLiteral("#"), QStringLiteral("Name"), QStringLiteral("Type"),
            QStringLiteral("Null"), QStringLiteral("Default"), QStringLiteral("Comment") },
        columnRows(t.attributes));
    return h;
}

QString extension(const ExtensionDetails &e)
{
    QString h = theme::detailsCss();
    h += QStringLiteral("<h2>%1</h2><p>extension</p>").arg(esc(e.name));
    h += facts({ { QStringLiteral("Version"), esc(e.version) },
        { QStringLiteral("Schema"), esc(e.schema) }, { QStringLiteral("Owner"), esc(e.owner) },
        { QStringLiteral("Relocatable"),
            e.relocatable ? QStringLiteral("yes") : QStringLiteral("no") },
        { QStringLiteral("Comment"), esc(e.comment) } });
    return h;
}

QString schema(const QString &name, const QString &owner, const QString &comment)
{
    return theme::detailsCss() + QStringLiteral("<h2>%1</h2><p>schema</p>").arg(esc(name))
        + facts({ { QStringLiteral("Owner"), esc(owner) },
            { QStringLiteral("Comment"), esc(comment) } });
}

QString message(const QString &title, const QString &text)
{
    return theme::detailsCss()
        + QStringLiteral("<h3>%1</h3><p>%2</p>")
              .arg(esc(title), esc(text).replace(u'\n', QStringLiteral("<br>")));
}

} // namespace strata::ui::detailshtml

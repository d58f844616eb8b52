#include "erd/erdgeometry.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>

namespace strata::core::erdgeometry {

namespace {

QString subtitleOf(const ErdTable &t)
{
    switch (t.kind) {
    case ErdKind::PartitionedTable: {
        const QString count = t.partitions == 1
            ? QCoreApplication::translate("erd", "1 partition")
            : QCoreApplication::translate("erd", "%1 partitions").arg(t.partitions);
        return t.partitionStrategy.isEmpty()
            ? QCoreApplication::translate("erd", "partitioned · %1").arg(count)
            : QCoreApplication::translate("erd", "partitioned by %1 · %2")
                  .arg(t.partitionStrategy, count);
    }
    case ErdKind::View:
    case ErdKind::MaterializedView:
    case ErdKind::ForeignTable:
        return erdKindName(t.kind);
    case ErdKind::Table:
        break;
    }
    return {};
}

bool isKey(const ErdColumn &c)
{
    return c.primaryKey || c.foreignKey || c.referenced;
}

} // namespace

int TableShape::rowOf(const ErdTable &table, const QString &column) const
{
    for (int r = 0; r < columns.size(); ++r)
        if (table.columns.at(columns.at(r)).name == column)
            return r;
    return -1;
}

TableShape shape(const ErdTable &table, bool keysOnly, bool withSchema)
{
    TableShape s;
    const int n = int(table.columns.size());
    // Keys first when the list is cut, so that every edge still finds its row.
    QList<int> keys, others;
    for (int i = 0; i < n; ++i)
        (isKey(table.columns.at(i)) ? keys : others).append(i);
    if (keysOnly) {
        s.columns = keys;
    } else if (n <= kMaxRows) {
        for (int i = 0; i < n; ++i)
            s.columns.append(i);
    } else {
        s.columns = keys.mid(0, kMaxRows);
        s.columns += others.mid(0, std::max<qsizetype>(0, kMaxRows - s.columns.size()));
        std::sort(s.columns.begin(), s.columns.end());
    }
    s.hidden = n - int(s.columns.size());
    s.subtitle = subtitleOf(table);

    const double inner = kMaxWidth - 2 * kBorder - 2 * kPadX;
    double nameW = 0, typeW = 0;
    for (int c : std::as_const(s.columns)) {
        nameW = std::max(nameW, textWidth(table.columns.at(c).name, kFontPx));
        typeW = std::max(typeW, textWidth(table.columns.at(c).type, kFontPx));
    }
    nameW += 2;
    typeW += 2;
    const double rowRoom = inner - kMarkerWidth - kNullWidth - kTypeGap;
    if (nameW + typeW > rowRoom) { // names keep at least 60% of the row; long types give way
        nameW = std::min(nameW, std::max(rowRoom * 0.6, rowRoom - typeW));
        typeW = std::min(typeW, rowRoom - nameW);
    }
    const QString title = withSchema ? table.schema + u'.' + table.name : table.name;
    const double titleW = std::min(inner, textWidth(title, kHeaderFontPx, true) + 2);
    const double subW = std::min(inner, textWidth(s.subtitle, kSmallFontPx) + 2);
    const double more
        = s.hidden > 0 ? textWidth(QStringLiteral("+0000 more columns"), kSmallFontPx) : 0;
    double rowW = s.columns.isEmpty() ? 0 : kMarkerWidth + kNullWidth + nameW + kTypeGap + typeW;
    const double w = std::max({ rowW, titleW, subW, more }) + 2 * kPadX + 2 * kBorder;
    s.width = std::ceil(std::clamp(w, kMinWidth, kMaxWidth));
    // Whatever room the title or the minimum width gave goes to the name column.
    const double spare = s.width - 2 * kBorder - 2 * kPadX - rowW;
    s.nameWidth = nameW + (s.columns.isEmpty() ? 0 : std::max(0.0, spare));
    s.typeWidth = typeW;
    s.title = elide(title, kHeaderFontPx, true, s.width - 2 * kBorder - 2 * kPadX);
    const int rows = int(s.columns.size()) + (s.hidden > 0 ? 1 : 0);
    s.height = 2 * kBorder + s.headerHeight() + rows * kRowHeight + (rows > 0 ? 3 : 0);
    return s;
}

QString keyMarker(const ErdColumn &column)
{
    if (column.primaryKey && column.foreignKey)
        return QStringLiteral("PF");
    if (column.primaryKey)
        return QStringLiteral("PK");
    if (column.foreignKey)
        return QStringLiteral("FK");
    return {};
}

QString shortType(const QString &formatType)
{
    static const QRegularExpression zoned(
        QStringLiteral("^(timestamp|time)(\\(\\d+\\))? with(out)? time zone$"));
    if (const auto m = zoned.match(formatType); m.hasMatch())
        return m.captured(1) + (m.captured(3).isEmpty() ? QStringLiteral("tz") : QString())
            + m.captured(2);
    static const QList<QPair<QString, QString>> names {
        { QStringLiteral("character varying"), QStringLiteral("varchar") },
        { QStringLiteral("double precision"), QStringLiteral("float8") },
        { QStringLiteral("bit varying"), QStringLiteral("varbit") },
        { QStringLiteral("character"), QStringLiteral("char") },
    };
    QString t = formatType;
    for (const auto &[from, to] : names) {
        if (t.startsWith(from)) {
            t = to + t.mid(from.size());
            break;
        }
    }
    return t;
}

} // namespace strata::core::erdgeometry

#include "csvexport.h"

#include <QAbstractItemModel>

namespace strata::models::csv {

namespace {

QString field(QString s)
{
    if (s.contains(u',') || s.contains(u'"') || s.contains(u'\n') || s.contains(u'\r')) {
        s.replace(u'"', QStringLiteral("\"\""));
        return u'"' + s + u'"';
    }
    return s;
}

void appendRows(const QAbstractItemModel *m, const QModelIndex &parent, QStringList &lines)
{
    for (int r = 0; r < m->rowCount(parent); ++r) {
        QStringList cells;
        for (int c = 0; c < m->columnCount(parent); ++c)
            cells << field(m->index(r, c, parent).data().toString());
        lines << cells.join(u',');
        const QModelIndex child = m->index(r, 0, parent);
        if (m->hasChildren(child))
            appendRows(m, child, lines);
    }
}

} // namespace

QString fromModel(const QAbstractItemModel *model)
{
    QStringList lines;
    QStringList header;
    for (int c = 0; c < model->columnCount(); ++c)
        header << field(model->headerData(c, Qt::Horizontal).toString());
    lines << header.join(u',');
    appendRows(model, {}, lines);
    return lines.join(QStringLiteral("\r\n")) + QStringLiteral("\r\n");
}

} // namespace strata::models::csv

#include "previewmodel.h"

#include "catalog/catalogloader.h"
#include "util/whenfinished.h"

#include <QColor>
#include <QFont>
#include <QPointer>

namespace strata::models {

PreviewModel::PreviewModel(QObject *parent) : QAbstractTableModel(parent) { }

void PreviewModel::clear()
{
    beginResetModel();
    ++m_generation;
    m_loader.reset();
    m_columns.clear();
    m_rows.clear();
    m_nulls.clear();
    m_cursor = {};
    m_loading = false;
    m_atEnd = true;
    m_error.clear();
    endResetModel();
}

void PreviewModel::setRelation(std::shared_ptr<core::CatalogLoader> loader, const QString &schema,
    const QString &name, core::ObjectKind kind)
{
    clear();
    m_loader = std::move(loader);
    m_schema = schema;
    m_name = name;
    m_kind = kind;
    m_atEnd = false;
    fetchMore({});
}

int PreviewModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PreviewModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QVariant PreviewModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const bool null = m_nulls[index.row()][index.column()];
    switch (role) {
    case Qt::DisplayRole: {
        if (null)
            return QStringLiteral("NULL");
        const QString &v = m_rows[index.row()][index.column()];
        // A grid cell shows the start of long values; the tooltip has more.
        return v.size() > 200 ? v.left(200) + QStringLiteral("…") : v;
    }
    case Qt::ToolTipRole:
        return null ? QVariant() : QVariant(m_rows[index.row()][index.column()].left(2000));
    case Qt::ForegroundRole:
        return null ? QVariant(QColor(Qt::gray)) : QVariant();
    default:
        return {};
    }
}

QVariant PreviewModel::headerData(int section, Qt::Orientation o, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (o == Qt::Horizontal)
        return section < m_columns.size() ? m_columns[section] : QVariant();
    return section + 1;
}

bool PreviewModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_loader && !m_atEnd && !m_loading && m_error.isEmpty();
}

void PreviewModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    m_loading = true;
    const int generation = m_generation;
    QPointer<PreviewModel> self(this);
    core::whenFinished(this, m_loader->previewPage(m_schema, m_name, m_kind, m_cursor, m_pageSize),
        [self, generation](core::Result<core::PreviewPage> r) {
            if (!self || generation != self->m_generation)
                return;
            self->m_loading = false;
            if (!r) {
                self->m_error = r.error().toString();
                Q_EMIT self->loadFailed(self->m_error);
                return;
            }
            core::PreviewPage &p = r.value();
            if (self->m_columns.isEmpty() && !p.columns.isEmpty()) {
                self->beginInsertColumns({}, 0, int(p.columns.size()) - 1);
                self->m_columns = p.columns;
                self->endInsertColumns();
            }
            if (!p.rows.isEmpty()) {
                const int first = int(self->m_rows.size());
                self->beginInsertRows({}, first, first + int(p.rows.size()) - 1);
                self->m_rows += std::move(p.rows);
                self->m_nulls += std::move(p.nulls);
                self->endInsertRows();
            }
            self->m_cursor.afterCtid = p.nextCtid;
            self->m_cursor.offset = p.nextOffset;
            self->m_atEnd = p.atEnd;
            Q_EMIT self->pageLoaded(int(self->m_rows.size()));
        });
}

} // namespace strata::models

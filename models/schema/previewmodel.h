#pragma once

#include "catalog/catalogtypes.h"
#include "catalog/previewreader.h"

#include <QAbstractTableModel>

#include <memory>

namespace strata::core {
class CatalogLoader;
}

namespace strata::models {

// A read-only grid of a table's or view's first rows, fetched a page at a time as the view
// scrolls (canFetchMore/fetchMore), off the GUI thread through the CatalogLoader.
class PreviewModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    explicit PreviewModel(QObject *parent = nullptr);

    // Starts over on this relation; the first page is requested at once.
    void setRelation(std::shared_ptr<core::CatalogLoader> loader, const QString &schema,
        const QString &name, core::ObjectKind kind);
    void clear();
    void setPageSize(int rows) { m_pageSize = qMax(1, rows); }
    bool isLoading() const { return m_loading; }
    bool atEnd() const { return m_atEnd; }
    QString errorText() const { return m_error; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

Q_SIGNALS:
    void pageLoaded(int totalRows);
    void loadFailed(const QString &message);

private:
    std::shared_ptr<core::CatalogLoader> m_loader;
    QString m_schema;
    QString m_name;
    core::ObjectKind m_kind = core::ObjectKind::Unknown;
    QStringList m_columns;
    QList<QVector<QString>> m_rows;
    QList<QVector<bool>> m_nulls;
    core::PreviewCursor m_cursor;
    int m_pageSize = 200;
    int m_generation = 0;
    bool m_loading = false;
    bool m_atEnd = true;
    QString m_error;
};

} // namespace strata::models

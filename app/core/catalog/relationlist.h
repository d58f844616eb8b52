#pragma once

#include "catalog/catalogtypes.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

namespace strata::core {

// A list of catalog objects (one group of a schema, or a table's partitions) kept compactly:
// one fixed-size record per object and every text in one UTF-8 buffer, filled straight from
// libpq's result. 50,000 tables are two allocations of about 3.5 MB instead of 150,000 small
// ones; the schema tree keeps the list as the storage of those rows and makes a QString only
// for the rows a view asks about. Cheap to copy (implicitly shared).
class RelationList
{
public:
    // A text in the buffer.
    struct Text
    {
        quint32 offset = 0;
        quint32 size = 0;
    };
    struct Row
    {
        quint32 oid = 0;
        quint32 schemaOid = 0; // 0: the schema the list was read from
        quint32 parentOid = 0; // a partition's parent
        qint32 partitionCount = 0; // a partitioned table's direct partitions
        qint64 estimatedRows = -1; // reltuples; -1: never analyzed
        qint64 estimatedBytes = 0; // relpages * block size
        Text name; // a function's name carries its arguments: "f(integer)"
        Text schemaName; // filled for partitions only (they may sit in another schema)
        Text detail; // a partition's bound, a function's arguments, a type's text, ...
        ObjectKind kind = ObjectKind::Unknown;
        char prokind = 0; // a function's pg_proc.prokind: 'f', 'p' (procedure), 'a', 'w'
    };

    int size() const { return int(m_rows.size()); }
    bool isEmpty() const { return m_rows.isEmpty(); }
    const Row &row(int i) const { return m_rows.at(i); }

    QString name(int i) const { return text(m_rows.at(i).name); }
    QString schemaName(int i) const { return text(m_rows.at(i).schemaName); }
    QString detail(int i) const { return text(m_rows.at(i).detail); }
    QByteArrayView utf8(Text t) const { return QByteArrayView(m_text).sliced(t.offset, t.size); }
    QString text(Text t) const { return QString::fromUtf8(utf8(t)); }

    void reserve(int rows, qsizetype textBytes);
    // Appends a row, copying its texts (UTF-8) into the buffer; the row's Text fields are set.
    void append(
        Row row, QByteArrayView name, QByteArrayView schemaName = {}, QByteArrayView detail = {});
    // Appends row i of another list.
    void appendFrom(const RelationList &other, int i);
    void removeRows(int first, int count);
    void truncate(int rows);
    // The row of this OID, looking at `hint` first; -1 when absent.
    int indexOfOid(quint32 oid, int hint = -1) const;

    // The same rows as plain values (for callers that want them one by one).
    QList<RelationInfo> toInfos(quint32 schemaOid) const;
    // Memory held by the records and the texts, in bytes.
    qsizetype bytes() const;

private:
    Text store(QByteArrayView utf8);

    QList<Row> m_rows;
    QByteArray m_text;
};

} // namespace strata::core

#include "relationlist.h"

namespace strata::core {

void RelationList::reserve(int rows, qsizetype textBytes)
{
    m_rows.reserve(rows);
    m_text.reserve(textBytes);
}

RelationList::Text RelationList::store(QByteArrayView utf8)
{
    if (utf8.isEmpty())
        return {};
    Text t { quint32(m_text.size()), quint32(utf8.size()) };
    m_text.append(utf8.data(), utf8.size());
    return t;
}

void RelationList::append(
    Row row, QByteArrayView name, QByteArrayView schemaName, QByteArrayView detail)
{
    row.name = store(name);
    row.schemaName = store(schemaName);
    row.detail = store(detail);
    m_rows.append(row);
}

void RelationList::appendFrom(const RelationList &other, int i)
{
    const Row &r = other.m_rows.at(i);
    append(r, other.utf8(r.name), other.utf8(r.schemaName), other.utf8(r.detail));
}

void RelationList::removeRows(int first, int count)
{
    // The texts stay in the buffer: a refresh builds a new list soon after.
    m_rows.remove(first, count);
}

void RelationList::truncate(int rows)
{
    if (rows < size())
        m_rows.resize(rows);
}

int RelationList::indexOfOid(quint32 oid, int hint) const
{
    if (hint >= 0 && hint < size() && m_rows.at(hint).oid == oid)
        return hint;
    for (int i = 0; i < size(); ++i)
        if (m_rows.at(i).oid == oid)
            return i;
    return -1;
}

QList<RelationInfo> RelationList::toInfos(quint32 schemaOid) const
{
    QList<RelationInfo> out;
    out.reserve(size());
    for (int i = 0; i < size(); ++i) {
        const Row &r = m_rows.at(i);
        RelationInfo o;
        o.oid = r.oid;
        o.name = name(i);
        o.kind = r.kind;
        o.parentOid = r.parentOid;
        o.schemaOid = r.schemaOid ? r.schemaOid : schemaOid;
        o.schemaName = schemaName(i);
        o.estimatedRows = r.estimatedRows;
        o.estimatedBytes = r.estimatedBytes;
        o.partitionCount = r.partitionCount;
        if (r.parentOid)
            o.partitionBound = detail(i);
        else
            o.detail = detail(i);
        out.append(std::move(o));
    }
    return out;
}

qsizetype RelationList::bytes() const
{
    return m_rows.capacity() * qsizetype(sizeof(Row)) + m_text.capacity();
}

} // namespace strata::core

#include "catalog/relationlist.h"

#include <QTest>

using namespace strata::core;

namespace {

// Names the buffer must give back byte for byte: quotes, spaces, capitals, a dot, non-ASCII
// letters, an emoji (4-byte UTF-8), an empty text, a long one.
QStringList awkwardNames()
{
    return { QString::fromUtf8("Tab \"ü. X"), QString::fromUtf8("Größe 😀"), QStringLiteral("a"),
        QString(), QStringLiteral("x").repeated(63), QString::fromUtf8("日本語 テーブル") };
}

RelationList::Row row(quint32 oid, ObjectKind kind = ObjectKind::Table)
{
    RelationList::Row r;
    r.oid = oid;
    r.kind = kind;
    r.estimatedRows = oid * 10;
    r.estimatedBytes = oid * 8192;
    return r;
}

RelationList listOf(const QStringList &names)
{
    RelationList list;
    list.reserve(int(names.size()), 0);
    for (int i = 0; i < names.size(); ++i)
        list.append(
            row(quint32(100 + i)), names[i].toUtf8(), {}, QByteArray(names[i].toUtf8() + "!"));
    return list;
}

} // namespace

class tst_RelationList : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void keepsAwkwardNamesByteForByte();
    void copiesRowsWithTheirTexts();
    void removesAndTruncatesRows();
    void findsRowsByOidWithOrWithoutAHint();
    void turnsRowsIntoInfos();
    void holdsFewerBytesThanAnInfoList();
};

void tst_RelationList::keepsAwkwardNamesByteForByte()
{
    const QStringList names = awkwardNames();
    const RelationList list = listOf(names);
    QCOMPARE(list.size(), names.size());
    for (int i = 0; i < names.size(); ++i) {
        QCOMPARE(list.name(i), names[i]);
        QCOMPARE(list.detail(i), names[i] + QLatin1Char('!'));
        QCOMPARE(list.schemaName(i), QString());
        QCOMPARE(list.utf8(list.row(i).name), QByteArrayView(names[i].toUtf8()));
        QCOMPARE(list.row(i).oid, quint32(100 + i));
        QCOMPARE(list.row(i).estimatedRows, qint64(100 + i) * 10);
    }
}

void tst_RelationList::copiesRowsWithTheirTexts()
{
    const RelationList from = listOf(awkwardNames());
    RelationList to;
    to.append(row(7), "first");
    for (int i = from.size() - 1; i >= 0; --i)
        to.appendFrom(from, i);
    QCOMPARE(to.size(), from.size() + 1);
    QCOMPARE(to.name(0), QStringLiteral("first"));
    for (int i = 0; i < from.size(); ++i) {
        const int j = from.size() - i; // reversed, after "first"
        QCOMPARE(to.name(j), from.name(i));
        QCOMPARE(to.detail(j), from.detail(i));
        QCOMPARE(to.row(j).oid, from.row(i).oid);
    }
    // Implicitly shared: a copy changed later leaves the original as it was.
    RelationList copy = to;
    copy.truncate(1);
    QCOMPARE(to.size(), from.size() + 1);
}

void tst_RelationList::removesAndTruncatesRows()
{
    const QStringList names = awkwardNames();
    RelationList list = listOf(names);
    list.removeRows(1, 2);
    QCOMPARE(list.size(), names.size() - 2);
    QCOMPARE(list.name(0), names[0]);
    QCOMPARE(list.name(1), names[3]);
    QCOMPARE(list.name(2), names[4]);
    list.truncate(2);
    QCOMPARE(list.size(), 2);
    list.truncate(10); // never grows
    QCOMPARE(list.size(), 2);
}

void tst_RelationList::findsRowsByOidWithOrWithoutAHint()
{
    const RelationList list = listOf(awkwardNames());
    QCOMPARE(list.indexOfOid(103), 3);
    QCOMPARE(list.indexOfOid(103, 3), 3);
    QCOMPARE(list.indexOfOid(103, 0), 3); // a stale hint
    QCOMPARE(list.indexOfOid(103, 99), 3); // out of range
    QCOMPARE(list.indexOfOid(42), -1);
}

void tst_RelationList::turnsRowsIntoInfos()
{
    RelationList list;
    RelationList::Row table = row(1);
    list.append(table, "Tab \"ü. X", {}, "plain detail");
    RelationList::Row part = row(2);
    part.parentOid = 1;
    part.schemaOid = 77;
    list.append(part, "m_2024", "Other schema", "FOR VALUES IN (1)");
    const QList<RelationInfo> infos = list.toInfos(55);
    QCOMPARE(infos.size(), 2);
    QCOMPARE(infos[0].name, QString::fromUtf8("Tab \"ü. X"));
    QCOMPARE(infos[0].schemaOid, quint32(55)); // the list's schema
    QCOMPARE(infos[0].detail, QStringLiteral("plain detail"));
    QCOMPARE(infos[0].partitionBound, QString());
    QCOMPARE(infos[1].schemaOid, quint32(77)); // its own
    QCOMPARE(infos[1].schemaName, QStringLiteral("Other schema"));
    QCOMPARE(infos[1].parentOid, quint32(1));
    QCOMPARE(infos[1].partitionBound, QStringLiteral("FOR VALUES IN (1)"));
    QCOMPARE(infos[1].estimatedBytes, qint64(2 * 8192));
}

void tst_RelationList::holdsFewerBytesThanAnInfoList()
{
    RelationList list;
    const int n = 10000;
    list.reserve(n, n * 12);
    for (int i = 0; i < n; ++i)
        list.append(row(quint32(i)), QByteArray(QByteArray("table_") + QByteArray::number(i)));
    QVERIFY(list.bytes() >= qsizetype(n) * qsizetype(sizeof(RelationList::Row)));
    // Records and one buffer: well under what a RelationInfo per row costs before its strings.
    QVERIFY(list.bytes() < qsizetype(n) * qsizetype(sizeof(RelationInfo)));
}

QTEST_APPLESS_MAIN(tst_RelationList)
#include "tst_relationlist.moc"

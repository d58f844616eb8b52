#pragma once

#include <QHash>
#include <QList>
#include <QPointF>
#include <QRectF>
#include <QString>
#include <QStringList>

#include <memory>

namespace strata::core {

namespace erdgeometry {
struct TableShape;
}

// A table (or view) by name: what a person picks and what is saved with a diagram (OIDs change
// with a dump and restore, names do not).
struct ErdTableRef
{
    QString schema;
    QString name;

    bool isValid() const { return !name.isEmpty(); }
    QString display() const { return schema + u'.' + name; } // for people, never for SQL
    // "schema.name" as a person types it: the last dot splits, a missing schema is empty.
    static ErdTableRef parse(const QString &text);
    friend bool operator==(const ErdTableRef &a, const ErdTableRef &b)
    {
        return a.schema == b.schema && a.name == b.name;
    }
};

inline size_t qHash(const ErdTableRef &r, size_t seed = 0)
{
    return qHashMulti(seed, r.schema, r.name);
}

enum class ErdKind { Table, PartitionedTable, View, MaterializedView, ForeignTable };

struct ErdColumn
{
    QString name;
    QString type; // shortened: "timestamptz", "varchar(20)"
    bool notNull = false;
    bool primaryKey = false;
    bool foreignKey = false; // part of a foreign key of this table
    bool referenced = false; // a foreign key (of any table in the catalog) points at it
};

struct ErdTable
{
    quint32 oid = 0;
    QString schema;
    QString name;
    ErdKind kind = ErdKind::Table;
    int partitions = 0; // partitions folded into this table
    QString partitionStrategy; // "range", "list", "hash" for a partitioned table
    QList<ErdColumn> columns; // empty until the diagram's columns are read

    ErdTableRef ref() const { return { schema, name }; }
    bool isView() const { return kind == ErdKind::View || kind == ErdKind::MaterializedView; }
};

// A foreign key, between the tables partitions are folded into.
struct ErdForeignKey
{
    quint32 oid = 0;
    QString name;
    quint32 from = 0; // the referencing table
    quint32 to = 0; // the referenced table
    QStringList fromColumns;
    QStringList toColumns;
    QString definition; // pg_get_constraintdef: "FOREIGN KEY (a, b) REFERENCES s.t(x, y) ..."
};

// A view (or materialized view) reads a table (or another view).
struct ErdViewEdge
{
    quint32 view = 0;
    quint32 source = 0;
};

// The catalog's shape: every table, view and foreign key of the user's schemas, without columns
// (cheap even for 50,000 tables). Selections run on it; columns are read for what is drawn.
struct ErdCatalog
{
    QList<ErdTable> tables;
    QList<ErdForeignKey> keys;
    QList<ErdViewEdge> viewEdges;

    // Index of a table by OID or by name; -1 when absent. Built by index().
    void index();
    int indexOf(quint32 oid) const { return m_byOid.value(oid, -1); }
    int indexOf(const ErdTableRef &ref) const { return m_byRef.value(ref, -1); }
    QStringList schemas() const; // sorted

private:
    QHash<quint32, int> m_byOid;
    QHash<ErdTableRef, int> m_byRef;
};

// What a diagram shows. Saved with a named diagram (subject area) as JSON.
struct ErdScope
{
    enum class Kind { Schemas, Tables, Neighbourhood, Path };
    Kind kind = Kind::Schemas;
    QStringList schemas; // Schemas: every table of these
    QList<ErdTableRef> tables; // Tables: this hand-picked set; Neighbourhood: the centres
    int depth = 1; // Neighbourhood: foreign keys followed, both ways
    ErdTableRef from, to; // Path: the shortest foreign-key paths between these two
    bool keysOnly = false; // list only key and foreign-key columns
    bool views = true; // draw views, with dashed edges to what they read

    QByteArray toJson() const;
    static ErdScope fromJson(const QByteArray &json);
    QString describe() const; // "schema ais", "orders and 2 steps around it"
    friend bool operator==(const ErdScope &a, const ErdScope &b)
    {
        return a.toJson() == b.toJson();
    }
};

// What a selection chose: tables of the catalog (indexes into ErdCatalog::tables) and the keys
// between them to draw (all of them, or only those on a path).
struct ErdSelection
{
    QList<int> tables;
    QList<int> keys; // indexes into ErdCatalog::keys
    QList<int> viewEdges; // indexes into ErdCatalog::viewEdges
    QString problem; // why nothing was chosen ("No table public.x"), empty when fine
};

// The tables to draw with their columns, and what connects them.
struct ErdDiagram
{
    QList<ErdTable> tables;
    QList<ErdForeignKey> keys; // both ends among tables
    QList<ErdViewEdge> viewEdges; // both ends among tables
    bool keysOnly = false;

    int indexOf(quint32 oid) const;
    bool multiSchema() const;
};

// One drawn edge: a cubic Bézier (first point, then three per segment) in scene coordinates
// (y down), with an arrow tip at either end as Graphviz placed it.
struct ErdEdgePath
{
    int key = -1; // index into ErdDiagram::keys, or
    int viewEdge = -1; // index into ErdDiagram::viewEdges
    QList<QPointF> points;
    bool hasStart = false;
    QPointF start; // the tail's tip (on the referencing table)
    bool hasEnd = false;
    QPointF end; // the head's tip (on the referenced table)
};

struct ErdClusterBox
{
    QString schema;
    QRectF rect;
    QList<int> tables; // what it holds (indexes into ErdDiagram::tables)
};

// Where everything goes, in scene coordinates (points; y grows downwards).
struct ErdLayout
{
    QRectF bounds;
    QList<QRectF> tables; // same order as ErdDiagram::tables
    QList<ErdEdgePath> edges;
    QList<ErdClusterBox> clusters;
    double graphvizMs = 0; // time spent inside gvLayout
    int components = 0; // laid out separately by Graphviz
    // How each table is drawn (erdgeometry::shape), worked out with the layout in the worker.
    std::shared_ptr<const QList<erdgeometry::TableShape>> shapes;
};

// A diagram with its layout: what a request returns. When the selection is larger than the
// request allowed, nothing is read or laid out: `wouldDraw` says how many tables it would be.
struct ErdResult
{
    ErdDiagram diagram;
    ErdLayout layout;
    int wouldDraw = 0;
    bool tooLarge = false;
    QString note; // what the selection dropped or could not find
    double readMs = 0;
    double layoutMs = 0;
};

QString erdKindName(ErdKind kind);

} // namespace strata::core

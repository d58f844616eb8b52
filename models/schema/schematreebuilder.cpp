#include "schematreebuilder.h"

namespace strata::models::schematree {

using core::ObjectKind;
using Type = SchemaTreeNode::Type;
using Sub = SchemaTreeNode::Sub;
using State = SchemaTreeNode::State;

namespace {

NodePtr make(Type type)
{
    auto n = std::make_unique<SchemaTreeNode>();
    n->type = type;
    return n;
}

// What a node under `above` inherits from it.
NodePtr below(const SchemaTreeNode &above, Type type)
{
    NodePtr n = make(type);
    n->oid = above.oid;
    n->schemaOid = above.schemaOid;
    n->schemaName = above.schemaName;
    n->internal = above.internal;
    return n;
}

ObjectKind leafKind(Sub sub)
{
    switch (sub) {
    case Sub::Columns:
        return ObjectKind::Column;
    case Sub::Indexes:
        return ObjectKind::Index;
    case Sub::Constraints:
        return ObjectKind::Constraint;
    default:
        return ObjectKind::Trigger;
    }
}

NodePtr leaf(const SchemaTreeNode &sub, const QString &name, const QString &detail)
{
    NodePtr c = below(sub, Type::Leaf);
    c->sub = sub.sub;
    c->kind = leafKind(sub.sub);
    c->name = name;
    c->detail = detail;
    c->key = QStringLiteral("l:") + name;
    c->state = State::Fetched;
    return c;
}

} // namespace

bool isExpandable(ObjectKind k)
{
    return k == ObjectKind::Table || k == ObjectKind::PartitionedTable || k == ObjectKind::View
        || k == ObjectKind::MaterializedView || k == ObjectKind::ForeignTable;
}

NodeList databaseNodes(const QList<core::DatabaseInfo> &databases, const QString &connected)
{
    NodeList out;
    out.reserve(size_t(databases.size()));
    for (const auto &d : databases) {
        NodePtr c = make(Type::Database);
        c->kind = ObjectKind::Database;
        c->oid = d.oid;
        c->name = d.name;
        c->key = QStringLiteral("d:") + d.name;
        c->disabled = d.name != connected;
        c->expandable = !c->disabled;
        c->state = c->expandable ? State::Unfetched : State::Fetched;
        out.push_back(std::move(c));
    }
    return out;
}

NodeList schemaNodes(const QList<core::SchemaInfo> &schemas, bool showInternal)
{
    NodeList out;
    for (const auto &s : schemas) {
        if (s.internal && !showInternal)
            continue;
        NodePtr c = make(Type::Schema);
        c->kind = ObjectKind::Schema;
        c->oid = s.oid;
        c->schemaOid = s.oid;
        c->name = s.name;
        c->schemaName = s.name;
        c->key = QStringLiteral("s:%1").arg(s.oid);
        c->count = s.totalObjects();
        c->internal = s.internal;
        c->detail = s.comment;
        c->expandable = true;
        out.push_back(std::move(c));
    }
    return out;
}

NodeList groupNodes(const SchemaTreeNode &schema, const core::SchemaInfo &info)
{
    NodeList out;
    for (int g = 0; g < core::catalogGroupCount; ++g) {
        const auto group = core::CatalogGroup(g);
        const qint64 count = info.count(group);
        if (count == 0 && group != core::CatalogGroup::Tables)
            continue;
        NodePtr n = below(schema, Type::Group);
        n->oid = 0;
        n->group = group;
        n->kind = core::groupObjectKind(group);
        n->key = QStringLiteral("g:%1").arg(g);
        n->count = count;
        n->expandable = count > 0;
        n->state = count > 0 ? State::Unfetched : State::Fetched;
        out.push_back(std::move(n));
    }
    return out;
}

NodeList subGroupNodes(const SchemaTreeNode &object, const core::RelationCounts &counts)
{
    NodeList out;
    auto add = [&](Sub sub, qint64 count, bool always) {
        if (count == 0 && !always)
            return;
        NodePtr s = below(object, Type::SubGroup);
        s->sub = sub;
        s->kind = object.kind;
        s->key = QStringLiteral("u:%1").arg(int(sub));
        s->count = count;
        s->expandable = count > 0;
        s->state = count > 0 ? State::Unfetched : State::Fetched;
        out.push_back(std::move(s));
    };
    add(Sub::Partitions, counts.partitions, false);
    add(Sub::Columns, counts.columns, true);
    add(Sub::Indexes, counts.indexes, false);
    add(Sub::Constraints, counts.constraints, false);
    add(Sub::Triggers, counts.triggers, false);
    return out;
}

NodeList leafNodes(const SchemaTreeNode &sub, const QList<core::ColumnInfo> &columns)
{
    NodeList out;
    out.reserve(size_t(columns.size()));
    for (const auto &c : columns)
        out.push_back(leaf(sub, c.name, c.notNull ? c.type + QStringLiteral(" not null") : c.type));
    return out;
}

NodeList leafNodes(const SchemaTreeNode &sub, const QList<core::IndexInfo> &indexes)
{
    NodeList out;
    for (const auto &i : indexes)
        out.push_back(leaf(sub, i.name, i.definition));
    return out;
}

NodeList leafNodes(const SchemaTreeNode &sub, const QList<core::ConstraintInfo> &constraints)
{
    NodeList out;
    for (const auto &c : constraints)
        out.push_back(leaf(sub, c.name, c.typeName() + QStringLiteral(": ") + c.definition));
    return out;
}

NodeList leafNodes(const SchemaTreeNode &sub, const QList<core::TriggerInfo> &triggers)
{
    NodeList out;
    for (const auto &t : triggers)
        out.push_back(leaf(sub, t.name, t.definition));
    return out;
}

void updateObjectNode(SchemaTreeNode &node, const ObjectRows &rows, int row)
{
    const core::RelationList::Row &r = rows.list.row(row);
    const SchemaTreeNode &owner = *rows.owner;
    node.kind = r.kind;
    node.oid = r.oid;
    node.schemaOid = r.schemaOid ? r.schemaOid : owner.schemaOid;
    node.schemaName = r.schemaName.size ? rows.list.schemaName(row) : owner.schemaName;
    node.name = rows.list.name(row);
    node.internal = owner.internal;
    node.count = r.kind == ObjectKind::PartitionedTable ? r.partitionCount : -1;
    const bool expandable = isExpandable(r.kind);
    if (node.expandable != expandable) {
        node.expandable = expandable;
        if (!expandable)
            node.state = State::Fetched;
    }
}

NodePtr objectNode(ObjectRows &rows, int row)
{
    NodePtr n = make(Type::Object);
    n->parent = rows.owner;
    n->in = &rows;
    n->rowHint = row;
    n->key = QStringLiteral("o:%1").arg(rows.list.row(row).oid);
    n->expandable = isExpandable(rows.list.row(row).kind);
    n->state = n->expandable ? State::Unfetched : State::Fetched;
    updateObjectNode(*n, rows, row);
    return n;
}

} // namespace strata::models::schematree

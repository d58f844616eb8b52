#include "icons.h"

#include <array>

namespace strata::models::icons {

namespace {

struct Entry
{
    const char *file; // resources/icons/ui/FILE.svg
    const char *theme; // a freedesktop icon name, or nullptr
};

// Theme names only where the freedesktop naming spec has one that means the same thing; the
// kinds of database object have none, so they always use Strata's drawings (and look alike on
// every desktop).
constexpr std::array<Entry, int(Icon::Count_)> entries { {
    { "server", "network-server" },
    { "database", nullptr },
    { "schema", nullptr },
    { "table", nullptr },
    { "partitioned-table", nullptr },
    { "partition", nullptr },
    { "view", nullptr },
    { "materialized-view", nullptr },
    { "sequence", nullptr },
    { "function", nullptr },
    { "procedure", nullptr },
    { "aggregate", nullptr },
    { "extension", nullptr },
    { "type", nullptr },
    { "foreign-table", nullptr },
    { "index", nullptr },
    { "column", nullptr },
    { "constraint", nullptr },
    { "trigger", nullptr },
    { "folder", "folder" },
    { "new-connection", nullptr },
    { "refresh", "view-refresh" },
    { "find", "edit-find" },
    { "backup", nullptr },
    { "restore", nullptr },
    { "diagram", nullptr },
} };

QIcon make(Icon which)
{
    const Entry &e = entries.at(size_t(which));
    const QIcon bundled(QStringLiteral(":/icons/ui/%1.svg").arg(QLatin1String(e.file)));
    if (!e.theme)
        return bundled;
    return QIcon::fromTheme(QLatin1String(e.theme), bundled);
}

} // namespace

const QIcon &icon(Icon which)
{
    static std::array<QIcon, int(Icon::Count_)> cache;
    static std::array<bool, int(Icon::Count_)> made {};
    const auto i = size_t(which);
    if (i >= cache.size())
        return cache.front();
    if (!made[i]) {
        cache[i] = make(which);
        made[i] = true;
    }
    return cache[i];
}

Icon iconFor(core::ObjectKind kind, bool partition, char prokind)
{
    using core::ObjectKind;
    switch (kind) {
    case ObjectKind::Database:
        return Icon::Database;
    case ObjectKind::Schema:
        return Icon::Schema;
    case ObjectKind::Table:
        return partition ? Icon::Partition : Icon::Table;
    case ObjectKind::PartitionedTable:
        return Icon::PartitionedTable;
    case ObjectKind::View:
        return Icon::View;
    case ObjectKind::MaterializedView:
        return Icon::MaterializedView;
    case ObjectKind::Sequence:
        return Icon::Sequence;
    case ObjectKind::Function:
        return prokind == 'p' ? Icon::Procedure : prokind == 'a' ? Icon::Aggregate : Icon::Function;
    case ObjectKind::Type:
        return Icon::Type;
    case ObjectKind::ForeignTable:
        return Icon::ForeignTable;
    case ObjectKind::Extension:
        return Icon::Extension;
    case ObjectKind::Column:
        return Icon::Column;
    case ObjectKind::Index:
        return Icon::Index;
    case ObjectKind::Constraint:
        return Icon::Constraint;
    case ObjectKind::Trigger:
        return Icon::Trigger;
    case ObjectKind::Unknown:
        break;
    }
    return Icon::Folder;
}

QString fallbackName(Icon which)
{
    const auto i = size_t(which);
    return i < entries.size() ? QLatin1String(entries.at(i).file) : QString();
}

} // namespace strata::models::icons

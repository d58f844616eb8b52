#include "schematreenode.h"

namespace strata::models {

int SchemaTreeNode::row() const
{
    if (in) {
        // An opened object sits at its OID's row, once that row is in the model.
        const int r = in->list.indexOfOid(oid, rowHint);
        if (r < 0 || r >= in->shown)
            return -1;
        rowHint = r;
        return r;
    }
    if (!parent)
        return 0;
    const auto &siblings = parent->children;
    if (rowHint >= 0 && size_t(rowHint) < siblings.size() && siblings[rowHint].get() == this)
        return rowHint;
    for (size_t i = 0; i < siblings.size(); ++i)
        if (siblings[i].get() == this) {
            rowHint = int(i);
            return rowHint;
        }
    return -1;
}

} // namespace strata::models

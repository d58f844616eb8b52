#pragma once

#include "result.h"

#include <QList>
#include <QSet>
#include <QString>

namespace strata::core {

class SessionContext;

struct SequenceMove
{
    QString sequence; // schema.name
    QString column; // schema.table.column
    bool identity = false;
    qint64 from = 0; // the value nextval() would have returned
    qint64 to = 0; // the value it returns now
};

// After a data-only or partial restore, rows carry explicit ids that never went through
// nextval(): move each sequence owned by a restored column (serial or identity) past the
// column's maximum, so the next insert does not fail on a duplicate key. Sequences already
// ahead are left alone (moving one back could hand out ids used elsewhere).
namespace sequencereset {

// tables: "schema.table" as pg_restore names them; empty: every table.
Result<QList<SequenceMove>> run(SessionContext &ctx, const QSet<QString> &tables);
QString describe(const SequenceMove &m);

} // namespace sequencereset
} // namespace strata::core

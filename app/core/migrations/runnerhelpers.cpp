#include "runnerhelpers.h"

#include "db/session.h"
#include "migrations/sqlsplitter.h"

#include <QRegularExpression>

namespace strata::core::runnerhelpers {

QString unsupportedReason(const QString &text)
{
    // A SQL-standard routine body (BEGIN ATOMIC ... END, PostgreSQL 14+) holds semicolons and
    // an END the splitter would take for statement ends and transaction control.
    static const QRegularExpression atomic(
        QStringLiteral(R"(\bBEGIN\s+ATOMIC\b)"), QRegularExpression::CaseInsensitiveOption);
    if (atomic.match(SqlSplitter::codeOnly(text)).hasMatch())
        return QStringLiteral("it has a BEGIN ATOMIC routine body, which Strata cannot split into "
                              "statements safely: write the body with $$ quotes, or run this file "
                              "with psql and record it by hand");
    return {};
}

QSet<QString> committingProcedures(SessionContext &ctx)
{
    QSet<QString> names;
    // Servers without procedures (before 11) fail the query: then there are none.
    if (auto r = ctx.exec(QStringLiteral("migrations/runner/committing_procedures")))
        for (int i = 0; i < r->rows(); ++i)
            names.insert(r->text(i, 0));
    return names;
}

QString when(const QDateTime &t)
{
    return t.isValid() ? t.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                       : QStringLiteral("an unknown time");
}

} // namespace strata::core::runnerhelpers

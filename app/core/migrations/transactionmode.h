#pragma once

#include <QSet>
#include <QString>

namespace strata::core {

// How the plain-SQL runner must run one file, decided from its statements (comments and string
// literals ignored, statement boundaries from SqlSplitter):
// - Wrapped: in one transaction the runner opens, with its history row (the default);
// - NoTransaction: statement by statement, each committed on its own, because a statement cannot
//   run inside a transaction block (CREATE INDEX CONCURRENTLY, VACUUM, COMMIT inside DO, ...) or
//   the file carries FolderReader::noTransactionMarker;
// - AsWritten: statement by statement and not wrapped, because the file opens and ends its own
//   transactions (a top-level BEGIN, START TRANSACTION, COMMIT, ROLLBACK, END or ABORT).
struct TransactionMode
{
    enum class Mode { Wrapped, NoTransaction, AsWritten };
    Mode mode = Mode::Wrapped;
    QString reason; // why it is not wrapped: "CREATE INDEX CONCURRENTLY (line 3) cannot run ..."
    int line = 0; // the statement that decided it

    // committingProcedures: procedures already in the database whose body commits (lower-case
    // names without schema); a CALL of one cannot run in a transaction block either.
    static TransactionMode of(const QString &text, const QSet<QString> &committingProcedures = {});
    bool wrapped() const { return mode == Mode::Wrapped; }
    // For dry runs and progress: "in one transaction", "outside a transaction, ...: <reason>".
    QString describe() const;
};

} // namespace strata::core

#pragma once

#include "migrations/migrationfolder.h"

namespace strata::core {

// Reads the module-level assignments of an Alembic revision file (revision, down_revision,
// branch_labels, depends_on) and its docstring, without running Python. It also checks what a
// broken file shows first (unclosed strings and brackets, a missing `revision =`), so such a
// file becomes an entry with an error instead of a wrong graph. A broken file keeps the ids its
// docstring header or file name give, and says when its parents are unknown. It is not a Python
// parser: a file with subtler syntax errors is read as far as its assignments go.
class AlembicParser
{
public:
    static FolderMigration parse(
        const QString &text, const QString &path, const QString &relativePath);

private:
    static QString syntaxProblem(const QString &text);
    static QStringList parseValue(const QString &expr, bool *ok);
    static void recover(
        const QString &text, const QString &relativePath, FolderMigration *m, bool downRead);
};

} // namespace strata::core

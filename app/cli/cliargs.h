#pragma once

#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

namespace strata::cli {

// A command's arguments: options with a value (given as "--name value" or "--name=value"),
// flags, repeatable options, and what is left in order. Unknown options are a problem.
class CliArgs
{
public:
    CliArgs(const QStringList &args, const QStringList &withValue, const QStringList &flags);

    QString problem() const { return m_problem; }
    bool has(const QString &option) const
    {
        return m_values.contains(option) || m_flags.contains(option);
    }
    QString value(const QString &option, const QString &fallback = {}) const;
    QStringList values(const QString &option) const { return m_values.value(option); }
    // A whole number >= 0; sets the problem when the value is something else.
    int number(const QString &option, int fallback = 0);
    QStringList positional() const { return m_positional; }

private:
    QHash<QString, QStringList> m_values;
    QSet<QString> m_flags;
    QStringList m_positional;
    QString m_problem;
};

} // namespace strata::cli

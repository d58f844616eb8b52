#pragma once

#include <QString>

#include <optional>
#include <utility>

namespace strata::core {

// What went wrong, in words a person can act on. Core returns these instead of throwing
// across threads; the UI decides how to show them.
struct Error
{
    enum class Kind {
        None,
        InvalidInput, // a malformed connection string, a bad option
        Unreachable, // host down, refused, DNS, timeout while connecting
        PasswordRequired, // the server wants a password and none was available
        AuthFailed, // a password was given and rejected
        ServiceNotFound, // service=NAME not in any pg_service.conf read
        Canceled, // the user (or a timeout) cancelled the statement
        Timeout, // statement_timeout fired
        ConnectionLost, // the server went away mid-session
        Query, // the server rejected a statement
        Tool, // an external program failed or is missing/mismatched
        Io, // a file could not be read or written
        Internal,
    };

    Kind kind = Kind::None;
    QString message; // what failed
    QString sqlState; // five characters when the server sent one
    QString hint; // what to do about it
    QString detail;

    Error() = default;
    Error(Kind k, QString msg, QString h = {}, QString state = {})
        : kind(k), message(std::move(msg)), sqlState(std::move(state)), hint(std::move(h))
    {
    }

    bool isError() const { return kind != Kind::None; }
    // "message (hint)" for logs and one-line displays.
    QString toString() const
    {
        QString s = message;
        if (!detail.isEmpty())
            s += QStringLiteral("\n") + detail;
        if (!hint.isEmpty())
            s += QStringLiteral("\n") + hint;
        return s;
    }
};

template <typename T> class Result
{
public:
    Result(const T &value) : m_value(value) { }
    Result(T &&value) : m_value(std::move(value)) { }
    Result(Error error) : m_error(std::move(error))
    {
        if (!m_error.isError())
            m_error.kind = Error::Kind::Internal;
    }

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return *m_value; }
    T &value() & { return *m_value; }
    // By value: `for (auto &x : f().value())` keeps what it iterates alive (a reference into the
    // temporary Result would not outlive the loop's first line).
    T value() && { return std::move(*m_value); }
    const T *operator->() const { return &*m_value; }
    T *operator->() { return &*m_value; }
    const T &operator*() const { return *m_value; }

    const Error &error() const { return m_error; }

private:
    std::optional<T> m_value;
    Error m_error;
};

struct Ok
{
};

// Result<void> stand-in: Result<Ok>.
using Status = Result<Ok>;

} // namespace strata::core

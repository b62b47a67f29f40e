#pragma once

#include <QString>

#include <optional>
#include <utility>

namespace foidesk {

// Why a call failed. The command line maps these to its exit codes and the window to the tone
// of its message; the message itself is always complete enough to show to a user as it is.
enum class ErrorKind {
    None,
    BadInput,  // the caller's data is wrong (a file, a field, a date)
    NotFound,  // no such request, reference or file
    Conflict,  // someone else changed it first
    Taken,     // the reference is already used by another request: choose another
    Reopened,  // the log was opened afresh first: nothing was done, and trying again is safe
    Refused,   // a check failed and nothing was done
    Io,        // the file system said no
    ReadOnly,  // the database or its folder cannot be written
    DiskFull,  // no space left to write
    Corrupt,   // not a database, or a damaged one
    TooNew,    // written by a newer version of FOI Desk
    Internal,  // a bug: a query that should not fail did
};

struct Error
{
    ErrorKind kind = ErrorKind::None;
    QString message;

    Error() = default;
    Error(ErrorKind k, QString msg)
        : kind(k)
        , message(std::move(msg))
    {}
};

// A value or the reason there is none. Fallible core calls return this; they never show
// anything themselves.
template<typename T>
class Result
{
public:
    Result(const T &value)
        : m_value(value)
    {}
    Result(T &&value)
        : m_value(std::move(value))
    {}
    Result(Error error)
        : m_error(std::move(error))
    {}

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return *m_value; }
    T &value() & { return *m_value; }
    T &&value() && { return std::move(*m_value); }
    const T *operator->() const { return &*m_value; }
    T *operator->() { return &*m_value; }
    const T &operator*() const & { return *m_value; }

    const Error &error() const { return m_error; }
    ErrorKind errorKind() const { return m_error.kind; }
    const QString &errorMessage() const { return m_error.message; }

private:
    std::optional<T> m_value;
    Error m_error;
};

template<>
class Result<void>
{
public:
    Result() = default;
    Result(Error error)
        : m_error(std::move(error))
    {}

    bool ok() const { return m_error.kind == ErrorKind::None; }
    explicit operator bool() const { return ok(); }

    const Error &error() const { return m_error; }
    ErrorKind errorKind() const { return m_error.kind; }
    const QString &errorMessage() const { return m_error.message; }

private:
    Error m_error;
};

} // namespace foidesk

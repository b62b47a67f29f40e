#pragma once

#include <QSqlDatabase>
#include <QSqlError>

namespace foidesk {

// A write transaction that rolls back unless committed.
//
// It begins with BEGIN IMMEDIATE rather than QSqlDatabase::transaction()'s plain BEGIN: a plain
// BEGIN takes the write lock only at the first write, and when two connections both hold read
// locks and then try to write, one of them fails at once with "database is locked" whatever the
// busy timeout. BEGIN IMMEDIATE takes the write lock up front and waits its turn.
class ScopedTransaction
{
public:
    explicit ScopedTransaction(const QSqlDatabase &db);
    ~ScopedTransaction();

    ScopedTransaction(const ScopedTransaction &) = delete;
    ScopedTransaction &operator=(const ScopedTransaction &) = delete;

    // True when BEGIN IMMEDIATE succeeded; otherwise error() says why (busy, read-only, ...).
    bool isActive() const { return m_active; }
    const QSqlError &error() const { return m_error; }

    // Commits. Returns false, with error() set and the transaction rolled back, when SQLite
    // refuses (a full disk or an I/O error can surface only at commit).
    bool commit();

    // Rolls back now; harmless when SQLite has already rolled back after an error.
    void rollback();

private:
    QSqlDatabase m_db;
    QSqlError m_error;
    bool m_active = false;
};

} // namespace foidesk

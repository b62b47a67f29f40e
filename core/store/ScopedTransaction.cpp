#include "store/ScopedTransaction.h"

#include <QSqlQuery>

namespace foidesk {

ScopedTransaction::ScopedTransaction(const QSqlDatabase &db)
    : m_db(db)
{
    QSqlQuery query(m_db);
    m_active = query.exec(QStringLiteral("BEGIN IMMEDIATE"));
    if (!m_active)
        m_error = query.lastError();
}

ScopedTransaction::~ScopedTransaction()
{
    rollback();
}

bool ScopedTransaction::commit()
{
    if (!m_active)
        return false;
    QSqlQuery query(m_db);
    if (query.exec(QStringLiteral("COMMIT"))) {
        m_active = false;
        return true;
    }
    m_error = query.lastError();
    rollback();
    return false;
}

void ScopedTransaction::rollback()
{
    if (!m_active)
        return;
    m_active = false;
    // SQLite rolls back by itself after some errors (a full disk, an I/O error); the ROLLBACK
    // then fails with "no transaction is active", which is the state we want anyway.
    QSqlQuery query(m_db);
    query.exec(QStringLiteral("ROLLBACK"));
}

} // namespace foidesk

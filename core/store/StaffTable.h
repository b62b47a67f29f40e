#pragma once

#include "model/Request.h"
#include "util/Result.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace foidesk {

class RequestTable;

// The SQL of the staff register. Store decides what a user action means (the transaction, the
// signal); this class only reads and writes rows inside whatever transaction the Store began.
class StaffTable
{
public:
    // Refers to the Store's connection and its request table (for errors), which outlive it.
    StaffTable(const QSqlDatabase &db, const RequestTable &rows);

    // Everyone in the register, by name.
    Result<QList<StaffMember>> list(const QString &outcome) const;
    // Inserts (id 0) or updates a member; returns it with its id. NotFound when the member to
    // update is gone.
    Result<StaffMember> save(const StaffMember &member, const QString &outcome);
    // NotFound when there is no such member.
    Result<void> remove(qint64 id, const QString &outcome);

private:
    const QSqlDatabase &m_db;
    const RequestTable &m_rows;
};

} // namespace foidesk

#include "store/StaffTable.h"

#include "model/RequestEnums.h"
#include "store/RequestTable.h"
#include "store/Store.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace foidesk {

StaffTable::StaffTable(const QSqlDatabase &db, const RequestTable &rows)
    : m_db(db)
    , m_rows(rows)
{}

Result<QList<StaffMember>> StaffTable::list(const QString &outcome) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT id, name, job_title, grade, senior, role, login FROM staff "
                                   "ORDER BY name COLLATE NOCASE, id")))
        return m_rows.failed(query, outcome);
    QList<StaffMember> members;
    while (query.next()) {
        StaffMember member;
        member.id = query.value(0).toLongLong();
        member.name = query.value(1).toString();
        member.jobTitle = query.value(2).toString();
        member.grade = query.value(3).toString();
        member.senior = query.value(4).toInt() != 0;
        member.role = staffRoleFromCode(query.value(5).toString()).value_or(StaffRole::Officer);
        member.login = query.value(6).toString();
        members.append(member);
    }
    if (query.lastError().isValid())
        return m_rows.failed(query, outcome);
    return members;
}

Result<StaffMember> StaffTable::save(const StaffMember &member, const QString &outcome)
{
    StaffMember stored = member;
    QSqlQuery query(m_db);
    if (stored.id == 0) {
        query.prepare(QStringLiteral("INSERT INTO staff (name, job_title, grade, senior, role, "
                                     "login) VALUES (?, ?, ?, ?, ?, ?)"));
    } else {
        query.prepare(QStringLiteral("UPDATE staff SET name = ?, job_title = ?, grade = ?, "
                                     "senior = ?, role = ?, login = ? WHERE id = ?"));
    }
    query.addBindValue(RequestTable::nonNull(stored.name));
    query.addBindValue(RequestTable::nonNull(stored.jobTitle));
    query.addBindValue(RequestTable::nonNull(stored.grade));
    query.addBindValue(stored.senior ? 1 : 0);
    query.addBindValue(staffRoleCode(stored.role));
    query.addBindValue(RequestTable::nonNull(stored.login));
    if (stored.id != 0)
        query.addBindValue(stored.id);
    if (!query.exec())
        return m_rows.failed(query, outcome);
    if (stored.id == 0) {
        stored.id = query.lastInsertId().toLongLong();
    } else if (query.numRowsAffected() != 1) {
        return Error(ErrorKind::NotFound,
                     Store::tr("%1 was not saved because they are no longer in the staff "
                               "register: someone else removed them. Add them again if they are "
                               "still needed.")
                         .arg(stored.name));
    }
    return stored;
}

Result<void> StaffTable::remove(qint64 id, const QString &outcome)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("DELETE FROM staff WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec())
        return m_rows.failed(query, outcome);
    if (query.numRowsAffected() != 1) {
        return Error(ErrorKind::NotFound,
                     Store::tr("The staff member is no longer in the register: someone else "
                               "removed them already."));
    }
    return {};
}

} // namespace foidesk

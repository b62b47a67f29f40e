#include "store/SuggestionTable.h"

#include "store/RequestTable.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <optional>

namespace foidesk {

namespace {

using Kind = RedactionSuggestion::Kind;
using Action = SuggestionDecision::Action;

const QList<Kind> &allKinds()
{
    static const QList<Kind> kinds = {
        Kind::StaffName, Kind::Email, Kind::Phone, Kind::Postcode, Kind::WithheldElsewhere};
    return kinds;
}

std::optional<Kind> kindFromCode(const QString &code)
{
    for (Kind kind : allKinds()) {
        if (SuggestionTable::kindCode(kind) == code)
            return kind;
    }
    return std::nullopt;
}

} // namespace

SuggestionTable::SuggestionTable(const QSqlDatabase &db, RequestTable &rows)
    : m_db(db)
    , m_rows(rows)
{}

QString SuggestionTable::actionCode(Action action)
{
    switch (action) {
    case Action::Accepted:
        return QStringLiteral("accepted");
    case Action::Dismissed:
        return QStringLiteral("dismissed");
    }
    return QStringLiteral("accepted");
}

QString SuggestionTable::kindCode(Kind kind)
{
    switch (kind) {
    case Kind::StaffName:
        return QStringLiteral("staff_name");
    case Kind::Email:
        return QStringLiteral("email");
    case Kind::Phone:
        return QStringLiteral("phone");
    case Kind::Postcode:
        return QStringLiteral("postcode");
    case Kind::WithheldElsewhere:
        return QStringLiteral("withheld_elsewhere");
    }
    return QStringLiteral("email");
}

Result<void> SuggestionTable::append(qint64 requestId,
                               const SuggestionDecision &decision,
                               const QString &outcome)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral(
        "INSERT INTO suggestion_decisions (request_id, at, user_name, action, kind, text, "
        "exemption, question) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    const QDateTime at =
        decision.at.isValid() ? decision.at.toUTC() : QDateTime::currentDateTimeUtc();
    query.addBindValue(requestId);
    query.addBindValue(at.toString(Qt::ISODateWithMs));
    query.addBindValue(RequestTable::nonNull(decision.user));
    query.addBindValue(actionCode(decision.action));
    query.addBindValue(kindCode(decision.kind));
    query.addBindValue(RequestTable::nonNull(decision.text));
    query.addBindValue(RequestTable::nonNull(decision.exemption));
    query.addBindValue(decision.question);
    if (!query.exec())
        return m_rows.failed(query, outcome);
    return {};
}

Result<QList<SuggestionDecision>> SuggestionTable::read(qint64 requestId,
                                                        const QString &outcome) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT at, user_name, action, kind, text, exemption, question "
                                 "FROM suggestion_decisions WHERE request_id = ? ORDER BY id"));
    query.addBindValue(requestId);
    if (!query.exec())
        return m_rows.failed(query, outcome);
    QList<SuggestionDecision> decisions;
    while (query.next()) {
        SuggestionDecision decision;
        decision.at = QDateTime::fromString(query.value(0).toString(), Qt::ISODateWithMs).toUTC();
        decision.user = query.value(1).toString();
        // The schema admits only these codes; anything else would have been refused on insert.
        decision.action = query.value(2).toString() == actionCode(Action::Dismissed)
                              ? Action::Dismissed
                              : Action::Accepted;
        decision.kind = kindFromCode(query.value(3).toString()).value_or(Kind::WithheldElsewhere);
        decision.text = query.value(4).toString();
        decision.exemption = query.value(5).toString();
        decision.question = query.value(6).toInt();
        decisions.append(decision);
    }
    if (query.lastError().isValid())
        return m_rows.failed(query, outcome);
    return decisions;
}

} // namespace foidesk

#pragma once

#include "redaction/RedactionSuggestion.h"
#include "util/Result.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace foidesk {

class RequestTable;

// The SQL of the suggestion_decisions table: what the officer did with each redaction
// suggestion. Works inside the Store's transaction, like RequestTable.
class SuggestionTable
{
public:
    SuggestionTable(const QSqlDatabase &db, RequestTable &rows);

    // Appends a decision about request requestId. The caller has checked that it exists.
    Result<void> append(qint64 requestId, const SuggestionDecision &decision, const QString &outcome);

    // The decisions about request requestId, oldest first. Errors only when SQLite fails.
    Result<QList<SuggestionDecision>> read(qint64 requestId, const QString &outcome) const;

    // The stored codes (fixed: the schema checks them).
    static QString actionCode(SuggestionDecision::Action action);
    static QString kindCode(RedactionSuggestion::Kind kind);

private:
    const QSqlDatabase &m_db;
    RequestTable &m_rows;
};

} // namespace foidesk

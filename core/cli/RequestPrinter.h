#pragma once

#include "calendar/StatutoryClock.h"
#include "model/Request.h"
#include "util/Result.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QTextStream>
#include <optional>

namespace foidesk {

// What "list" and "show" print, as text for people or as JSON for scripts. Kept apart from
// the commands that fetch the requests so that the output, which scripts and people read and
// compare, is laid out in one place.
class RequestPrinter
{
public:
    explicit RequestPrinter(QTextStream &out);

    // The rows as a JSON array of {reference, title, received, due, status, officer}.
    void printListJson(const QList<RequestSummary> &rows);
    // The rows as a table with a header line, columns aligned.
    void printListTable(const QList<RequestSummary> &rows);

    // due is the request's due date or why it has none; daysLeft is set only for an open
    // request whose working days could be counted; working is the statutory clock's working,
    // or null when it could not be worked out (due then says why).
    void printRequestJson(const Request &request,
                          const Result<QDate> &due,
                          std::optional<int> daysLeft,
                          const ClockWorking *working = nullptr);
    void printRequest(const Request &request,
                      const Result<QDate> &due,
                      std::optional<int> daysLeft,
                      const ClockWorking *working = nullptr);

private:
    // "Label:" padded to one column, then value; nothing for an empty value.
    void printField(const QString &label, const QString &value);
    void printQuestions(const QList<Question> &questions);

    QTextStream &m_out;
};

} // namespace foidesk

#pragma once

#include "model/Request.h"
#include "redaction/RedactionSuggestion.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace foidesk {

// Looks through the answers of a request for personal data that is not yet withheld.
class SuggestionScanner
{
    Q_DECLARE_TR_FUNCTIONS(foidesk::SuggestionScanner)

public:
    // staff: the register; grades and withholdFromGrade: the profile's policy (see
    // OrganisationProfile::grades). A staff member's name is suggested when their grade is
    // withholdFromGrade or below it in grades, or (with no policy) when they are not senior.
    SuggestionScanner(QList<StaffMember> staff, QStringList grades, QString withholdFromGrade);

    // Every suggestion for request, question by question in answer order: matches already
    // inside a redaction are left out, as are texts dismissed before (dismissed, compared by
    // kind and text, case-insensitively). Questions not answered in the letter (withheld in
    // full, not held, ncnd) are skipped. Names match whole words, case-insensitively, with any
    // run of white space between the parts, and also as "A. Surname" / "Firstname Surname".
    QList<RedactionSuggestion> scan(const Request &request,
                                    const QList<SuggestionDecision> &dismissed = {}) const;

    // Suggestions for one answer only (for scanning as the officer types).
    QList<RedactionSuggestion> scanAnswer(const Request &request, int question,
                                          const QList<SuggestionDecision> &dismissed = {}) const;

    // The personal-data exemption code for regime: "s40(2)", "reg13", "s38(1)(b)", "reg11(2)".
    static QString personalDataExemption(Regime regime);

    static QString kindCode(RedactionSuggestion::Kind kind); // "staff_name", "email", ...
    static QString kindDisplayName(RedactionSuggestion::Kind kind);

private:
    QList<StaffMember> m_staff;
    QStringList m_grades;
    QString m_withholdFromGrade;
};

} // namespace foidesk

#pragma once

#include "model/Request.h"

#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

namespace foidesk {

// Stable codes used in the database and the exchange format. They never change once released.
QString regimeCode(Regime regime);          // "FOIA", "EIR", "FOISA", "EIRS"
QString requesterKindCode(RequesterKind k); // "individual", "company", ...
QString statusCode(RequestStatus status);   // "new", "in_progress", ...
QString heldCode(Held held);                // "", "all", "some", "none", "ncnd"
QString staffRoleCode(StaffRole role);      // "officer", "supervisor", "both"
// "answered", "not_held", "withheld", "part_withheld", "ncnd"
QString dispositionCode(Disposition disposition);

// Parse a code; std::nullopt when it is not one of the codes above (case-sensitive).
std::optional<Regime> regimeFromCode(QStringView code);
std::optional<RequesterKind> requesterKindFromCode(QStringView code);
std::optional<RequestStatus> statusFromCode(QStringView code);
// statusFromCode(), also accepting the codes of logs and files written before schema version 7:
// "on_hold" (ClarificationSought), "in_review" (AwaitingReview), "responded" (Sent).
std::optional<RequestStatus> statusFromCodeOrOld(QStringView code);
std::optional<Held> heldFromCode(QStringView code);
std::optional<StaffRole> staffRoleFromCode(QStringView code);
std::optional<Disposition> dispositionFromCode(QStringView code);

// Every value, in the order a user would want them offered.
QList<Regime> allRegimes();
QList<RequesterKind> allRequesterKinds();
QList<RequestStatus> allStatuses();
QList<Held> allHeldValues(); // starts with Held::Undecided
QList<Disposition> allDispositions(); // starts with Disposition::Answered
QList<StaffRole> allStaffRoles();

// Translated names for display.
QString regimeDisplayName(Regime regime); // "Freedom of Information Act 2000"
QString regimeShortName(Regime regime);   // "FOIA"
QString requesterKindDisplayName(RequesterKind kind);
QString statusDisplayName(RequestStatus status);
QString heldDisplayName(Held held);
QString staffRoleDisplayName(StaffRole role);
QString dispositionDisplayName(Disposition disposition); // "Withheld in part"

// True for statuses whose deadline still matters (not responded, closed or withdrawn).
bool isOpenStatus(RequestStatus status);

// All the valid codes of one kind, joined for an error message: "FOIA, EIR, FOISA or EIRS".
QString validRegimeCodes();
QString validRequesterKindCodes();
QString validStatusCodes();
QString validHeldCodes();
QString validDispositionCodes();
QString validStaffRoleCodes();

} // namespace foidesk

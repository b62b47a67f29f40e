#include "model/RequestEnums.h"

#include <QCoreApplication>

namespace foidesk {

namespace {

template<typename Enum>
struct CodeEntry
{
    Enum value;
    const char *code;
};

constexpr CodeEntry<Regime> regimeCodes[] = {
    {Regime::FOIA, "FOIA"},
    {Regime::EIR, "EIR"},
    {Regime::FOISA, "FOISA"},
    {Regime::EIRS, "EIRS"},
};

constexpr CodeEntry<RequesterKind> kindCodes[] = {
    {RequesterKind::Individual, "individual"},
    {RequesterKind::Company, "company"},
    {RequesterKind::Journalist, "journalist"},
    {RequesterKind::Campaign, "campaign"},
    {RequesterKind::Other, "other"},
};

constexpr CodeEntry<RequestStatus> statusCodes[] = {
    {RequestStatus::New, "new"},
    {RequestStatus::InProgress, "in_progress"},
    {RequestStatus::ClarificationSought, "clarification_sought"},
    {RequestStatus::AwaitingReview, "awaiting_review"},
    {RequestStatus::Returned, "returned"},
    {RequestStatus::Approved, "approved"},
    {RequestStatus::Sent, "sent"},
    {RequestStatus::Closed, "closed"},
    {RequestStatus::Withdrawn, "withdrawn"},
};

constexpr CodeEntry<Held> heldCodes[] = {
    {Held::Undecided, ""},
    {Held::All, "all"},
    {Held::Some, "some"},
    {Held::None, "none"},
    {Held::NeitherConfirmNorDeny, "ncnd"},
};

constexpr CodeEntry<StaffRole> roleCodes[] = {
    {StaffRole::Officer, "officer"},
    {StaffRole::Supervisor, "supervisor"},
    {StaffRole::Both, "both"},
};

constexpr CodeEntry<Disposition> dispositionCodes[] = {
    {Disposition::Answered, "answered"},
    {Disposition::NotHeld, "not_held"},
    {Disposition::Withheld, "withheld"},
    {Disposition::PartWithheld, "part_withheld"},
    {Disposition::NeitherConfirmNorDeny, "ncnd"},
};

template<typename Enum, std::size_t N>
QString codeOf(const CodeEntry<Enum> (&table)[N], Enum value)
{
    for (const auto &entry : table) {
        if (entry.value == value)
            return QString::fromLatin1(entry.code);
    }
    return {};
}

template<typename Enum, std::size_t N>
std::optional<Enum> valueOf(const CodeEntry<Enum> (&table)[N], QStringView code)
{
    for (const auto &entry : table) {
        if (code == QLatin1String(entry.code))
            return entry.value;
    }
    return std::nullopt;
}

template<typename Enum, std::size_t N>
QList<Enum> valuesOf(const CodeEntry<Enum> (&table)[N])
{
    QList<Enum> values;
    for (const auto &entry : table)
        values.append(entry.value);
    return values;
}

template<typename Enum, std::size_t N>
QString joinCodes(const CodeEntry<Enum> (&table)[N])
{
    QStringList codes;
    for (const auto &entry : table) {
        if (*entry.code)
            codes.append(QLatin1Char('"') + QString::fromLatin1(entry.code) + QLatin1Char('"'));
    }
    if (codes.size() < 2)
        return codes.join(QString());
    const QString last = codes.takeLast();
    return codes.join(QStringLiteral(", ")) + QStringLiteral(" or ") + last;
}


} // namespace

QString regimeCode(Regime regime) { return codeOf(regimeCodes, regime); }
QString requesterKindCode(RequesterKind k) { return codeOf(kindCodes, k); }
QString statusCode(RequestStatus status) { return codeOf(statusCodes, status); }
QString heldCode(Held held) { return codeOf(heldCodes, held); }
QString staffRoleCode(StaffRole role) { return codeOf(roleCodes, role); }
QString dispositionCode(Disposition disposition) { return codeOf(dispositionCodes, disposition); }

std::optional<Regime> regimeFromCode(QStringView code) { return valueOf(regimeCodes, code); }
std::optional<RequesterKind> requesterKindFromCode(QStringView code)
{
    return valueOf(kindCodes, code);
}
std::optional<RequestStatus> statusFromCode(QStringView code) { return valueOf(statusCodes, code); }
std::optional<RequestStatus> statusFromCodeOrOld(QStringView code)
{
    // Migration 007 maps the stored codes the same way.
    if (code == QLatin1String("on_hold"))
        return RequestStatus::ClarificationSought;
    if (code == QLatin1String("in_review"))
        return RequestStatus::AwaitingReview;
    if (code == QLatin1String("responded"))
        return RequestStatus::Sent;
    return statusFromCode(code);
}
std::optional<Held> heldFromCode(QStringView code) { return valueOf(heldCodes, code); }
std::optional<StaffRole> staffRoleFromCode(QStringView code) { return valueOf(roleCodes, code); }
std::optional<Disposition> dispositionFromCode(QStringView code)
{
    return valueOf(dispositionCodes, code);
}

QList<Regime> allRegimes() { return valuesOf(regimeCodes); }
QList<RequesterKind> allRequesterKinds() { return valuesOf(kindCodes); }
QList<RequestStatus> allStatuses() { return valuesOf(statusCodes); }
QList<Held> allHeldValues() { return valuesOf(heldCodes); }
QList<Disposition> allDispositions() { return valuesOf(dispositionCodes); }
QList<StaffRole> allStaffRoles() { return valuesOf(roleCodes); }

QString regimeDisplayName(Regime regime)
{
    switch (regime) {
    case Regime::FOIA:
        return QCoreApplication::translate("foidesk::RequestEnums", "Freedom of Information Act 2000");
    case Regime::EIR:
        return QCoreApplication::translate("foidesk::RequestEnums", "Environmental Information Regulations 2004");
    case Regime::FOISA:
        return QCoreApplication::translate("foidesk::RequestEnums", "Freedom of Information (Scotland) Act 2002");
    case Regime::EIRS:
        return QCoreApplication::translate("foidesk::RequestEnums", "Environmental Information (Scotland) Regulations 2004");
    }
    return {};
}

QString regimeShortName(Regime regime)
{
    return regimeCode(regime);
}

QString requesterKindDisplayName(RequesterKind kind)
{
    switch (kind) {
    case RequesterKind::Individual:
        return QCoreApplication::translate("foidesk::RequestEnums", "Individual");
    case RequesterKind::Company:
        return QCoreApplication::translate("foidesk::RequestEnums", "Company");
    case RequesterKind::Journalist:
        return QCoreApplication::translate("foidesk::RequestEnums", "Journalist");
    case RequesterKind::Campaign:
        return QCoreApplication::translate("foidesk::RequestEnums", "Campaign group");
    case RequesterKind::Other:
        return QCoreApplication::translate("foidesk::RequestEnums", "Other");
    }
    return {};
}

QString statusDisplayName(RequestStatus status)
{
    switch (status) {
    case RequestStatus::New:
        return QCoreApplication::translate("foidesk::RequestEnums", "New");
    case RequestStatus::InProgress:
        return QCoreApplication::translate("foidesk::RequestEnums", "In progress");
    case RequestStatus::ClarificationSought:
        return QCoreApplication::translate("foidesk::RequestEnums", "Clarification sought");
    case RequestStatus::AwaitingReview:
        return QCoreApplication::translate("foidesk::RequestEnums", "Awaiting review");
    case RequestStatus::Returned:
        return QCoreApplication::translate("foidesk::RequestEnums", "Returned");
    case RequestStatus::Approved:
        return QCoreApplication::translate("foidesk::RequestEnums", "Approved");
    case RequestStatus::Sent:
        return QCoreApplication::translate("foidesk::RequestEnums", "Sent");
    case RequestStatus::Closed:
        return QCoreApplication::translate("foidesk::RequestEnums", "Closed");
    case RequestStatus::Withdrawn:
        return QCoreApplication::translate("foidesk::RequestEnums", "Withdrawn");
    }
    return {};
}

QString heldDisplayName(Held held)
{
    switch (held) {
    case Held::Undecided:
        return QCoreApplication::translate("foidesk::RequestEnums", "Not yet decided");
    case Held::All:
        return QCoreApplication::translate("foidesk::RequestEnums", "All of it");
    case Held::Some:
        return QCoreApplication::translate("foidesk::RequestEnums", "Some of it");
    case Held::None:
        return QCoreApplication::translate("foidesk::RequestEnums", "None of it");
    case Held::NeitherConfirmNorDeny:
        return QCoreApplication::translate("foidesk::RequestEnums", "Neither confirm nor deny");
    }
    return {};
}

QString staffRoleDisplayName(StaffRole role)
{
    switch (role) {
    case StaffRole::Officer:
        return QCoreApplication::translate("foidesk::RequestEnums", "Officer");
    case StaffRole::Supervisor:
        return QCoreApplication::translate("foidesk::RequestEnums", "Supervisor");
    case StaffRole::Both:
        return QCoreApplication::translate("foidesk::RequestEnums", "Officer and supervisor");
    }
    return {};
}

QString dispositionDisplayName(Disposition disposition)
{
    switch (disposition) {
    case Disposition::Answered:
        return QCoreApplication::translate("foidesk::RequestEnums", "Answered");
    case Disposition::NotHeld:
        return QCoreApplication::translate("foidesk::RequestEnums", "Not held");
    case Disposition::Withheld:
        return QCoreApplication::translate("foidesk::RequestEnums", "Withheld in full");
    case Disposition::PartWithheld:
        return QCoreApplication::translate("foidesk::RequestEnums", "Withheld in part");
    case Disposition::NeitherConfirmNorDeny:
        return QCoreApplication::translate("foidesk::RequestEnums", "Neither confirm nor deny");
    }
    return {};
}

bool isOpenStatus(RequestStatus status)
{
    switch (status) {
    case RequestStatus::New:
    case RequestStatus::InProgress:
    case RequestStatus::ClarificationSought:
    case RequestStatus::AwaitingReview:
    case RequestStatus::Returned:
    case RequestStatus::Approved:
        return true;
    case RequestStatus::Sent:
    case RequestStatus::Closed:
    case RequestStatus::Withdrawn:
        return false;
    }
    return false;
}

QString validRegimeCodes() { return joinCodes(regimeCodes); }
QString validRequesterKindCodes() { return joinCodes(kindCodes); }
QString validStatusCodes() { return joinCodes(statusCodes); }
QString validHeldCodes() { return joinCodes(heldCodes); }
QString validDispositionCodes() { return joinCodes(dispositionCodes); }
QString validStaffRoleCodes() { return joinCodes(roleCodes); }

} // namespace foidesk

#pragma once

#include "model/Request.h"
#include "util/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace foidesk {

// One exemption, exception or procedural refusal a response can rely on.
struct Exemption
{
    enum class Kind
    {
        Absolute,   // no public interest test
        Qualified,  // withheld only when the public interest in withholding outweighs disclosure
        Procedural, // the whole request is refused: s8, s12, s14(1), s14(2) and equivalents
        // The information is not held (EIR reg 12(4)(a), EIRS reg 10(4)(a), the FOISA s17
        // notice): the refusal cites it, but with nothing held there is nothing to weigh, so no
        // public interest reasons are asked for.
        NotHeld,
    };

    // Canonical code, unique within its regime family: "s40(2)", "s43(2)", "s12",
    // "s31(1)(a)", "reg12(4)(a)", "reg13", and for FOISA "s38(1)(b)", EIRS "reg11(2)".
    QString code;
    // The regimes it belongs to. FOIA sections apply to FOIA only; EIR regulations to EIR; FOISA
    // sections to FOISA; EIRS regulations to EIRS. (The same code, e.g. "s12", can exist once
    // for FOIA and once for FOISA: two entries.)
    Regime regime = Regime::FOIA;
    QString title;     // "Personal information"
    QString citation;  // how a letter names it: "section 40(2) of the Freedom of Information Act 2000"
    Kind kind = Kind::Qualified;
    // Default reasoning, our own words, may use the letter placeholders ({organisation},
    // {reference}, ...) and {questions} (the numbers/labels of the questions it applies to).
    QString reasoning;
    // Default public interest paragraph for qualified exemptions: a starting point the officer
    // must complete; may be empty.
    QString publicInterest;
    bool local = false; // added by the authority in Settings, not shipped

    bool needsPublicInterest() const { return kind == Kind::Qualified; }
    bool operator==(const Exemption &) const = default;
};

// The catalogue: the shipped exemptions (resources/data/exemptions.json, "foidesk.exemptions/1")
// with the authority's edits and local additions from its profile (OrganisationProfile::
// exemptionOverrides / localExemptions) laid over them. Value type; cheap to copy.
class ExemptionCatalogue
{
    Q_DECLARE_TR_FUNCTIONS(foidesk::ExemptionCatalogue)

public:
    ExemptionCatalogue() = default;

    // The shipped catalogue. Internal when the embedded resource is missing or damaged.
    static Result<ExemptionCatalogue> shipped();
    // Parses "foidesk.exemptions/1" (for tests and for the shipped file). BadInput naming the
    // field.
    static Result<ExemptionCatalogue> parse(const QByteArray &json);

    // This catalogue with overrides (code -> reasoning / public interest wording, for any
    // regime where the code exists) and local additions (appended; a local entry with the code
    // of a shipped one for the same regime replaces it).
    ExemptionCatalogue withCustomisations(const QMap<QString, ExemptionReasoning> &overrides,
                                          const QList<Exemption> &localExemptions) const;

    // Every entry, in catalogue order (regime, then section order).
    const QList<Exemption> &all() const { return m_entries; }
    // The entries that can be used for a request under regime, in catalogue order.
    QList<Exemption> forRegime(Regime regime) const;
    // The entry with this canonical code for regime; nullptr when there is none.
    const Exemption *find(Regime regime, const QString &code) const;

    // The canonical code for what a person typed: "section 40(2)", "s.40(2)", "S40(2)",
    // "s 40 (2)", "Section 40(2)", "regulation 13", "reg. 12(5)(e)", "EIR 12(4)(b)". Only codes
    // that exist for regime are returned; std::nullopt otherwise.
    std::optional<QString> canonicalCode(Regime regime, const QString &typed) const;
    // For an error message: "s40(2)" is not an exemption under FOIA; regime-aware, with a hint
    // naming a close match when there is one ("did you mean s40(2)?").
    QString unknownCodeMessage(Regime regime, const QString &typed) const;

    // Short label for bars and lists: "s40(2)", "reg 13".
    static QString shortLabel(const QString &code);

private:
    QList<Exemption> m_entries;
};

// Every kind, in the order settings offer them.
QList<Exemption::Kind> allExemptionKinds();
// "absolute", "qualified", "procedural", "not_held"
QString exemptionKindCode(Exemption::Kind kind);
// "\"absolute\", \"qualified\", \"procedural\" or \"not_held\"", for messages about a wrong kind.
QString validExemptionKindCodes();
std::optional<Exemption::Kind> exemptionKindFromCode(QStringView code);
QString exemptionKindDisplayName(Exemption::Kind kind);
QString exemptionKindShortName(Exemption::Kind kind);            // "Absolute", ..., "Not held"          // "Absolute exemption", ...

} // namespace foidesk

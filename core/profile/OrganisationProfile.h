#pragma once

#include "exemptions/ExemptionCatalogue.h"
#include "model/Request.h"
#include "util/Result.h"

#include <QByteArray>
#include <QDate>
#include <QImage>
#include <QMap>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace foidesk {

// Who a requester may complain to once the authority's own review is done.
struct RegulatorContact
{
    QString name;
    QString address; // multi-line
    QString phone;
    QString website;
    QString email;

    bool operator==(const RegulatorContact &) const = default;
};

// How a letter addresses a requester whose name is typed with a title ("Ms Alex Requester").
enum class SalutationStyle {
    FullName,        // "Dear Alex Requester": the name as typed, without its title
    TitleAndSurname, // "Dear Ms Requester": the title and the last name, when there is a title
};

// The authority that answers requests, and the wording of every standing sentence and paragraph
// of its letters. Stored as JSON "foidesk.profile/1" (docs/profile-format.md); the defaults ship
// in resources/templates/default-profile.json so that no authority's wording lives in code.
struct OrganisationProfile
{
    Q_DECLARE_TR_FUNCTIONS(foidesk::OrganisationProfile)

public:
    static constexpr const char *FormatTag = "foidesk.profile/1";
    static constexpr qint64 MaxFileBytes = 8 * 1024 * 1024;

    QString name;
    QString address; // multi-line postal address
    QString email;
    QString phone;
    QString publishedDataLink;
    // Where review requests go; the contact email and postal address are used when empty.
    QString reviewEmail;
    QString reviewAddress;
    // The Information Commissioner's Office (FOIA and EIR) and the Scottish Information
    // Commissioner (FOISA and EIRS). Both are kept: one authority may receive either.
    RegulatorContact regulatorUk;
    RegulatorContact regulatorScotland;
    QString dateFormat; // QDate format, always rendered in English: "d MMMM yyyy"
    SalutationStyle salutation = SalutationStyle::FullName; // profile field "salutation"
    // An optional logo: a file, or an image embedded in the profile (logoType "png" or "svg").
    QString logoFile;
    QByteArray logoData;
    QString logoType;
    QString signature; // multi-line, may use placeholders
    // Template key -> wording. Keys are those of templateKeys(); see docs/profile-format.md.
    QMap<QString, QString> templates;

    // Exemptions (profile field "exemptions": {"overrides": {...}, "local": [...]}): the
    // authority's own wording of the catalogue's default reasoning / public interest paragraphs,
    // by code, and exemptions it adds (see exemptions/ExemptionCatalogue.h).
    QMap<QString, ExemptionReasoning> exemptionOverrides;
    QList<Exemption> localExemptions;

    // Section 40(2) policy (profile field "redaction_policy"): the authority's grades from most
    // to least senior, and the most senior grade whose holders' names are withheld: names of
    // staff at that grade or below are suggested for redaction. The law sets no grade; the
    // reference council withholds names below "Assistant Director". Empty withholdFromGrade:
    // every name in the staff register not marked senior is suggested.
    QStringList grades;
    QString withholdFromGrade;

    bool operator==(const OrganisationProfile &) const = default;

    // The template keys, in the order a settings form would offer them.
    static QStringList templateKeys();
    // A short translated description of what a template is for, for a settings form.
    static QString templateDescription(const QString &key);

    // The wording of one template; empty when the profile leaves it out.
    QString templateText(const QString &key) const { return templates.value(key); }

    // The regulator for a request under regime: Scottish for FOISA and EIRS.
    const RegulatorContact &regulatorFor(Regime regime) const;
    // The review contact, falling back to the organisation's own contact details.
    QString effectiveReviewEmail() const;
    QString effectiveReviewAddress() const;

    // date in the profile's format, in English ("17 June 2020").
    QString formatDate(const QDate &date) const;
    // The requester's name as the letter addresses them, by the salutation style: "Alex
    // Requester" or "Ms Requester" for "Ms Alex Requester". A name without a recognised title
    // (Mr, Mrs, Ms, Miss, Mx, Dr, Prof, ...), and the name of a company or campaign, is used as
    // typed.
    QString addressedName(const Requester &requester) const;

    // The defaults shipped with FOI Desk. Internal when the embedded resource is missing or
    // damaged, which only a broken build can cause.
    static Result<OrganisationProfile> defaults();

    // Parses "foidesk.profile/1". Fields left out take the default value. BadInput with a message
    // "<field>: <what is wrong>" for a wrong format tag, a wrong type, an unknown key (keys
    // starting "x-" are kept out of the way for other tools and ignored), an unknown placeholder,
    // a bad date format or a logo that is not base64 PNG or SVG.
    static Result<OrganisationProfile> parse(const QByteArray &json);
    // Reads and parses a file; NotFound or Io when it cannot be read, BadInput as parse() with
    // the file name in front.
    static Result<OrganisationProfile> readFile(const QString &path);

    // The profile as indented UTF-8 JSON, every field written.
    QByteArray serialize() const;
    // Writes serialize() to path atomically. Io or DiskFull when it cannot be written.
    Result<void> writeFile(const QString &path) const;

    // The checks parse() makes, for a profile edited in memory. BadInput naming the field.
    Result<void> validate() const;

    // The logo as an image: a null image when there is none. BadInput when the file cannot be
    // read or the data is not an image.
    Result<QImage> logo() const;
};

} // namespace foidesk

#pragma once

#include "exemptions/ExemptionCatalogue.h"
#include "model/Request.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

namespace foidesk {

// One request as the disclosure log shows it. request is the public copy
// (exchange/PublicRequestJson::publicCopy): no requester, withheld passages as their labels.
struct SiteEntry
{
    Request request;
    QString slug;        // file name stem: requests/SLUG.html, letters/SLUG.pdf
    QDate answered;      // stats/QuarterStats answeredOn()
    QString outcome;     // "Granted in part", empty when none can be given
    QString outcomeCode; // "granted_in_part", for the open data
    bool hasLetter = false;
};

// What the site says about the authority.
struct SiteIdentity
{
    QString authority; // the profile's organisation name
    QString logoFile;  // "logo.png" or "logo.svg" when the profile has a logo; else empty
    QString accent = QStringLiteral("#1d4f91"); // the colour of headings and rules
};

// The pages and files of the published disclosure log, as bytes: no JavaScript, one stylesheet
// of our own, WCAG 2.1 AA in mind (docs/disclosure-log.md). Pure functions; Publisher writes
// and checks them.
class SiteWriter
{
    Q_DECLARE_TR_FUNCTIONS(foidesk::SiteWriter)

public:
    SiteWriter(SiteIdentity identity, ExemptionCatalogue catalogue);

    // entries newest answered first.
    QByteArray indexHtml(const QList<SiteEntry> &entries) const;
    QByteArray requestHtml(const SiteEntry &entry) const;
    QByteArray csv(const QList<SiteEntry> &entries) const;
    QByteArray json(const QList<SiteEntry> &entries) const;
    QByteArray css() const;

    // A file name stem for reference: letters, digits, '-', '_' and '.' kept, anything else '-'.
    static QString slugFor(const QString &reference);

    // The WCAG contrast ratio of two sRGB colours ("#rrggbb").
    static double contrast(const QString &colour, const QString &other);
    // colour darkened in steps until it reaches 4.5:1 against white (the site's background).
    static QString readableOnWhite(const QString &colour);

private:
    QString page(const QString &title, const QString &root, const QString &body) const;
    QString exemptionText(const Request &request, const QString &code) const;
    QStringList exemptionCodes(const Request &request) const;

    SiteIdentity m_identity;
    ExemptionCatalogue m_catalogue;
};

} // namespace foidesk

#pragma once

#include "exemptions/ExemptionCatalogue.h"
#include "model/Request.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace foidesk {

// Finds the exemptions a letter cites and maps them to the catalogue's codes, in the forms
// letters use: "Section 40(2)", "S40(2) applies", "section 43 (2)", "sections 30, 40 and 41",
// "Section 40 (Personal Information) subsection 2", "regulation 12(5)(b)", "Regulation
// 12(5(b)", "Exclusion 31/40". Only codes that exist for the letter's law are returned: a
// section that is not an exemption (section 1, 17, 45) is passed over, and a section cited
// without the subsection the catalogue needs ("section 43") is reported, never guessed, with
// one exception: a bare "section 40" withholds other people's personal data, which is s40(2)
// (s40(1) is the requester's own data and is never answered under FOI); that reading is
// reported too.
class ExemptionFinder
{
    Q_DECLARE_TR_FUNCTIONS(foidesk::ExemptionFinder)

public:
    struct Found
    {
        QString code;
        qsizetype start = 0; // the citation in the text searched
        qsizetype length = 0;
    };

    explicit ExemptionFinder(const ExemptionCatalogue &catalogue);

    // The citations in text, in order (a code cited twice is listed twice); notes gets one
    // sentence per citation that was read with care or could not be mapped.
    QList<Found> find(const QString &text, Regime regime, QStringList *notes) const;

    // The codes of found, first use first, without repeats.
    static QStringList codes(const QList<Found> &found);

private:
    std::optional<QString> map(Regime regime,
                               bool regulation,
                               const QString &number,
                               const QStringList &brackets,
                               QStringList *notes) const;

    const ExemptionCatalogue &m_catalogue;
};

} // namespace foidesk

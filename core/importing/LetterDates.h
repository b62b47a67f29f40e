#pragma once

#include <QDate>
#include <QList>
#include <QString>

namespace foidesk {

// A date as a letter writes it: "17 June 2020", "3rd April 2020", "01May 2025", "26/02/2017",
// "2012-10-01", or "27 May" without its year.
struct LetterDate
{
    int day = 0;
    int month = 0;
    int year = 0;        // 0 when the letter did not write it
    qsizetype start = 0; // in the text searched
    qsizetype length = 0;

    bool hasYear() const { return year != 0; }
    // The date, with year when the letter left it out; invalid when it does not exist.
    QDate date(int yearIfMissing = 0) const;
};

class LetterDates
{
public:
    // Every date in text, in order. Day and month come first in numeric dates, as in the UK.
    static QList<LetterDate> find(const QString &text);
};

} // namespace foidesk

#include "importing/LetterDates.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace foidesk {

namespace {

int monthNumber(const QString &word)
{
    static const char *names[] = {
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
    const QString lower = word.left(3).toLower();
    for (int i = 0; i < 12; ++i) {
        if (lower == QLatin1String(names[i]))
            return i + 1;
    }
    return 0;
}

int fullYear(const QString &digits)
{
    const int value = digits.toInt();
    if (digits.size() == 2)
        return value < 70 ? 2000 + value : 1900 + value;
    return value;
}

} // namespace

QDate LetterDate::date(int yearIfMissing) const
{
    const int y = year != 0 ? year : yearIfMissing;
    if (y < 1900 || y > 2999)
        return {};
    return QDate(y, month, day);
}

QList<LetterDate> LetterDates::find(const QString &text)
{
    static const QRegularExpression pattern(
        u"(?<![0-9])(?:"
        // 17 June 2020, 3rd April 2020, 01May 2025, 27 May, 17 June, 2020
        "([0-9]{1,2})(?:st|nd|rd|th)?\\s*(?:of\\s+)?"
        "(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
        "|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?(?![a-z])"
        "(?:,?\\s*([0-9]{4})(?![0-9]))?"
        // 26/02/2017, 26.02.17, 26-02-2017
        "|([0-9]{1,2})[/.\\-]([0-9]{1,2})[/.\\-]([0-9]{4}|[0-9]{2})(?![0-9/])"
        // 2012-10-01
        "|([0-9]{4})-([0-9]{2})-([0-9]{2})(?![0-9])"
        ")"_s,
        QRegularExpression::CaseInsensitiveOption);
    QList<LetterDate> dates;
    QRegularExpressionMatchIterator it = pattern.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        LetterDate date;
        date.start = m.capturedStart();
        date.length = m.capturedLength();
        if (m.capturedLength(2) > 0) {
            date.day = m.captured(1).toInt();
            date.month = monthNumber(m.captured(2));
            date.year = m.capturedLength(3) > 0 ? m.captured(3).toInt() : 0;
            if (date.year == 0) {
                // "27 May" keeps only its own characters, not the space or comma after it.
                date.length = m.capturedEnd(2) - m.capturedStart();
            }
        } else if (m.capturedLength(4) > 0) {
            date.day = m.captured(4).toInt();
            date.month = m.captured(5).toInt();
            date.year = fullYear(m.captured(6));
        } else {
            date.year = m.captured(7).toInt();
            date.month = m.captured(8).toInt();
            date.day = m.captured(9).toInt();
        }
        if (date.month < 1 || date.month > 12 || date.day < 1 || date.day > 31)
            continue;
        if (date.hasYear() && !date.date().isValid())
            continue;
        dates.append(date);
    }
    return dates;
}

} // namespace foidesk

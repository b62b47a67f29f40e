#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace foidesk {

// One withheld string found in an exported file.
struct LeakFinding
{
    QString withheld; // the withheld string that was found
    // Where: "page 2 text", "document title", "document metadata (XMP)", "file bytes
    // (uncompressed stream 14)", "file bytes".
    QString where;

    bool operator==(const LeakFinding &) const = default;
};

// The result of reading back an exported file and looking for every withheld string in it.
// Plain data: the store keeps it with the request (store/ReleaseCheckTable).
struct ReleaseCheckResult
{
    QDateTime checkedAt;   // UTC
    QString file;          // the file that was checked
    QByteArray fileSha256; // hex
    // SHA-256 (hex) of the request's content when the file was made
    // (exchange/RequestFingerprint.h): a check only counts for the request as it was when it
    // was checked.
    QByteArray fingerprint;
    int withheldCount = 0; // how many withheld strings were looked for
    int pagesRead = 0;
    QList<LeakFinding> findings; // empty when nothing withheld was found
    // Set when the file could not be read back at all (then passed() is false).
    QString error;

    bool passed() const { return error.isEmpty() && findings.isEmpty(); }
    // One line for the status bar and the request's history: "Release check passed: 3 withheld
    // strings, none found in 2 pages." / "Release check FAILED: "J… (10 characters)" found in
    // page 1 text." Withheld strings are never shown in full here.
    QString summary() const;

    // How a withheld string may be shown where others might see it: its first character, then
    // its length ("J… (10 characters)").
    static QString masked(const QString &withheld);

    bool operator==(const ReleaseCheckResult &) const = default;
};

} // namespace foidesk

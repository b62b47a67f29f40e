#pragma once

#include "exemptions/ExemptionCatalogue.h"
#include "importing/LetterSource.h"
#include "importing/TextDecoding.h"
#include "model/Request.h"
#include "util/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace foidesk {

// Where a field was found in LetterSource::text, for the preview to highlight.
struct FoundSpan
{
    QString field; // an exchange-format field name: "reference", "received", "questions", ...
    qsizetype start = 0;
    qsizetype length = 0;
};

// A letter read and the request found in it. What is not found stays empty and is named in
// missing; nothing is filled in by guessing.
struct ImportedLetter
{
    QString file;     // the path as given
    QString fileName; // the name only, for the history
    QString sha256;   // of the file's bytes, in hex
    LetterSource source;
    Request request;
    // What the letter says of the information asked for: "all", "some", "none", "ncnd",
    // "refused_s12", "refused_s14", "refused_s21"; empty when it says none of these.
    QString outcome;
    QStringList exemptions; // catalogue codes cited anywhere in the letter, first use first
    QStringList missing;    // exchange-format field names that were not found
    QStringList notes;      // for the officer: what was read with care, or not read
    QList<FoundSpan> spans;

    bool isMissing(const QString &field) const { return missing.contains(field); }
};

// Reads past response letters and finds the request in them (importing/QuestionFinder for the
// questions and answers; this class for the reference, dates, regime, requester, exemptions
// and outcome).
class LetterImporter
{
    Q_DECLARE_TR_FUNCTIONS(foidesk::LetterImporter)

public:
    // The fields of the letter in source. Never fails: what is not found is listed as missing.
    static ImportedLetter analyse(const LetterSource &source, const ExemptionCatalogue &catalogue);

    // Reads the file and analyses it. BadInput, the message starting with the file's name,
    // when the file cannot be read as a letter (LetterReader; a text file that is not UTF-8
    // needs TextEncoding::Windows1252) or holds no question.
    static Result<ImportedLetter> readFile(const QString &path,
                                           const ExemptionCatalogue &catalogue,
                                           TextEncoding encoding = TextEncoding::Utf8);

    // The entry for "import-letter --json": file, request (exchange format, only the fields
    // found) and missing.
    static QJsonObject toJson(const ImportedLetter &letter);

    // What the history of a request created from letter says: "imported, check" with the
    // source file's name and checksum.
    static QString historyDetail(const ImportedLetter &letter);

    // The reference, when a letter gives none: BadInput naming the file, or nothing.
    static Result<void> checkReady(const ImportedLetter &letter);
};

} // namespace foidesk

#pragma once

#include "importing/LetterSource.h"
#include "importing/TextDecoding.h"
#include "util/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace foidesk {

// The one way a letter file is read, whatever its format. The format is chosen by the file's
// name (.txt, .md, .html, .docx, .pdf), never by sniffing its content.
class LetterReader
{
    Q_DECLARE_TR_FUNCTIONS(foidesk::LetterReader)

public:
    // Larger files are refused before they are read: a letter is a few hundred kilobytes.
    static constexpr qint64 MaxFileBytes = 20 * 1024 * 1024;

    // The format for path's name: "text", "markdown", "html", "docx" or "pdf"; empty when
    // the name is not one of these.
    static QString formatOf(const QString &path);

    // The letter in the file at path. Every error message starts with the file's name and says
    // what is wrong and what to do: the open log (LiveLogFiles), a missing or unreadable file,
    // an empty or too large one, an unknown format, or what the format's reader refused.
    // A text file that is not UTF-8 is refused unless encoding is TextEncoding::Windows1252.
    static Result<LetterSource> readFile(const QString &path,
                                         QByteArray *bytes = nullptr,
                                         TextEncoding encoding = TextEncoding::Utf8);

    // The letter in bytes of format; BadInput without the file name (the fuzzer's way in).
    static Result<LetterSource> readBytes(const QByteArray &bytes,
                                          const QString &format,
                                          TextEncoding encoding = TextEncoding::Utf8);
};

} // namespace foidesk

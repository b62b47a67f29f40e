#pragma once

#include "importing/LetterImporter.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace foidesk {

class CommandSession;

// "foidesk import-letter FILE... [--replace] [--dry-run] [--json]": past response letters into
// the log. Every file is read and its fields found before the log is opened; a file that cannot
// be read, holds no question or gives no reference writes nothing, and the others are still
// imported, each whole or not at all, with "imported, check" and the letter's checksum in its
// history.
class ImportLetterCommand
{
public:
    explicit ImportLetterCommand(CommandSession &session);

    // Returns the worst exit code of all the files (Done when every one was imported or, with
    // --dry-run, read), with one line on stderr for each file that was not.
    int run(const QStringList &args);

private:
    QList<ImportedLetter> readFiles(const QStringList &files);
    void printJson(const QList<ImportedLetter> &letters);
    void printSummary(const ImportedLetter &letter);
    // The letters stored; each one refused is reported on stderr.
    QList<ImportedLetter> storeLetters(const QList<ImportedLetter> &letters, bool replace);
    void noteExitCode(int code);

    CommandSession &m_session;
    int m_worst = 0;
    bool m_json = false;
    TextEncoding m_encoding = TextEncoding::Utf8;
};

} // namespace foidesk

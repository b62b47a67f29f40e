#include "cli/ImportLetterCommand.h"

#include "cli/CommandLine.h"
#include "cli/CommandSession.h"
#include "exemptions/ExemptionCatalogue.h"
#include "model/RequestEnums.h"
#include "store/Store.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <algorithm>

namespace foidesk {

ImportLetterCommand::ImportLetterCommand(CommandSession &session)
    : m_session(session)
{}

int ImportLetterCommand::run(const QStringList &args)
{
    const QString command = QStringLiteral("import-letter");
    bool replace = false;
    bool dryRun = false;
    QStringList files;
    bool optionsEnded = false;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        if (!optionsEnded && arg == QLatin1String("--")) {
            optionsEnded = true;
        } else if (!optionsEnded && arg == QLatin1String("--replace")) {
            replace = true;
        } else if (!optionsEnded && arg == QLatin1String("--dry-run")) {
            dryRun = true;
        } else if (!optionsEnded && arg == QLatin1String("--json")) {
            m_json = true;
        } else if (!optionsEnded && arg == QLatin1String("--encoding")) {
            const std::optional<TextEncoding> encoding =
                i + 1 < args.size() ? TextDecoding::encodingFromName(args.at(i + 1)) : std::nullopt;
            if (!encoding) {
                return m_session.usageError(
                    command, CommandLine::tr("--encoding needs utf-8 or windows-1252 after it."));
            }
            m_encoding = *encoding;
            ++i;
        } else if (!optionsEnded && arg.startsWith(QLatin1Char('-')) && arg.size() > 1) {
            return m_session.usageError(command,
                                        CommandLine::tr("unknown option \"%1\".").arg(arg));
        } else {
            files.append(arg);
        }
    }
    if (files.isEmpty())
        return m_session.usageError(command, CommandLine::tr("no files were given."));

    m_worst = CommandLine::Done;
    const QList<ImportedLetter> letters = readFiles(files);
    if (dryRun) {
        if (m_json) {
            printJson(letters);
        } else {
            for (const ImportedLetter &letter : letters)
                printSummary(letter);
        }
        return m_worst;
    }
    QList<ImportedLetter> ready;
    for (const ImportedLetter &letter : letters) {
        if (const Result<void> checked = LetterImporter::checkReady(letter); !checked) {
            noteExitCode(m_session.fail(checked.error()));
            continue;
        }
        ready.append(letter);
    }
    // Two letters with one reference: which should win is not ours to guess.
    if (!replace) {
        QHash<QString, int> count;
        for (const ImportedLetter &letter : std::as_const(ready))
            ++count[letter.request.reference];
        QList<ImportedLetter> unique;
        for (const ImportedLetter &letter : std::as_const(ready)) {
            if (count.value(letter.request.reference) == 1) {
                unique.append(letter);
                continue;
            }
            noteExitCode(m_session.fail(Error(
                ErrorKind::Conflict,
                CommandSession::shownPath(letter.file) + QStringLiteral(": reference: ")
                    + CommandLine::tr("%1 is given by more than one of the letters; import one "
                                      "of them, or use --replace to let the last one win.")
                          .arg(letter.request.reference))));
        }
        ready = unique;
    }
    const QList<ImportedLetter> written = ready.isEmpty() ? ready : storeLetters(ready, replace);
    // Only what was written: a refused letter was reported on stderr.
    if (m_json)
        printJson(written);
    return m_worst;
}

void ImportLetterCommand::noteExitCode(int code)
{
    m_worst = std::max(m_worst, code);
}

QList<ImportedLetter> ImportLetterCommand::readFiles(const QStringList &files)
{
    QList<ImportedLetter> letters;
    const Result<ExemptionCatalogue> catalogue = ExemptionCatalogue::shipped();
    if (!catalogue) {
        noteExitCode(m_session.fail(catalogue.error()));
        return letters;
    }
    for (const QString &file : files) {
        Result<ImportedLetter> letter = LetterImporter::readFile(file, *catalogue, m_encoding);
        if (!letter) {
            noteExitCode(m_session.fail(letter.error()));
            continue;
        }
        letters.append(std::move(letter).value());
    }
    return letters;
}

void ImportLetterCommand::printJson(const QList<ImportedLetter> &letters)
{
    QJsonArray array;
    for (const ImportedLetter &letter : letters)
        array.append(LetterImporter::toJson(letter));
    m_session.out() << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
}

void ImportLetterCommand::printSummary(const ImportedLetter &letter)
{
    const Request &r = letter.request;
    QTextStream &out = m_session.out();
    out << CommandSession::shownPath(letter.file) << QLatin1Char('\n');
    const auto line = [&](const QString &field, const QString &value) {
        out << QStringLiteral("  ") << field.leftJustified(12) << QLatin1Char(' ')
            << (value.isEmpty() ? CommandLine::tr("(not found)") : value) << QLatin1Char('\n');
    };
    line(QStringLiteral("reference"), r.reference);
    line(QStringLiteral("regime"),
         letter.isMissing(QStringLiteral("regime")) ? QString() : regimeCode(r.regime));
    line(QStringLiteral("letter_date"), r.letterDate.toString(Qt::ISODate));
    line(QStringLiteral("received"), r.received.toString(Qt::ISODate));
    line(QStringLiteral("held"), letter.outcome);
    line(QStringLiteral("exemptions"), letter.exemptions.join(QStringLiteral(", ")));
    line(QStringLiteral("questions"), QString::number(r.questions.size()));
    for (const Question &q : r.questions) {
        out << QStringLiteral("    ") << (q.label.isEmpty() ? QStringLiteral("-") : q.label)
            << QLatin1Char(' ') << q.text.left(70).replace(QLatin1Char('\n'), QLatin1Char(' '))
            << QLatin1Char('\n');
    }
    for (const QString &note : letter.notes)
        out << QStringLiteral("  note: ") << note << QLatin1Char('\n');
}

QList<ImportedLetter> ImportLetterCommand::storeLetters(const QList<ImportedLetter> &letters,
                                                        bool replace)
{
    QList<ImportedLetter> written;
    Result<std::unique_ptr<Store>> opened = Store::open(m_session.database());
    if (!opened) {
        noteExitCode(m_session.fail(opened.error()));
        return written;
    }
    Store &store = *opened.value();
    if (int code = CommandLine::Done; !m_session.applyUser(store, &code)) {
        noteExitCode(code);
        return written;
    }
    for (const ImportedLetter &letter : letters) {
        const Result<std::optional<qint64>> existing =
            store.findReference(letter.request.reference);
        if (!existing) {
            noteExitCode(m_session.fail(existing.error()));
            continue;
        }
        const Result<Request> stored =
            store.importRequest(letter.request, replace, LetterImporter::historyDetail(letter));
        if (!stored) {
            noteExitCode(m_session.fail(CommandSession::aboutFile(letter.file, stored.error())));
            continue;
        }
        if (!m_json) {
            m_session.out() << (existing->has_value()
                                    ? CommandLine::tr("replaced %1 from %2 (check it)")
                                    : CommandLine::tr("imported %1 from %2 (check it)"))
                                   .arg(stored->reference, CommandSession::shownPath(letter.file))
                            << QLatin1Char('\n');
        }
        written.append(letter);
    }
    return written;
}

} // namespace foidesk

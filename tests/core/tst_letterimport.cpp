// The letter importer: what it finds in real letters (measured against a table of right
// answers), how it reads Word and PDF letters, what it refuses, and what import-letter writes.

#include "cli/CommandLine.h"
#include "exchange/RequestJson.h"
#include "exemptions/ExemptionCatalogue.h"
#include "importing/LetterDates.h"
#include "importing/LetterImporter.h"
#include "importing/LetterReader.h"
#include "model/RequestEnums.h"
#include "store/Store.h"
#include "support/DocxWriter.h"
#include "util/Translations.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPageSize>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>
#include <QTextStream>

using namespace foidesk;
using namespace Qt::StringLiterals;

namespace {

const QString importDir = QStringLiteral(FOIDESK_TEST_DATA_DIR "/import");

QString firstWords(const QString &text, int count)
{
    // Words without the punctuation around them: "images," is "images".
    static const QRegularExpression punctuation(u"[^\\w/'-]+"_s);
    QStringList words = text.toLower().split(punctuation, Qt::SkipEmptyParts);
    return words.mid(0, count).join(u' ');
}

// One field of one letter: right, wrong, and whether a wrong answer was invented (the letter
// does not state the field, and something was found).
struct Tally
{
    int right = 0;
    int total = 0;
    int invented = 0;
};

} // namespace

class TestLetterImport : public QObject
{
    Q_OBJECT

private:
    ExemptionCatalogue m_catalogue;
    QTemporaryDir m_dir;

    struct Outcome
    {
        int code = -1;
        QString out;
        QString err;
    };
    Outcome run(const QStringList &arguments)
    {
        Outcome outcome;
        QTextStream out(&outcome.out);
        QTextStream err(&outcome.err);
        outcome.code = CommandLine::run(arguments, out, err, QDate(2026, 12, 1));
        out.flush();
        err.flush();
        return outcome;
    }
    QString write(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            return {};
        return path;
    }
    QString letterPdf(const QString &name, const QString &text)
    {
        const QString path = m_dir.filePath(name);
        QPdfWriter writer(path);
        writer.setPageSize(QPageSize(QPageSize::A4));
        QTextDocument document;
        document.setPlainText(text);
        document.setPageSize(QSizeF(writer.width(), writer.height()));
        document.print(&writer);
        return path;
    }

    static const QByteArray &sampleLetter()
    {
        static const QByteArray text =
            "Information Governance\n"
            "3 June 2025\n\n"
            "Our ref: FOI/2025/0153\n\n"
            "Dear Ms Example\n\n"
            "Thank you for your request received on 27 May, for the "
            "following information:\n\n"
            "Q1 How many bus shelters did the council repair in 2024?\n\n"
            "Q2 Who repaired them, and at what cost?\n\n"
            "We have dealt with your request under the Environmental "
            "Information Regulations 2004.\n\n"
            "Q1 Fourteen.\n\n"
            "Q2 The contractor's rates are withheld under regulation "
            "12(5(e) as commercially confidential.\n";
        return text;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // The plural forms ("1 question", "4 questions") come from the English translation.
        installAppTranslations();
        const Result<ExemptionCatalogue> shipped = ExemptionCatalogue::shipped();
        QVERIFY2(shipped.ok(), qPrintable(shipped.errorMessage()));
        m_catalogue = *shipped;
    }

    // Every letter in tests/data/import against the table of right answers (answers.json, and
    // the exchange-format fixtures for the five reference letters): the share right per field
    // is printed, and is the figure docs/import.md records.
    void accuracy()
    {
        QFile file(importDir + u"/answers.json"_s);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject letters =
            QJsonDocument::fromJson(file.readAll()).object()[u"letters"_s].toObject();
        QStringList files = QDir(importDir)
                                .entryList(QDir::Files)
                                .filter(QRegularExpression(u"\\.(txt|md|html|docx|pdf)$"_s));
        files.removeAll(u"SOURCES.md"_s);
        QVERIFY(files.size() >= 15);
        const QStringList fields = {u"reference"_s,
                                    u"letter_date"_s,
                                    u"received"_s,
                                    u"regime"_s,
                                    u"held"_s,
                                    u"exemptions"_s,
                                    u"questions"_s,
                                    u"question words"_s};
        QMap<QString, Tally> reference;
        QMap<QString, Tally> others;
        for (const QString &name : files) {
            QVERIFY2(letters.contains(name),
                     qPrintable(name + u" has no right answers in answers.json"_s));
            QJsonObject truth = letters[name].toObject();
            const bool isReference = truth.contains(u"fixture"_s);
            if (isReference) {
                const Result<Request> fixture = RequestJson::readFile(
                    QStringLiteral(FOIDESK_TEST_DATA_DIR "/") + truth[u"fixture"_s].toString());
                QVERIFY(fixture.ok());
                truth[u"reference"_s] = fixture->reference;
                truth[u"letter_date"_s] = fixture->letterDate.toString(Qt::ISODate);
                truth[u"received"_s] = fixture->received.toString(Qt::ISODate);
                truth[u"regime"_s] = regimeCode(fixture->regime);
                truth[u"held"_s] = fixture->held == Held::Undecided
                                       ? QJsonValue()
                                       : QJsonValue(heldCode(fixture->held));
                truth[u"exemptions"_s] = QJsonArray::fromStringList(fixture->exemptionsUsed());
                QStringList words;
                for (const Question &q : fixture->questions)
                    words.append(firstWords(q.text, 4));
                truth[u"questions"_s] = QJsonArray::fromStringList(words);
            }
            const Result<ImportedLetter> letter =
                LetterImporter::readFile(importDir + u'/' + name, m_catalogue);
            QVERIFY2(letter.ok(), qPrintable(letter.errorMessage()));
            const Request &r = letter->request;
            QMap<QString, Tally> &tally = isReference ? reference : others;
            QStringList wrong;
            auto score =
                [&](const QString &field, const QJsonValue &expected, const QString &found) {
                    Tally &t = tally[field];
                    ++t.total;
                    const QString want = expected.isNull() ? QString() : expected.toString();
                    if (want == found) {
                        ++t.right;
                        return;
                    }
                    if (want.isEmpty())
                        ++t.invented;
                    wrong.append(field + u": "_s + (found.isEmpty() ? u"(none)"_s : found)
                                 + u" instead of "_s + (want.isEmpty() ? u"(none)"_s : want));
                };
            score(u"reference"_s, truth[u"reference"_s], r.reference);
            score(u"letter_date"_s, truth[u"letter_date"_s], r.letterDate.toString(Qt::ISODate));
            score(u"received"_s, truth[u"received"_s], r.received.toString(Qt::ISODate));
            score(u"regime"_s,
                  truth[u"regime"_s],
                  letter->isMissing(u"regime"_s) ? QString() : regimeCode(r.regime));
            score(u"held"_s, truth[u"held"_s], letter->outcome);
            QStringList expectedCodes;
            for (const QJsonValue &code : truth[u"exemptions"_s].toArray())
                expectedCodes.append(code.toString());
            for (const QString &code : letter->exemptions) {
                if (!expectedCodes.contains(code))
                    ++tally[u"exemptions"_s].invented;
            }
            score(u"exemptions"_s,
                  expectedCodes.join(u", "_s),
                  QStringList(letter->exemptions).join(u", "_s));
            const QJsonArray questions = truth[u"questions"_s].toArray();
            score(u"questions"_s,
                  QString::number(questions.size()),
                  QString::number(r.questions.size()));
            for (qsizetype i = 0; i < questions.size(); ++i) {
                const QString want = questions[i].toString().toLower();
                const QString found =
                    i < r.questions.size()
                        ? firstWords(r.questions[i].text, int(want.split(u' ').size()))
                        : QString();
                score(u"question words"_s, want, found);
            }
            if (!wrong.isEmpty())
                qInfo("%s: %s", qPrintable(name), qPrintable(wrong.join(u"; "_s)));
        }
        auto table = [&](const char *title, const QMap<QString, Tally> &t) {
            int right = 0;
            int total = 0;
            int invented = 0;
            qInfo("%s", title);
            for (const QString &field : fields) {
                const Tally &f = t.value(field);
                right += f.right;
                total += f.total;
                invented += f.invented;
                qInfo("  %-15s %3d of %3d right (%5.1f%%), %d invented",
                      qPrintable(field),
                      f.right,
                      f.total,
                      f.total ? 100.0 * f.right / f.total : 100.0,
                      f.invented);
            }
            qInfo("  %-15s %3d of %3d right (%5.1f%%), %d invented",
                  "all fields",
                  right,
                  total,
                  total ? 100.0 * right / total : 100.0,
                  invented);
            return std::make_tuple(right, total, invented);
        };
        const auto [refRight, refTotal, refInvented] = table("Reference letters (5):", reference);
        const auto [right, total, invented] = table("Letters of other authorities:", others);
        QCOMPARE(refRight, refTotal);
        QCOMPARE(refInvented, 0);
        QVERIFY2(right * 10 >= total * 9, "fewer than 90% of the fields are right");
        QCOMPARE(invented, 0);
    }

    void datesAsLettersWriteThem_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDate>("date");
        QTest::newRow("long") << u"17 June 2020"_s << QDate(2020, 6, 17);
        QTest::newRow("ordinal") << u"3rd April 2020"_s << QDate(2020, 4, 3);
        QTest::newRow("no space") << u"01May 2025"_s << QDate(2025, 5, 1);
        QTest::newRow("numeric") << u"26/02/2017"_s << QDate(2017, 2, 26);
        QTest::newRow("iso") << u"2012-10-01"_s << QDate(2012, 10, 1);
    }
    void datesAsLettersWriteThem()
    {
        QFETCH(QString, text);
        QFETCH(QDate, date);
        const QList<LetterDate> found = LetterDates::find(u"Dated "_s + text + u"."_s);
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.first().date(), date);
    }

    // The year of "27 May" comes from the letter's date, and the officer is told so; a reference
    // given as "Our ref:", the regime from the Regulations named, the questions labelled Q1 and
    // Q2 with their answers matched by label, and "12(5(e)" read as reg12(5)(e).
    void fieldsOfALetter()
    {
        const QString path = write(u"sample.txt"_s, sampleLetter());
        const Result<ImportedLetter> letter = LetterImporter::readFile(path, m_catalogue);
        QVERIFY2(letter.ok(), qPrintable(letter.errorMessage()));
        const Request &r = letter->request;
        QCOMPARE(r.reference, u"FOI/2025/0153"_s);
        QCOMPARE(r.letterDate, QDate(2025, 6, 3));
        QCOMPARE(r.received, QDate(2025, 5, 27));
        QVERIFY(letter->notes.join(u' ').contains(u"without its year"_s));
        QCOMPARE(r.regime, Regime::EIR);
        QCOMPARE(r.requester.name, u"Ms Example"_s);
        QCOMPARE(r.questions.size(), 2);
        QCOMPARE(r.questions[0].label, u"Q1"_s);
        QCOMPARE(r.questions[0].answer, u"Fourteen."_s);
        QVERIFY(r.questions[1].answer.startsWith(u"The contractor's rates"_s));
        QCOMPARE(r.questions[1].exemptions, QStringList{u"reg12(5)(e)"_s});
        QCOMPARE(r.questions[1].disposition, Disposition::Withheld);
        QCOMPARE(letter->missing, QStringList({u"held"_s, u"title"_s}));
        // The preview highlights what was found where it was found.
        for (const FoundSpan &span : letter->spans) {
            if (span.field == u"reference"_s)
                QCOMPARE(letter->source.text.mid(span.start, span.length), u"FOI/2025/0153"_s);
        }
    }

    void exemptionsAsLettersCiteThem_data()
    {
        QTest::addColumn<QString>("sentence");
        QTest::addColumn<QString>("regime");
        QTest::addColumn<QStringList>("codes");
        QTest::newRow("Section 40(2)")
            << u"This is withheld under Section 40(2)."_s << u"FOIA"_s << QStringList{u"s40(2)"_s};
        QTest::newRow("S40(2) applies")
            << u"S40(2) applies to the names."_s << u"FOIA"_s << QStringList{u"s40(2)"_s};
        QTest::newRow("regulation 12(5)(b)")
            << u"We rely on regulation 12(5)(b)."_s << u"EIR"_s << QStringList{u"reg12(5)(b)"_s};
        QTest::newRow("12(5(b)") << u"Regulation 12(5(b) is engaged."_s << u"EIR"_s
                                 << QStringList{u"reg12(5)(b)"_s};
        QTest::newRow("Exclusion 31/40")
            << u"Exclusion 31/40 applies."_s << u"FOIA"_s << QStringList{u"s40(2)"_s};
        QTest::newRow("section 1 is no exemption")
            << u"Under section 1 of the Act you may ask."_s << u"FOIA"_s << QStringList{};
    }
    void exemptionsAsLettersCiteThem()
    {
        QFETCH(QString, sentence);
        QFETCH(QString, regime);
        QFETCH(QStringList, codes);
        const QByteArray text =
            "Our ref: X-1\n\nYou asked for the following information:\n\n"
            "1. How many?\n\nWe have considered your request under the "
            + QByteArray(regime == u"EIR"_s ? "Environmental Information Regulations"
                                            : "Freedom of Information Act")
            + ".\n\n" + sentence.toUtf8() + "\n";
        const Result<ImportedLetter> letter =
            LetterImporter::readFile(write(u"cite.txt"_s, text), m_catalogue);
        QVERIFY2(letter.ok(), qPrintable(letter.errorMessage()));
        QCOMPARE(letter->exemptions, codes);
    }

    // Word letters: a Title and a heading, numbered and lettered lists written out as Word shows
    // them, a table; tracked deletions, comments and hidden text never become letter text and
    // are reported.
    void wordLetter()
    {
        using namespace foidesk::test;
        const QByteArray body =
            docxParagraph("Request for information", "Title") + docxParagraph("Date: 14 March 2024")
            + docxParagraph("Case reference: RFI-20240311-07")
            + docxParagraph("Your request of 11 March 2024 asked for the following information:")
            + docxParagraph("Parking", "Heading2")
            + docxParagraph("How many parking permits were issued in 2023?", {}, 1)
            + docxParagraph("How many were refunded?", {}, 1)
            + "<w:p><w:r><w:t>We have handled your request under the Freedom of Information "
              "Act 2000.</w:t></w:r><w:del w:id=\"1\" w:author=\"A\"><w:r><w:delText>Jo Bloggs "
              "approved it.</w:delText></w:r></w:del></w:p>"
            + "<w:tbl><w:tr><w:tc>" + docxParagraph("Year") + "</w:tc><w:tc>"
            + docxParagraph("Permits") + "</w:tc></w:tr></w:tbl>"
            + "<w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>Secret hidden note</w:t></w:r>"
              "<w:commentRangeStart w:id=\"0\"/><w:r><w:t>The council holds the information you "
              "requested.</w:t></w:r></w:p>";
        const QString path = write(u"letter.docx"_s, docx(body));
        const Result<ImportedLetter> letter = LetterImporter::readFile(path, m_catalogue);
        QVERIFY2(letter.ok(), qPrintable(letter.errorMessage()));
        const QString &text = letter->source.text;
        QVERIFY(!text.contains(u"Jo Bloggs"_s));
        QVERIFY(!text.contains(u"Secret hidden note"_s));
        QVERIFY(text.contains(u"Permits"_s));
        const QString notes = letter->notes.join(u' ');
        QVERIFY(notes.contains(u"tracked deletions"_s));
        QVERIFY(notes.contains(u"hidden text"_s));
        QVERIFY(notes.contains(u"comments"_s));
        const Request &r = letter->request;
        QCOMPARE(r.title, u"Request for information"_s);
        QCOMPARE(r.reference, u"RFI-20240311-07"_s);
        QCOMPARE(r.letterDate, QDate(2024, 3, 14));
        QCOMPARE(r.received, QDate(2024, 3, 11));
        QCOMPARE(r.questions.size(), 2);
        QCOMPARE(r.questions[0].label, u"1."_s);
        QCOMPARE(r.questions[0].section, u"Parking"_s);
        QCOMPARE(r.questions[1].text, u"How many were refunded?"_s);
        QCOMPARE(letter->outcome, u"all"_s);
    }

    // A PDF letter is read through its text layer.
    void pdfLetter()
    {
        const QString path = letterPdf(u"letter.pdf"_s, QString::fromUtf8(sampleLetter()));
        const Result<ImportedLetter> letter = LetterImporter::readFile(path, m_catalogue);
        if (!letter.ok()) {
            const Result<LetterSource> source = LetterReader::readFile(path);
            QVERIFY(source.ok());
            qInfo("%s", qPrintable(source->text));
        }
        QVERIFY2(letter.ok(), qPrintable(letter.errorMessage()));
        QCOMPARE(letter->request.reference, u"FOI/2025/0153"_s);
        QCOMPARE(letter->request.questions.size(), 2);
        QVERIFY(letter->request.questions[0].text.startsWith(u"How many bus shelters"_s));
    }

    QByteArray legacyLetter() const
    {
        QByteArray text = sampleLetter();
        text.replace("Fourteen.",
                     "Fourteen, at \xA3"
                     "120 each (\x93standard\x94 rate).");
        return text;
    }

    // Windows-1252 text is refused unless asked for, and then read as such: the pound sign
    // and curly quotes come out right, and the officer is told.
    void legacyEncoding()
    {
        const QString path = write(u"legacy.txt"_s, legacyLetter());
        const Result<ImportedLetter> refused = LetterImporter::readFile(path, m_catalogue);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.errorKind(), ErrorKind::BadInput);
        QVERIFY2(refused.errorMessage().contains(u"not UTF-8"_s),
                 qPrintable(refused.errorMessage()));
        QVERIFY(refused.errorMessage().contains(u"--encoding windows-1252"_s));

        const Result<ImportedLetter> letter =
            LetterImporter::readFile(path, m_catalogue, TextEncoding::Windows1252);
        QVERIFY2(letter.ok(), qPrintable(letter.errorMessage()));
        QCOMPARE(letter->request.questions[0].answer,
                 QString(u"Fourteen, at \u00A3120 each (\u201Cstandard\u201D rate)."_s));
        QVERIFY(letter->notes.join(u' ').contains(u"Windows-1252"_s));

        // A UTF-8 letter asked to be read as Windows-1252 is still read as UTF-8.
        const Result<ImportedLetter> utf8 = LetterImporter::readFile(
            write(u"utf8.txt"_s, sampleLetter()), m_catalogue, TextEncoding::Windows1252);
        QVERIFY2(utf8.ok(), qPrintable(utf8.errorMessage()));
        QVERIFY(!utf8->notes.join(u' ').contains(u"Windows-1252"_s));

        // The command line imports it with --encoding windows-1252, and only then.
        const QString db = m_dir.filePath(u"legacy.sqlite"_s);
        const Outcome imported =
            run({u"--db"_s, db, u"import-letter"_s, u"--encoding"_s, u"windows-1252"_s, path});
        QCOMPARE(imported.code, 0);
        const Outcome bad =
            run({u"--db"_s, db, u"import-letter"_s, u"--encoding"_s, u"ebcdic"_s, path});
        QCOMPARE(bad.code, int(CommandLine::UsageError));
        QVERIFY2(bad.err.contains(u"windows-1252"_s), qPrintable(bad.err));
    }

    // Each bad file: exit 2, one line on stderr naming the file, and no log written.
    void badInput_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("says");
        QByteArray binary(4096, '\0');
        for (int i = 0; i < binary.size(); ++i)
            binary[i] = char((i * 37) % 256);
        QByteArray huge(21 * 1024 * 1024, 'a');
        QTest::newRow("empty") << u"empty.txt"_s << QByteArray() << u"empty"_s;
        QTest::newRow("binary as .txt") << u"binary.txt"_s << binary << u"not a text file"_s;
        QTest::newRow("20 MB") << u"huge.txt"_s << huge << u"larger than 20 MB"_s;
        QTest::newRow("Windows-1252 text") << u"legacy.txt"_s << legacyLetter() << u"not UTF-8"_s;
        QTest::newRow("no questions")
            << u"thanks.txt"_s << QByteArray("Our ref: 123\n\nThank you for your letter.\n")
            << u"no questions"_s;
        QTest::newRow("docx not a zip")
            << u"fake.docx"_s << QByteArray("This is plain text.") << u"not a zip"_s;
        QTest::newRow("zip bomb") << u"bomb.docx"_s
                                  << test::docx(test::docxParagraph("1. A?"), 300LL * 1024 * 1024)
                                  << u"zip bomb"_s;
        QFile password(importDir + u"/bad/password.pdf"_s);
        QVERIFY(password.open(QIODevice::ReadOnly));
        QTest::newRow("password PDF") << u"locked.pdf"_s << password.readAll() << u"password"_s;
        QFile scan(importDir + u"/bad/scan.pdf"_s);
        QVERIFY(scan.open(QIODevice::ReadOnly));
        QTest::newRow("scanned PDF") << u"scan.pdf"_s << scan.readAll() << u"no text layer"_s;
    }
    void badInput()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, bytes);
        QFETCH(QString, says);
        const QString path = write(name, bytes);
        QVERIFY(!path.isEmpty());
        const QString db = m_dir.filePath(u"bad.sqlite"_s);
        const Outcome outcome = run({u"--db"_s, db, u"import-letter"_s, path});
        QCOMPARE(outcome.code, int(CommandLine::BadInput));
        QVERIFY2(outcome.err.contains(says), qPrintable(outcome.err));
        QVERIFY(outcome.err.contains(QDir::toNativeSeparators(path)));
        QCOMPARE(outcome.err.count(u'\n'), 1);
        QVERIFY(outcome.out.isEmpty());
        QVERIFY(!QFile::exists(db));
        QFile::remove(path);
    }

    // --dry-run --json: per file the request found (exchange format, only what was found) and
    // the names of the fields missing; nothing is written.
    void dryRunJson()
    {
        const QString db = m_dir.filePath(u"dry.sqlite"_s);
        const QString letter = importDir + u"/wokingham-tree-report.txt"_s;
        const Outcome outcome =
            run({u"--db"_s, db, u"import-letter"_s, u"--dry-run"_s, u"--json"_s, letter});
        QCOMPARE(outcome.code, 0);
        QVERIFY(!QFile::exists(db));
        const QJsonArray array = QJsonDocument::fromJson(outcome.out.toUtf8()).array();
        QCOMPARE(array.size(), 1);
        const QJsonObject entry = array.first().toObject();
        QCOMPARE(entry[u"file"_s].toString(), QDir::toNativeSeparators(letter));
        const QJsonObject request = entry[u"request"_s].toObject();
        QVERIFY(!request.contains(u"reference"_s));
        QVERIFY(!request.contains(u"received"_s));
        QCOMPARE(request[u"regime"_s].toString(), u"FOIA"_s);
        QCOMPARE(request[u"questions"_s].toArray().size(), 1);
        const QJsonArray missing = entry[u"missing"_s].toArray();
        QVERIFY(missing.contains(u"reference"_s));
        QVERIFY(missing.contains(u"received"_s));
        QVERIFY(!missing.contains(u"regime"_s));
    }

    // Without --dry-run: a letter without a reference is refused naming the file; the others are
    // created, marked "imported, check" with the file's name and SHA-256 in the history; a
    // reference already in the log is refused unless --replace.
    void importWrites()
    {
        const QString db = m_dir.filePath(u"log.sqlite"_s);
        const QString noReference = importDir + u"/wokingham-tree-report.txt"_s;
        const QString letter = importDir + u"/barnet-7012568.txt"_s;
        Outcome outcome = run({u"--db"_s, db, u"import-letter"_s, noReference, letter});
        QCOMPARE(outcome.code, int(CommandLine::BadInput));
        QVERIFY(outcome.err.contains(QDir::toNativeSeparators(noReference) + u": reference:"_s));
        QVERIFY(outcome.out.contains(u"imported 7012568"_s));

        {
            Result<std::unique_ptr<Store>> store = Store::open(db);
            QVERIFY(store.ok());
            const Result<Request> stored = (*store)->loadRequestByReference(u"7012568"_s);
            QVERIFY(stored.ok());
            QCOMPARE(stored->questions.size(), 4);
            QCOMPARE(stored->received, QDate(2021, 2, 10));
            const Result<QList<AuditEntry>> history = (*store)->auditTrail(u"7012568"_s);
            QVERIFY(history.ok());
            QCOMPARE(history->first().action, u"import_letter"_s);
            QFile bytes(letter);
            QVERIFY(bytes.open(QIODevice::ReadOnly));
            const QString sha = QString::fromLatin1(
                QCryptographicHash::hash(bytes.readAll(), QCryptographicHash::Sha256).toHex());
            QVERIFY(history->first().detail.contains(u"imported, check"_s));
            QVERIFY(history->first().detail.contains(u"barnet-7012568.txt"_s));
            QVERIFY(history->first().detail.contains(sha));
            QVERIFY(history->first().detail.endsWith(u", 4 questions"_s));
            const Result<int> count = (*store)->countRequests({});
            QCOMPARE(*count, 1);
        }

        outcome = run({u"--db"_s, db, u"import-letter"_s, letter});
        QCOMPARE(outcome.code, int(CommandLine::Refused));
        QVERIFY(outcome.err.contains(u"already exists"_s));
        outcome = run({u"--db"_s, db, u"import-letter"_s, u"--replace"_s, letter});
        QCOMPARE(outcome.code, 0);
        QVERIFY(outcome.out.contains(u"replaced 7012568"_s));
    }
};

QTEST_MAIN(TestLetterImport)
#include "tst_letterimport.moc"

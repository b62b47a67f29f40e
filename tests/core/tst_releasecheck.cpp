#include "exchange/PublicRequestJson.h"
#include "exchange/RequestFingerprint.h"
#include "letter/LetterDocument.h"
#include "letter/PdfExporter.h"
#include "release/CheckedWrite.h"
#include "release/LeakMatcher.h"
#include "release/ReleaseCheck.h"
#include "util/Translations.h"
#include "workflow/ReleaseGate.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPainter>
#include <QPdfWriter>
#include <QTemporaryDir>
#include <QTest>
#include <functional>

using namespace foidesk;
using namespace Qt::StringLiterals;

namespace {

const QString name = u"Priya Shah"_s;
const QString welshName = u"Siân Llŷr"_s;

bool writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QByteArray readBytes(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

// A PDF painted directly with QPainter, one callback per page, and a title of its own.
void paintPdf(const QString &path,
              const QList<std::function<void(QPainter &)>> &pages,
              const QString &title = u"Letter"_s,
              const QByteArray &xmp = {})
{
    QPdfWriter writer(path);
    writer.setTitle(title);
    if (!xmp.isEmpty())
        writer.setDocumentXmpMetadata(xmp);
    writer.setResolution(72);
    QPainter painter(&writer);
    QFont font(u"Liberation Sans"_s);
    font.setPointSize(11);
    painter.setFont(font);
    for (qsizetype i = 0; i < pages.size(); ++i) {
        if (i > 0)
            writer.newPage();
        pages.at(i)(painter);
    }
}

std::function<void(QPainter &)> lines(const QStringList &text)
{
    return [text](QPainter &painter) {
        int y = 80;
        for (const QString &line : text) {
            painter.drawText(60, y, line);
            y += 20;
        }
    };
}

// A small PDF written byte by byte: one page with a text annotation whose /Contents is given
// as written in the file, and one extra stream object (object 5) with the given dictionary
// entries and data. Lets a test put a string where QPainter never would.
QByteArray handMadePdf(const QByteArray &annotationContents,
                       const QByteArray &streamEntries,
                       const QByteArray &streamData)
{
    QList<QByteArray> objects = {
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Annots [4 0 R] >>",
        "<< /Type /Annot /Subtype /Text /Rect [10 10 30 30] /Contents " + annotationContents
            + " >>",
        "<< /Length " + QByteArray::number(streamData.size()) + " " + streamEntries
            + " >>\nstream\n" + streamData + "\nendstream",
    };
    QByteArray pdf = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
    QList<qsizetype> offsets;
    for (qsizetype i = 0; i < objects.size(); ++i) {
        offsets.append(pdf.size());
        pdf += QByteArray::number(i + 1) + " 0 obj\n" + objects.at(i) + "\nendobj\n";
    }
    const qsizetype xref = pdf.size();
    pdf += "xref\n0 " + QByteArray::number(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (const qsizetype offset : offsets)
        pdf += QByteArray::number(offset).rightJustified(10, '0') + " 00000 n \n";
    pdf += "trailer\n<< /Size " + QByteArray::number(objects.size() + 1)
           + " /Root 1 0 R >>\nstartxref\n" + QByteArray::number(xref) + "\n%%EOF\n";
    return pdf;
}

QByteArray utf16Hex(const QString &text)
{
    QByteArray out = "<FEFF";
    for (const QChar c : text)
        out += QByteArray::number(c.unicode(), 16).rightJustified(4, '0');
    return out + ">";
}

QByteArray utf16Bytes(const QString &text)
{
    QByteArray out;
    for (const QChar c : text) {
        out += char(c.unicode() >> 8);
        out += char(c.unicode() & 0xFF);
    }
    return out;
}

// zlib data as a PDF /FlateDecode stream holds it (qCompress puts a length in front).
QByteArray deflated(const QByteArray &data)
{
    return qCompress(data).mid(4);
}

LetterDocument letterWith(const QString &answer)
{
    LetterDocument letter;
    letter.reference = u"RC-1"_s;
    letter.pdfTitle = u"Response to FOI request RC-1"_s;
    letter.pdfSubject = u"Staff contacts"_s;
    letter.organisation = u"Test Authority"_s;
    LetterBlock block;
    block.kind = LetterBlock::Kind::QuestionAndAnswer;
    LetterQuestion question;
    question.label = u"1."_s;
    question.text = u"Who manages the contact centre?"_s;
    question.answer = answer;
    block.questions.append(question);
    letter.blocks.append(block);
    letter.withheldStrings = {name, welshName};
    return letter;
}

Request withholdingRequest()
{
    Request request;
    request.reference = u"RC-2"_s;
    request.received = QDate(2024, 3, 1);
    Question q;
    q.text = u"Who manages the contact centre?"_s;
    q.answer = u"Priya Shah, Contact Centre Manager"_s;
    q.disposition = Disposition::PartWithheld;
    q.redactions = {Redaction{0, 10, u"s40(2)"_s}};
    request.questions.append(q);
    return request;
}

} // namespace

// The release check reads an exported file back and must find every withheld string wherever a
// reader, a search engine or a curious recipient could find it: page text however it is drawn,
// metadata, and the bytes of the file in every encoding a PDF uses.
class TestReleaseCheck : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;

    QString path(const QString &fileName) const { return m_dir->filePath(fileName); }

private Q_SLOTS:
    // As the window and the command line do: the summaries count in English plurals.
    void initTestCase() { installAppTranslations(); }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }
    void cleanup() { m_dir.reset(); }

    void findsPageText_data()
    {
        QTest::addColumn<QString>("withheld");
        QTest::addColumn<QString>("where"); // empty: must not be found
        using Pages = QList<std::function<void(QPainter &)>>;
        QTest::addColumn<Pages>("pages");

        QTest::newRow("as written")
            << name << u"page 1 text"_s << Pages{lines({u"Contact Priya Shah for details."_s})};
        QTest::newRow("other case")
            << name << u"page 1 text"_s << Pages{lines({u"CONTACT PRIYA SHAH"_s})};
        QTest::newRow("broken across lines")
            << name << u"page 1 text"_s << Pages{lines({u"Please contact Priya"_s, u"Shah."_s})};
        QTest::newRow("no-break space")
            << name << u"page 1 text"_s << Pages{lines({u"Priya\u00A0Shah"_s})};
        QTest::newRow("not ASCII")
            << welshName << u"page 1 text"_s << Pages{lines({u"Signed: Siân Llŷr"_s})};
        QTest::newRow("email") << u"priya.shah@example.gov.uk"_s << u"page 1 text"_s
                               << Pages{lines({u"Email priya.shah@example.gov.uk today"_s})};
        QTest::newRow("second page")
            << name << u"page 2 text"_s
            << Pages{lines({u"Nothing to see"_s}), lines({u"Regards, Priya Shah"_s})};
        QTest::newRow("white on white") << name << u"page 1 text"_s << Pages{[](QPainter &painter) {
            painter.setPen(Qt::white);
            painter.drawText(60, 80, u"Priya Shah"_s);
        }};
        QTest::newRow("under a black box")
            << name << u"page 1 text"_s << Pages{[](QPainter &painter) {
                   painter.drawText(60, 80, u"Manager: Priya Shah"_s);
                   painter.fillRect(QRect(50, 60, 300, 30), Qt::black);
               }};
        QTest::newRow("tiny") << name << u"page 1 text"_s << Pages{[](QPainter &painter) {
            QFont font = painter.font();
            font.setPointSizeF(1);
            painter.setFont(font);
            painter.drawText(60, 80, u"Priya Shah"_s);
        }};
        QTest::newRow("absent") << name << QString()
                                << Pages{lines({u"Contact the customer services team."_s})};
        QTest::newRow("only the first name")
            << name << QString() << Pages{lines({u"Priya answered the phone."_s})};
    }

    void findsPageText()
    {
        QFETCH(QString, withheld);
        QFETCH(QString, where);
        QFETCH(QList<std::function<void(QPainter &)>>, pages);
        const QString pdf = path(u"painted.pdf"_s);
        paintPdf(pdf, pages);

        const ReleaseCheckResult result = ReleaseCheck::checkPdf(pdf, {withheld}, "fp");
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        QCOMPARE(result.pagesRead, int(pages.size()));
        QCOMPARE(result.withheldCount, 1);
        QCOMPARE(result.fingerprint, QByteArray("fp"));
        QCOMPARE(result.file, pdf);
        QCOMPARE(result.fileSha256,
                 QCryptographicHash::hash(readBytes(pdf), QCryptographicHash::Sha256).toHex());
        if (where.isEmpty()) {
            QVERIFY(result.passed());
            QVERIFY(result.findings.isEmpty());
        } else {
            QVERIFY(!result.passed());
            QVERIFY2(result.findings.contains(LeakFinding{withheld, where}),
                     qPrintable(result.summary()));
        }
    }

    void findsMetadata()
    {
        const QString titled = path(u"titled.pdf"_s);
        paintPdf(titled, {lines({u"A letter about staffing."_s})}, u"Notes for Priya Shah"_s);
        ReleaseCheckResult result = ReleaseCheck::checkPdf(titled, {name}, {});
        QVERIFY(!result.passed());
        QVERIFY(result.findings.contains(LeakFinding{name, u"document title"_s}));
        // Qt writes the title as a UTF-16BE literal string, which the byte search decodes.
        QVERIFY(result.findings.contains(LeakFinding{name, u"file bytes"_s}));

        const QString xmpOnly = path(u"xmp.pdf"_s);
        paintPdf(xmpOnly,
                 {lines({u"A letter about staffing."_s})},
                 u"Letter"_s,
                 "<?xpacket begin=''?><x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF "
                 "xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description "
                 "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:creator>Si\xC3\xA2n "
                 "Ll\xC5\xB7r</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>"
                 "<?xpacket end='w'?>");
        result = ReleaseCheck::checkPdf(xmpOnly, {welshName}, {});
        QCOMPARE(result.findings,
                 QList<LeakFinding>{LeakFinding(welshName, u"document metadata (XMP)"_s)});
    }

    void findsLetterMetadataAndText()
    {
        const QString pdf = path(u"letter.pdf"_s);
        LetterDocument letter = letterWith(u"The manager is Siân Llŷr."_s);
        letter.pdfSubject = u"Contact details of Priya Shah"_s;
        ExportOptions options;
        QVERIFY(PdfExporter::exportPdf(letter, pdf, options));

        const ReleaseCheckResult result = ReleaseCheck::checkPdf(pdf, letter.withheldStrings, {});
        QVERIFY(result.findings.contains(LeakFinding{welshName, u"page 1 text"_s}));
        QVERIFY(result.findings.contains(LeakFinding{name, u"document subject"_s}));
        // The subject is in the information dictionary as UTF-16BE hex: the byte search decodes it.
        QVERIFY(result.findings.contains(LeakFinding{name, u"file bytes"_s}));
    }

    void findsStringsInTheFileBytes_data()
    {
        QTest::addColumn<QString>("withheld");
        QTest::addColumn<QByteArray>("contents");
        QTest::addColumn<QByteArray>("streamEntries");
        QTest::addColumn<QByteArray>("streamData");
        QTest::addColumn<QString>("where"); // empty: must not be found

        const QByteArray noStream = "/Type /EmbeddedFile";
        QTest::newRow("literal string with escaped parentheses")
            << u"Priya (P.) Shah"_s << QByteArray("(Note: Priya \\(P.\\) Shah)") << noStream
            << QByteArray("nothing") << u"file bytes"_s;
        QTest::newRow("literal string with a backslash")
            << u"HR\\Priya"_s << QByteArray("(Folder HR\\\\Priya)") << noStream
            << QByteArray("nothing") << u"file bytes"_s;
        QTest::newRow("literal string with an octal escape")
            << u"Siân Llwyd"_s << QByteArray("(Si\\342n Llwyd)") << noStream
            << QByteArray("nothing") << u"file bytes"_s;
        QTest::newRow("literal string continued on the next line")
            << name << QByteArray("(Priya \\\nShah)") << noStream << QByteArray("nothing")
            << u"file bytes"_s;
        QTest::newRow("UTF-16BE hex string") << welshName << utf16Hex(u"By Siân Llŷr"_s) << noStream
                                             << QByteArray("nothing") << u"file bytes"_s;
        QTest::newRow("UTF-16BE hex string without a byte order mark")
            << name << utf16Hex(u"Priya Shah"_s).replace("<FEFF", "<") << noStream
            << QByteArray("nothing") << u"file bytes"_s;
        QTest::newRow("UTF-16BE literal string")
            << welshName << QByteArray("(\xFE\xFF" + utf16Bytes(welshName) + ")") << noStream
            << QByteArray("nothing") << u"file bytes"_s;
        QTest::newRow("plain stream, Latin-1") << u"Siân"_s << QByteArray("(Note)") << noStream
                                               << QByteArray("% Si\xE2n here") << u"file bytes"_s;
        QTest::newRow("compressed stream, UTF-8")
            << welshName << QByteArray("(Note)") << QByteArray("/Filter /FlateDecode")
            << deflated("% Siân Llŷr\n"_ba) << u"file bytes (uncompressed stream 5)"_s;
        QTest::newRow("compressed stream, UTF-16BE")
            << name << QByteArray("(Note)") << QByteArray("/Filter /FlateDecode")
            << deflated("\xFE\xFF" + utf16Bytes(u"Manager: Priya Shah"_s))
            << u"file bytes (uncompressed stream 5)"_s;
        QTest::newRow("stream that does not inflate is searched as it is")
            << name << QByteArray("(Note)") << QByteArray("/Filter /FlateDecode")
            << QByteArray("not zlib at all: Priya Shah") << u"file bytes"_s;
        QTest::newRow("XMP metadata stream")
            << name << QByteArray("(Note)") << QByteArray("/Type /Metadata /Subtype /XML")
            << QByteArray("<dc:creator>Priya Shah</dc:creator>") << u"document metadata (XMP)"_s;
        QTest::newRow("clean file") << name << QByteArray("(Contact the team)") << noStream
                                    << deflated("% Priya\n"_ba) << QString();
    }

    void findsStringsInTheFileBytes()
    {
        QFETCH(QString, withheld);
        QFETCH(QByteArray, contents);
        QFETCH(QByteArray, streamEntries);
        QFETCH(QByteArray, streamData);
        QFETCH(QString, where);
        const QString pdf = path(u"hand-made.pdf"_s);
        QVERIFY(writeBytes(pdf, handMadePdf(contents, streamEntries, streamData)));

        const ReleaseCheckResult result = ReleaseCheck::checkPdf(pdf, {withheld}, {});
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        QCOMPARE(result.pagesRead, 1);
        if (where.isEmpty())
            QCOMPARE(result.findings, QList<LeakFinding>());
        else
            QVERIFY2(result.findings.contains(LeakFinding{withheld, where}),
                     qPrintable(result.summary()));
    }

    void skipsStringsTooShortToMean()
    {
        const QString pdf = path(u"short.pdf"_s);
        paintPdf(pdf, {lines({u"J and Priya Shah"_s})});
        const ReleaseCheckResult result =
            ReleaseCheck::checkPdf(pdf, {u"J"_s, u" "_s, u"J "_s, name, u"PRIYA  shah"_s}, {});
        // A single character is in every letter; the same string twice is looked for once.
        QCOMPARE(result.withheldCount, 1);
        QCOMPARE(result.findings, QList<LeakFinding>{LeakFinding(name, u"page 1 text"_s)});
    }

    void findsOverlappingStringsInOnePass()
    {
        // Strings inside one another and sharing their ends: each is found wherever it is,
        // exactly as looking for them one at a time would.
        const QStringList strings{u"Ann Lee"_s,
                                  u"Ann Leeson"_s,
                                  u"Leeson Road"_s,
                                  u"nn L"_s,
                                  u"07700 900123"_s,
                                  u"900123 4"_s,
                                  u"Mr Ann"_s};
        const QString text = u"Letter to  ANN\nLEESON ROAD about 07700 900123."_s;
        LeakMatcher matcher(strings);
        matcher.search(text, u"here"_s);
        QStringList found;
        for (const LeakFinding &finding : matcher.findings())
            found.append(finding.withheld);
        // Worked by hand: "ann leeson road" holds the first four; "07700 900123." holds the
        // number but not "900123 4"; "Mr Ann" is not there.
        QCOMPARE(found,
                 (QStringList{u"Ann Lee"_s,
                              u"Ann Leeson"_s,
                              u"Leeson Road"_s,
                              u"nn L"_s,
                              u"07700 900123"_s}));

        // A copy searches another text for the same strings and starts with no findings.
        LeakMatcher copy = matcher;
        copy.clearFindings();
        copy.search(u"Mr Ann Smith"_s, u"there"_s);
        QCOMPARE(copy.findings(), QList<LeakFinding>{LeakFinding(u"Mr Ann"_s, u"there"_s)});
        QCOMPARE(matcher.findings().size(), 5);
    }

    void agreesWithLookingForEachStringAlone()
    {
        // Many strings, as publishing a whole log has: the one-pass search finds exactly what
        // QString::contains finds string by string, on the same normalised text.
        QStringList strings;
        for (int i = 0; i < 3000; ++i)
            strings.append(u"Person %1 of %2 Street"_s.arg(i * 7919 % 5003).arg(i % 97));
        QString text;
        for (int i = 0; i < 400; ++i)
            text += u"person %1 of %2 street, "_s.arg(i * 13 % 5003).arg(i % 101);
        LeakMatcher matcher(strings);
        matcher.search(text, u"page"_s);
        const QString haystack = LeakMatcher::normalised(text);
        QStringList expected;
        for (const QString &string : std::as_const(strings)) {
            if (haystack.contains(LeakMatcher::normalised(string).trimmed())
                && !expected.contains(string))
                expected.append(string);
        }
        QStringList found;
        for (const LeakFinding &finding : matcher.findings())
            found.append(finding.withheld);
        QVERIFY(!expected.isEmpty()); // the text holds some of them, so the test means something
        QCOMPARE(found, expected);
    }

    void unreadableFilesFail_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("not a PDF") << QByteArray("Priya Shah, Contact Centre Manager\n");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("cut short") << QByteArray("%PDF-1.4\n1 0 obj\n<< /Type /Cat");
    }

    void unreadableFilesFail()
    {
        QFETCH(QByteArray, bytes);
        const QString pdf = path(u"broken.pdf"_s);
        QVERIFY(writeBytes(pdf, bytes));
        const ReleaseCheckResult result = ReleaseCheck::checkPdf(pdf, {name}, {});
        QVERIFY(!result.error.isEmpty());
        QVERIFY(!result.passed());
        QVERIFY(result.summary().startsWith(u"Release check FAILED: "_s));

        const ReleaseCheckResult missing =
            ReleaseCheck::checkPdf(path(u"missing.pdf"_s), {name}, {});
        QVERIFY(!missing.passed());
        QVERIFY(missing.error.contains(u"missing.pdf"_s));
    }

    void summaryNeverShowsAWithheldString()
    {
        const QString pdf = path(u"leak.pdf"_s);
        paintPdf(pdf, {lines({u"Manager: Priya Shah"_s, u"Deputy: Siân Llŷr"_s})});
        const ReleaseCheckResult failed = ReleaseCheck::checkPdf(pdf, {name, welshName}, {});
        QCOMPARE(failed.findings.size(), 2);
        const QString summary = failed.summary();
        QCOMPARE(summary,
                 u"Release check FAILED: \"P… (10 characters)\" found in page 1 text. 1 more "
                 "finding."_s);
        QVERIFY(!summary.contains(u"Shah"_s));
        QVERIFY(!summary.contains(u"Llŷr"_s));

        const QString clean = path(u"clean.pdf"_s);
        paintPdf(clean, {lines({u"Manager: [withheld: s40(2)]"_s}), lines({u"End"_s})});
        const ReleaseCheckResult passed = ReleaseCheck::checkPdf(clean, {name, welshName}, {});
        QVERIFY(passed.passed());
        QCOMPARE(passed.summary(),
                 u"Release check passed: 2 withheld strings, none found in 2 pages."_s);

        // One of each reads as one, not "1 page(s)".
        const QString single = path(u"single.pdf"_s);
        paintPdf(single, {lines({u"Manager: [withheld: s40(2)]"_s})});
        QCOMPARE(ReleaseCheck::checkPdf(single, {name}, {}).summary(),
                 u"Release check passed: 1 withheld string, none found in 1 page."_s);
        // A one-character string is named as one character.
        QCOMPARE(ReleaseCheckResult::masked(u"J"_s), u"\"J… (1 character)\""_s);
        QCOMPARE(ReleaseCheckResult::masked(u"Jo"_s), u"\"J… (2 characters)\""_s);
    }

    void checksTextFiles()
    {
        const QString json = path(u"public.json"_s);
        QVERIFY(
            writeBytes(json, R"({"answer": "Call Si\u00e2n Ll\u0177r", "note": "Priya\nShah"})"));
        ReleaseCheckResult result = ReleaseCheck::checkTextFile(json, {welshName, name}, "fp");
        QVERIFY(result.findings.contains(LeakFinding{welshName, u"file text (JSON strings)"_s}));
        QVERIFY(result.findings.contains(LeakFinding{name, u"file text (JSON strings)"_s}));
        QCOMPARE(result.pagesRead, 0);

        QVERIFY(writeBytes(json, "{\"answer\": \"Call Si\xC3\xA2n Ll\xC5\xB7r\"}"));
        result = ReleaseCheck::checkTextFile(json, {welshName}, {});
        QVERIFY(result.findings.contains(LeakFinding{welshName, u"file bytes"_s}));

        QVERIFY(writeBytes(json, R"({"answer": "Call [withheld: s40(2)]"})"));
        result = ReleaseCheck::checkTextFile(json, {welshName, name}, {});
        QVERIFY(result.passed());
        QCOMPARE(result.summary(),
                 u"Release check passed: 2 withheld strings, none found in the file."_s);

        QVERIFY(!ReleaseCheck::checkTextFile(path(u"none.json"_s), {name}, {}).passed());
    }

    void fingerprintFollowsWhatTheLetterDiscloses()
    {
        const Request request = withholdingRequest();
        const QByteArray fingerprint = RequestFingerprint::of(request);
        QCOMPARE(fingerprint.size(), 64);

        Request stored = request;
        stored.id = 12;
        stored.revision = 7;
        stored.letterFinal = true;
        stored.status = RequestStatus::Sent;
        stored.questions[0].id = 99;
        QCOMPARE(RequestFingerprint::of(stored), fingerprint);

        Request edited = request;
        edited.questions[0].answer += u"."_s;
        QVERIFY(RequestFingerprint::of(edited) != fingerprint);

        // Which occurrence of a repeated name is withheld changes the letter, though the
        // exchange format writes both versions the same way.
        Request twice;
        twice.reference = u"FP-2"_s;
        Question question;
        question.text = u"Who approved it?"_s;
        question.answer = u"Ann Lee, then Ann Lee again"_s;
        question.disposition = Disposition::PartWithheld;
        question.redactions = {Redaction{0, 7, u"s40(2)"_s}};
        twice.questions = {question};
        Request second = twice;
        second.questions[0].redactions = {Redaction{14, 7, u"s40(2)"_s}};
        QVERIFY(RequestFingerprint::of(twice)
                != RequestFingerprint::of(second));
    }

    void mayRelease_data()
    {
        QTest::addColumn<bool>("withholds");
        QTest::addColumn<int>("check"); // 0 none, 1 passed now, 2 passed before a change, 3 failed
        QTest::addColumn<bool>("allowed");
        QTest::addColumn<QString>("reasonPart");

        QTest::newRow("withholds nothing") << false << 0 << true << QString();
        QTest::newRow("never checked") << true << 0 << false << u"has not been checked"_s;
        QTest::newRow("checked and passed") << true << 1 << true << QString();
        QTest::newRow("changed since") << true << 2 << false << u"has changed since"_s;
        QTest::newRow("check failed") << true << 3 << false << u"failed"_s;
    }

    void mayRelease()
    {
        QFETCH(bool, withholds);
        QFETCH(int, check);
        QFETCH(bool, allowed);
        QFETCH(QString, reasonPart);

        Request request = withholdingRequest();
        if (!withholds) {
            request.questions[0].redactions.clear();
            request.questions[0].disposition = Disposition::Answered;
        }
        std::optional<ReleaseCheckResult> last;
        if (check > 0) {
            ReleaseCheckResult result;
            result.checkedAt = QDateTime::currentDateTimeUtc();
            result.withheldCount = 1;
            result.pagesRead = 1;
            result.fingerprint = RequestFingerprint::of(request);
            if (check == 2)
                request.questions[0].answer += u" (acting)"_s;
            if (check == 3)
                result.findings.append(LeakFinding{name, u"page 1 text"_s});
            last = result;
        }
        QString reason = u"stale"_s;
        QCOMPARE(ReleaseGate::mayRelease(request, last, &reason), allowed);
        if (allowed) {
            QVERIFY(reason.isEmpty() || reason == u"stale"_s);
        } else {
            QVERIFY2(reason.contains(reasonPart), qPrintable(reason));
            QVERIFY(reason.contains(request.reference));
            QVERIFY(!reason.contains(u"Priya"_s));
        }
        QCOMPARE(ReleaseGate::mayRelease(request, last), allowed);
    }

    void exportCheckedPdfDeletesALeakingLetter()
    {
        const QString pdf = path(u"out.pdf"_s);
        QVERIFY(writeBytes(pdf, "an older export"));
        const LetterDocument letter = letterWith(u"The manager is Siân Llŷr."_s);
        ReleaseCheckResult result;
        const Result<void> status = PdfExporter::exportChecked(letter, pdf, ExportOptions{}, "fp", &result);
        QVERIFY(!status);
        QCOMPARE(status.errorKind(), ErrorKind::Refused);
        QCOMPARE(status.errorMessage(),
                 u"RC-1: withheld string 2 found in page 1 text; the file was deleted."_s);
        QVERIFY(!status.errorMessage().contains(u"Siân"_s));
        QVERIFY(!result.passed());
        QCOMPARE(result.file, pdf);
        QCOMPARE(result.fingerprint, QByteArray("fp"));
        // The leaking letter never took the older file's place, and nothing is left behind.
        QCOMPARE(readBytes(pdf), QByteArray("an older export"));
        QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files | QDir::Hidden),
                 QStringList{u"out.pdf"_s});
    }

    void exportCheckedPdfWritesACleanLetter()
    {
        const QString pdf = path(u"out.pdf"_s);
        QVERIFY(writeBytes(pdf, "an older export"));
        const LetterDocument letter = letterWith(u"The manager is [withheld: s40(2)]."_s);
        ReleaseCheckResult result;
        QVERIFY(PdfExporter::exportChecked(letter, pdf, ExportOptions{}, "fp", &result));
        QVERIFY(result.passed());
        QCOMPARE(result.withheldCount, 2);
        QCOMPARE(result.pagesRead, 1);
        QCOMPARE(result.file, pdf);
        QCOMPARE(result.fileSha256,
                 QCryptographicHash::hash(readBytes(pdf), QCryptographicHash::Sha256).toHex());
        QVERIFY(readBytes(pdf).startsWith("%PDF-"));
        QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files | QDir::Hidden),
                 QStringList{u"out.pdf"_s});
    }

    void exportCheckedPdfWithNothingWithheld()
    {
        const QString pdf = path(u"plain.pdf"_s);
        LetterDocument letter = letterWith(u"Priya Shah manages it."_s);
        letter.withheldStrings.clear();
        ReleaseCheckResult result;
        QVERIFY(PdfExporter::exportChecked(letter, pdf, ExportOptions{}, "fp", &result));
        QVERIFY(QFile::exists(pdf));
        QVERIFY(result.passed());
        QCOMPARE(result.withheldCount, 0);
        QCOMPARE(result.pagesRead, 0);
        QCOMPARE(result.summary(),
                 u"Release check: nothing is withheld, so there was nothing to look for."_s);
    }

    void exportCheckedPdfRefusesTheSupervisorView()
    {
        const QString pdf = path(u"reveal.pdf"_s);
        LetterDocument letter = letterWith(u"The manager is Priya Shah."_s);
        letter.revealsWithheld = true;
        const Result<void> status = PdfExporter::exportChecked(letter, pdf, ExportOptions{}, "fp");
        QCOMPARE(status.errorKind(), ErrorKind::Refused);
        QVERIFY(!QFile::exists(pdf));
        QVERIFY(QDir(m_dir->path()).entryList(QDir::Files | QDir::Hidden).isEmpty());
    }

    // The public copy goes through the same checked write as the letter: a public JSON that
    // would leak (here the title names the person withheld in the answer) is refused, the file
    // already at the destination is untouched, and nothing is left beside it.
    void leakingPublicJsonNeverTakesItsName()
    {
        const QString json = path(u"public.json"_s);
        QVERIFY(writeBytes(json, "an older export"));
        Request request = withholdingRequest();
        request.title = u"Complaint about Priya Shah"_s;
        ReleaseCheckResult result;
        const Result<void> status = PublicRequestJson::writeFile(request, json, &result);
        QCOMPARE(status.errorKind(), ErrorKind::Refused);
        QVERIFY2(status.errorMessage().startsWith(u"RC-2: withheld string 1 found in "_s),
                 qPrintable(status.errorMessage()));
        QVERIFY(status.errorMessage().endsWith(u"; the file was deleted."_s));
        QVERIFY(!status.errorMessage().contains(u"Priya"_s));
        QVERIFY(!result.passed());
        QCOMPARE(result.file, json);
        QCOMPARE(readBytes(json), QByteArray("an older export"));
        QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files | QDir::Hidden),
                 QStringList{u"public.json"_s});

        // The same request without the name in its title is written, and clean.
        request.title = u"Contact centre"_s;
        QVERIFY(PublicRequestJson::writeFile(request, json, &result));
        QVERIFY(result.passed());
        QVERIFY(!readBytes(json).contains("Priya"));
        QVERIFY(readBytes(json).contains("[withheld: s40(2)]"));
    }

    // While a file is being checked it exists only under its hidden name: the destination does
    // not hold it yet, so no one can open or send it before the check has passed.
    void checkedWriteChecksBeforeTheFileHasItsName()
    {
        const QString target = path(u"letter.txt"_s);
        QString checkedFile;
        bool targetExistedDuringCheck = true;
        CheckedWrite::Job job;
        job.path = target;
        job.reference = u"RC-3"_s;
        job.what = u"the file"_s;
        job.withheld = {u"Priya Shah"_s};
        job.write = [](const QString &file) -> Result<void> {
            return writeBytes(file, "Managed by [withheld: s40(2)].")
                       ? Result<void>()
                       : Error(ErrorKind::Io, u"not written"_s);
        };
        job.check = [&](const QString &file, const QStringList &withheld, const QByteArray &fp) {
            checkedFile = file;
            targetExistedDuringCheck = QFile::exists(target);
            return ReleaseCheck::checkTextFile(file, withheld, fp);
        };
        QVERIFY(CheckedWrite::run(job));
        QVERIFY(!targetExistedDuringCheck);
        QVERIFY(checkedFile != target);
        QVERIFY(QFileInfo(checkedFile).fileName().startsWith(u".letter.txt."_s));
        QCOMPARE(QFileInfo(checkedFile).absolutePath(), QFileInfo(target).absolutePath());
        QCOMPARE(readBytes(target), QByteArray("Managed by [withheld: s40(2)]."));
        QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files | QDir::Hidden),
                 QStringList{u"letter.txt"_s});
    }
};

QTEST_MAIN(TestReleaseCheck)
#include "tst_releasecheck.moc"

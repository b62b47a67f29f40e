#include "exchange/RequestJson.h"
#include "letter/LetterComposer.h"
#include "letter/LetterRenderer.h"
#include "letter/PdfExporter.h"
#include "redaction/RedactionSpans.h"
#include "support/RequestBuilder.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QPdfWriter>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTimeZone>
#include <algorithm>
#include <cmath>

using namespace foidesk;
using namespace Qt::StringLiterals;

namespace {

const QString testData = QStringLiteral(FOIDESK_TEST_DATA_DIR);

OrganisationProfile loadProfile(const char *name)
{
    Result<OrganisationProfile> profile =
        OrganisationProfile::readFile(testData + u"/profiles/"_s + QLatin1String(name));
    if (!profile)
        qFatal("%s", qPrintable(profile.errorMessage()));
    return profile.value();
}

// pdftotext output compared with what was typed: ligatures and compatibility forms folded,
// and every run of white space (line breaks, columns) one space.
QString normalised(const QString &text)
{
    QString out = text.normalized(QString::NormalizationForm_KC);
    static const QRegularExpression space(QStringLiteral("\\s+"));
    out.replace(space, QStringLiteral(" "));
    return out.trimmed();
}

Request baseRequest(const QString &reference)
{
    Request request;
    request.reference = reference;
    request.title = u"Parks maintenance"_s;
    request.received = QDate(2024, 5, 7);
    request.letterDate = QDate(2024, 6, 3);
    request.requester.name = u"Rhian Evans"_s;
    request.held = Held::All;
    return request;
}

} // namespace

// Exports letters to PDF and reads them back with the tools a recipient's software would use:
// the text must be there, in order, selectable, in embedded fonts, with the metadata set.
class TestPdfExport : public QObject
{
    Q_OBJECT

private:
    QString m_outDir;
    QTemporaryDir m_tmp;

    QString run(const QString &program, const QStringList &arguments, int *exitCode = nullptr)
    {
        QProcess process;
        process.start(program, arguments);
        if (!process.waitForFinished(60000)) {
            qWarning("%s did not finish", qPrintable(program));
            return {};
        }
        if (exitCode)
            *exitCode = process.exitCode();
        else if (process.exitCode() != 0)
            qWarning(
                "%s failed: %s", qPrintable(program), process.readAllStandardError().constData());
        return QString::fromUtf8(process.readAllStandardOutput());
    }

    QString pdfText(const QString &pdf, int page = 0)
    {
        QStringList arguments;
        if (page > 0)
            arguments << u"-f"_s << QString::number(page) << u"-l"_s << QString::number(page);
        arguments << u"-enc"_s << u"UTF-8"_s << pdf << u"-"_s;
        return run(u"pdftotext"_s, arguments);
    }

    QHash<QString, QString> pdfInfo(const QString &pdf)
    {
        QHash<QString, QString> info;
        const QString out = run(u"pdfinfo"_s, {u"-enc"_s, u"UTF-8"_s, pdf});
        for (const QString &line : out.split(u'\n')) {
            const qsizetype colon = line.indexOf(u':');
            if (colon > 0)
                info.insert(line.left(colon), line.mid(colon + 1).trimmed());
        }
        return info;
    }

    // Fonts listed by pdffonts whose "emb" column is not "yes".
    QStringList fontsNotEmbedded(const QString &pdf, int *fontCount)
    {
        const QStringList lines = run(u"pdffonts"_s, {pdf}).split(u'\n', Qt::SkipEmptyParts);
        QStringList bad;
        *fontCount = 0;
        if (lines.size() < 2)
            return {u"pdffonts printed no table"_s};
        const qsizetype emb = lines.first().indexOf(u"emb"_s);
        for (qsizetype i = 2; i < lines.size(); ++i) {
            ++*fontCount;
            if (lines.at(i).mid(emb, 3) != u"yes"_s)
                bad.append(lines.at(i));
        }
        return bad;
    }

    // The text of the PDF without the page footers, which can fall inside a paragraph that
    // runs on to the next page.
    QString bodyText(const QString &pdf, const QString &reference)
    {
        QString text = normalised(pdfText(pdf));
        const QRegularExpression footer(u"Our ref: "_s + QRegularExpression::escape(reference)
                                        + u" (DRAFT )?Page \\d+ of \\d+ ?"_s);
        text.remove(footer);
        return text;
    }

    // Empty when every snippet appears in text in the given order, otherwise the first that
    // does not (after the ones before it).
    static QString firstOutOfOrder(const QString &text, const QStringList &snippets)
    {
        qsizetype from = 0;
        for (const QString &snippet : snippets) {
            const QString wanted = normalised(snippet);
            if (wanted.isEmpty())
                continue;
            const qsizetype at = text.indexOf(wanted, from);
            if (at < 0)
                return wanted;
            from = at + wanted.size();
        }
        return {};
    }

    void checkPdfIsSound(const QString &pdf)
    {
        int exitCode = -1;
        const QString check = run(u"qpdf"_s, {u"--check"_s, pdf}, &exitCode);
        QVERIFY2(exitCode == 0, qPrintable(check));
        int fonts = 0;
        const QStringList bad = fontsNotEmbedded(pdf, &fonts);
        QVERIFY2(bad.isEmpty(), qPrintable(bad.join(u'\n')));
        QVERIFY(fonts >= 1);
    }

    void savePreview(const QString &pdf, const QString &name)
    {
        const QString prefix = QDir(m_outDir).filePath(name);
        QFile::remove(QDir(m_outDir).filePath(name + u".pdf"_s));
        QFile::copy(pdf, QDir(m_outDir).filePath(name + u".pdf"_s));
        run(u"pdftoppm"_s,
            {u"-png"_s,
             u"-r"_s,
             u"60"_s,
             u"-f"_s,
             u"1"_s,
             u"-l"_s,
             u"1"_s,
             u"-singlefile"_s,
             pdf,
             prefix + u"-page1"_s});
    }

    QString exportLetter(const LetterDocument &letter, const QString &name, bool draft)
    {
        const QString path = m_tmp.filePath(name + u".pdf"_s);
        ExportOptions options;
        options.draft = draft;
        options.created = QDateTime(QDate(2024, 6, 3), QTime(9, 30), QTimeZone::utc());
        const Result<void> status = PdfExporter::exportPdf(letter, path, options);
        if (!status) {
            qWarning("%s", qPrintable(status.errorMessage()));
            return {};
        }
        return path;
    }

private Q_SLOTS:
    void initTestCase()
    {
        for (const char *tool : {"pdftotext", "pdfinfo", "pdffonts", "pdftoppm", "qpdf"}) {
            if (QStandardPaths::findExecutable(QLatin1String(tool)).isEmpty()) {
                QFAIL(
                    qPrintable(u"%1 is not installed. Run scripts/install-deps.sh, which "
                               "installs poppler-utils, qpdf and the fonts the letters use."_s.arg(
                                   QLatin1String(tool))));
            }
        }
        QVERIFY(m_tmp.isValid());
        m_outDir = QDir(QCoreApplication::applicationDirPath()).filePath(u"letters-out"_s);
        QVERIFY(QDir().mkpath(m_outDir));
    }

    void referenceLetters_data()
    {
        QTest::addColumn<QString>("reference");
        for (const char *reference : {"6370952", "6565528", "6299088", "7014168", "7012568"})
            QTest::newRow(reference) << QString::fromLatin1(reference);
    }

    void referenceLetters()
    {
        QFETCH(QString, reference);
        const Result<Request> loaded =
            RequestJson::readFile(testData + u"/letters/"_s + reference + u".json"_s);
        QVERIFY2(loaded.ok(), qPrintable(loaded.errorMessage()));
        const Request &request = loaded.value();
        const OrganisationProfile profile = loadProfile("london-borough-of-barnet.json");
        const Result<LetterDocument> letter = LetterComposer(profile).composeFinal(request);
        QVERIFY2(letter.ok(), qPrintable(letter.errorMessage()));

        const QString pdf = exportLetter(letter.value(), reference, false);
        QVERIFY(!pdf.isEmpty());
        savePreview(pdf, reference);
        checkPdfIsSound(pdf);

        const QHash<QString, QString> info = pdfInfo(pdf);
        QCOMPARE(info.value(u"Title"_s), u"Response to FOIA request "_s + reference);
        QCOMPARE(info.value(u"Author"_s), u"London Borough of Barnet"_s);
        QCOMPARE(info.value(u"Subject"_s), request.title);
        QCOMPARE(info.value(u"Creator"_s), u"FOI Desk"_s);
        QVERIFY2(info.value(u"Page size"_s).contains(u"(A4)"_s),
                 qPrintable(info.value(u"Page size"_s)));
        const int pages = info.value(u"Pages"_s).toInt();
        QVERIFY(pages >= 1);

        const QString all = normalised(pdfText(pdf));
        QVERIFY2(all.contains(u"Page 1 of %1"_s.arg(pages)), qPrintable(all.right(200)));
        QVERIFY(all.contains(u"Page %1 of %1"_s.arg(pages)));
        QVERIFY(!all.contains(u"DRAFT"_s));

        QStringList expected = {u"4 March 2021"_s};
        const auto letterDate = profile.formatDate(request.letterDate);
        expected = {letterDate,
                    u"Our ref: "_s + reference,
                    u"Thank you for your request received on "_s
                        + profile.formatDate(request.received)};
        // The request as the letter quotes it: a condition shared by consecutive follow-ups
        // once above them, a question's own condition in its text.
        QString askedCondition;
        const LetterBlock asked = letter->blocksOf(LetterBlock::Kind::RequestAsAsked).first();
        for (const LetterQuestion &q : asked.questions) {
            if (q.condition != askedCondition)
                expected << q.condition;
            askedCondition = q.condition;
            expected << q.label << q.text << q.choices;
        }
        expected << u"We have processed this request under the Freedom of Information Act 2000."_s
                 << u"Response"_s
                 << u"I can confirm that London Borough of Barnet holds the information you "
                    "requested."_s;
        if (request.withholdsAnything())
            expected << profile.templateText(u"some_withheld"_s);
        if (request.combinedResponse.isEmpty()) {
            // The answers as the letter gives them: a question withheld in full reads as the
            // council's withheld wording, never as what was typed.
            const QList<LetterBlock> answers =
                letter->blocksOf(LetterBlock::Kind::QuestionAndAnswer);
            QCOMPARE(answers.size(), request.questions.size());
            QString previousCondition;
            for (qsizetype i = 0; i < request.questions.size(); ++i) {
                const LetterQuestion &q = answers.at(i).questions.first();
                if (q.condition != previousCondition)
                    expected << q.condition;
                previousCondition = q.condition;
                expected << q.label << q.text << q.answer.split(u"\n\n"_s);
            }
        } else {
            expected << request.combinedResponse;
        }
        // Refusal notices after the answers, then the standing paragraphs, in letter order.
        const QStringList keys = {
            u"refusal"_s, u"further_information"_s, u"reuse"_s, u"your_rights.uk"_s};
        for (const LetterBlock &block : letter->blocks) {
            if (keys.contains(block.templateKey))
                expected << block.heading << block.paragraphs;
        }
        for (const QString &withheld : letter->withheldStrings)
            QVERIFY2(!all.contains(normalised(withheld), Qt::CaseInsensitive),
                     qPrintable(withheld));

        const QString body = bodyText(pdf, reference);
        const QString missing = firstOutOfOrder(body, expected);
        QVERIFY2(missing.isEmpty(), qPrintable(u"not found in order: \""_s + missing + u'"'));
    }

    void draftIsMarkedAndFinalIsNot()
    {
        Request request = baseRequest(u"PK-101"_s);
        request.questions = {test::makeQuestion({},
                                      u"1."_s,
                                      u"How often are the parks mown?"_s,
                                      u"Every two weeks from April to October."_s)};
        const LetterDocument letter =
            LetterComposer(loadProfile("test-authority.json")).compose(request);
        QVERIFY(letter.problems.isEmpty());

        const QString draft = exportLetter(letter, u"draft"_s, true);
        const QString final = exportLetter(letter, u"final"_s, false);
        QVERIFY(!draft.isEmpty() && !final.isEmpty());
        savePreview(draft, u"draft-PK-101"_s);
        checkPdfIsSound(draft);
        const int pages = pdfInfo(draft).value(u"Pages"_s).toInt();
        QVERIFY(pages >= 1);
        for (int page = 1; page <= pages; ++page)
            QVERIFY2(pdfText(draft, page).contains(u"DRAFT"_s), qPrintable(QString::number(page)));
        QVERIFY(!pdfText(final).contains(u"DRAFT"_s));

        // The diagonal mark itself: light grey across the middle of the page, only in the draft.
        auto lightGreyPixels = [&](const QString &pdf) {
            const QString png = pdf + u"-mark"_s;
            run(u"pdftoppm"_s,
                {u"-gray"_s,
                 u"-png"_s,
                 u"-r"_s,
                 u"30"_s,
                 u"-f"_s,
                 u"1"_s,
                 u"-l"_s,
                 u"1"_s,
                 u"-singlefile"_s,
                 pdf,
                 png});
            const QImage image(png + u".png"_s);
            int count = 0;
            for (int y = image.height() / 3; y < image.height() * 2 / 3; ++y) {
                for (int x = 0; x < image.width(); ++x) {
                    const int grey = qGray(image.pixel(x, y));
                    if (grey >= 215 && grey <= 235)
                        ++count;
                }
            }
            return count;
        };
        const int draftGrey = lightGreyPixels(draft);
        const int finalGrey = lightGreyPixels(final);
        QVERIFY2(
            draftGrey > finalGrey + 300,
            qPrintable(u"%1 light grey pixels in the draft, %2 in the final"_s.arg(draftGrey).arg(
                finalGrey)));
        QCOMPARE(pdfInfo(final).value(u"Author"_s), u"Northmoor District Council"_s);
    }

    void unicodeSurvives()
    {
        const QString typed =
            u"Ffordd Glyndŵr a Stryd y Bŷd: café – naïve — ‘quoted’ “twice” £250 €30"_s;
        Request request = baseRequest(u"CY-ŵ-7"_s);
        request.questions = {test::makeQuestion({}, u"1."_s, u"Which streets are in the scheme?"_s, typed)};
        const LetterDocument letter =
            LetterComposer(loadProfile("test-authority.json")).compose(request);
        const QString pdf = exportLetter(letter, u"unicode"_s, false);
        QVERIFY(!pdf.isEmpty());
        savePreview(pdf, u"unicode"_s);
        checkPdfIsSound(pdf);
        const QString text = normalised(pdfText(pdf));
        QVERIFY2(text.contains(normalised(typed)), qPrintable(text));
        QVERIFY(text.contains(u"ŵ ŷ"_s) || text.contains(u"Glyndŵr"_s));
        QCOMPARE(pdfInfo(pdf).value(u"Title"_s), u"Response to FOIA request CY-ŵ-7"_s);
    }

    void questionsStayWithTheirAnswers()
    {
        Request request = baseRequest(u"PB-300"_s);
        const QString filler = u"The contract sets out response times for each kind of fault, "
                               "and the figures are reported to the committee every quarter. "_s;
        for (int i = 1; i <= 36; ++i) {
            const QString section = u"Topic %1 heading"_s.arg((i - 1) / 4 + 1);
            QString answer = u"Answer%1start "_s.arg(i) + filler.repeated(1 + (i * 7) % 5);
            request.questions.append(test::makeQuestion(section,
                                              u"%1."_s.arg(i),
                                              u"Question%1text asks about the service."_s.arg(i),
                                              answer));
        }
        const LetterDocument letter =
            LetterComposer(loadProfile("test-authority.json")).compose(request);
        const QString pdf = exportLetter(letter, u"breaks"_s, false);
        QVERIFY(!pdf.isEmpty());
        savePreview(pdf, u"page-breaks"_s);
        checkPdfIsSound(pdf);
        const int pages = pdfInfo(pdf).value(u"Pages"_s).toInt();
        QVERIFY(pages >= 4);

        // The answer section repeats each question; its start must be on the same page as the
        // question there. The request as asked comes first, so count the second occurrence.
        QList<QString> pageTexts;
        for (int page = 1; page <= pages; ++page)
            pageTexts.append(normalised(pdfText(pdf, page)));
        auto pageOf = [&](const QString &needle, int occurrence) {
            int seen = 0;
            for (int page = 0; page < pages; ++page) {
                seen += int(pageTexts.at(page).count(needle));
                if (seen >= occurrence)
                    return page + 1;
            }
            return 0;
        };
        for (int i = 1; i <= 36; ++i) {
            const int questionPage = pageOf(u"Question%1text"_s.arg(i), 2);
            const int answerPage = pageOf(u"Answer%1start"_s.arg(i), 1);
            QVERIFY(questionPage > 0);
            QCOMPARE(answerPage, questionPage);
        }
        for (int topic = 1; topic <= 9; ++topic) {
            const int first = (topic - 1) * 4 + 1;
            QCOMPARE(pageOf(u"Topic %1 heading"_s.arg(topic), 2),
                     pageOf(u"Question%1text"_s.arg(first), 2));
            QCOMPARE(pageOf(u"Topic %1 heading"_s.arg(topic), 1),
                     pageOf(u"Question%1text"_s.arg(first), 1));
        }
        const QString last = pageTexts.constLast();
        QVERIFY(last.contains(u"Page %1 of %1"_s.arg(pages)));
    }

    void longAnswersAndChoiceListsFlowAcrossPages()
    {
        Request request = baseRequest(u"LF-9"_s);
        QStringList choices;
        for (int i = 1; i <= 70; ++i)
            choices.append(u"Choice number %1 of the survey"_s.arg(i));
        QString longAnswer;
        for (int i = 1; i <= 240; ++i)
            longAnswer += u"Sentence %1 of a long answer that runs on. "_s.arg(i);
        request.questions = {
            test::makeQuestion({},
                     u"1."_s,
                     u"Which of these apply?"_s,
                     u"Choice number 12 of the survey"_s,
                     {},
                     choices),
            test::makeQuestion({}, u"2."_s, u"Describe the history of the service."_s, longAnswer),
        };
        const LetterDocument letter =
            LetterComposer(loadProfile("test-authority.json")).compose(request);
        const QString pdf = exportLetter(letter, u"flow"_s, false);
        QVERIFY(!pdf.isEmpty());
        checkPdfIsSound(pdf);
        const int pages = pdfInfo(pdf).value(u"Pages"_s).toInt();
        QVERIFY(pages >= 3);
        const QString page1 = normalised(pdfText(pdf, 1));
        QVERIFY(page1.contains(u"Choice number 1 of the survey"_s));
        QVERIFY(!page1.contains(u"Choice number 70 of the survey"_s));
        const QString text = bodyText(pdf, u"LF-9"_s);
        QVERIFY(text.contains(u"Choice number 70 of the survey"_s));
        QVERIFY(text.contains(u"Sentence 1 of a long answer"_s));
        QVERIFY(text.contains(u"Sentence 240 of a long answer"_s));
        int firstPage = 0;
        int lastPage = 0;
        for (int page = 1; page <= pages; ++page) {
            const QString pageText = normalised(pdfText(pdf, page));
            if (pageText.contains(u"Sentence 1 of a long"_s))
                firstPage = page;
            if (pageText.contains(u"Sentence 240 of a long"_s))
                lastPage = page;
        }
        QVERIFY(firstPage > 0);
        QVERIFY2(lastPage > firstPage, "the long answer should run across a page break");

        // Each line is in the PDF's text exactly once, including those at the page breaks: a
        // line drawn (clipped) at the foot of one page and again at the top of the next would be
        // copied twice, read twice by a screen reader, and counted twice by the release check.
        for (int i = 1; i <= 240; ++i) {
            const QString sentence = u"Sentence %1 of a long answer that runs on."_s.arg(i);
            QVERIFY2(text.count(sentence) == 1,
                     qPrintable(sentence + u" found "_s + QString::number(text.count(sentence))));
        }
        for (int i = 1; i <= 70; ++i) {
            const QString choice = u"Choice number %1 of the survey"_s.arg(i);
            // Choice 12 is also the answer: the count sees both, so it would see a repeat.
            QCOMPARE(text.count(choice), i == 12 ? 2 : 1);
        }
    }

    void logoIsDrawn()
    {
        OrganisationProfile profile = loadProfile("test-authority.json");
        QImage logo(300, 90, QImage::Format_ARGB32);
        logo.fill(Qt::transparent);
        {
            QPainter painter(&logo);
            painter.fillRect(0, 0, 90, 90, QColor(0x1f, 0x3a, 0x5f));
            painter.fillRect(110, 30, 190, 30, QColor(0x6a, 0x9f, 0x3a));
        }
        QBuffer buffer(&profile.logoData);
        buffer.open(QIODevice::WriteOnly);
        QVERIFY(logo.save(&buffer, "PNG"));
        profile.logoType = u"png"_s;
        QVERIFY(profile.validate().ok());

        Request request = baseRequest(u"LG-1"_s);
        request.questions = {test::makeQuestion({}, {}, u"Who maintains the parks?"_s, u"Our own staff."_s)};
        const LetterDocument letter = LetterComposer(profile).compose(request);
        QVERIFY(!letter.logo.isNull());
        const QString pdf = exportLetter(letter, u"logo"_s, false);
        QVERIFY(!pdf.isEmpty());
        savePreview(pdf, u"logo"_s);
        checkPdfIsSound(pdf);
        const QString images = run(u"pdfimages"_s, {u"-list"_s, pdf});
        QVERIFY2(images.split(u'\n', Qt::SkipEmptyParts).size() >= 3, qPrintable(images));
        QVERIFY(normalised(pdfText(pdf)).contains(u"Northmoor District Council"_s));
    }

    void finalWithGapsIsRefusedAndNothingIsWritten()
    {
        Request request = baseRequest(u"GP-2"_s);
        request.received = QDate();
        request.questions = {test::makeQuestion({}, {}, u"Who cuts the grass?"_s, u"A contractor."_s)};
        const LetterDocument letter =
            LetterComposer(loadProfile("test-authority.json")).compose(request);
        QVERIFY(letter.hasProblems());

        const QString path = m_tmp.filePath(u"existing.pdf"_s);
        QFile existing(path);
        QVERIFY(existing.open(QIODevice::WriteOnly));
        existing.write("previous export");
        existing.close();

        ExportOptions final;
        final.draft = false;
        const Result<void> refused = PdfExporter::exportPdf(letter, path, final);
        QCOMPARE(refused.errorKind(), ErrorKind::Refused);
        QVERIFY(refused.errorMessage().contains(u"date the request was received"_s));
        QVERIFY(existing.open(QIODevice::ReadOnly));
        QCOMPARE(existing.readAll(), QByteArray("previous export"));
        existing.close();

        // A draft of the same letter is allowed and shows the gap in brackets.
        const QString draft = exportLetter(letter, u"gap-draft"_s, true);
        QVERIFY(!draft.isEmpty());
        QVERIFY(normalised(pdfText(draft)).contains(u"[date the request was received]"_s));
    }

    void unwritableFolderIsReported()
    {
        Request request = baseRequest(u"IO-1"_s);
        request.questions = {test::makeQuestion({}, {}, u"Who cuts the grass?"_s, u"A contractor."_s)};
        const LetterDocument letter =
            LetterComposer(loadProfile("test-authority.json")).compose(request);
        const QString path = m_tmp.filePath(u"no/such/folder/letter.pdf"_s);
        const Result<void> status = PdfExporter::exportPdf(letter, path, {});
        QCOMPARE(status.errorKind(), ErrorKind::Io);
        QVERIFY(status.errorMessage().contains(u"letter.pdf"_s));
        QVERIFY(!QFile::exists(path));
    }

    void defaultWordingLetterForLooking()
    {
        // The letter a new authority gets from the shipped wording once its details are in.
        OrganisationProfile profile = OrganisationProfile::defaults().value();
        const OrganisationProfile filled = loadProfile("test-authority.json");
        profile.name = filled.name;
        profile.address = filled.address;
        profile.email = filled.email;
        profile.phone = filled.phone;
        profile.publishedDataLink = filled.publishedDataLink;
        const Result<Request> request =
            RequestJson::readFile(testData + u"/letters/6370952.json"_s);
        QVERIFY(request.ok());
        const LetterDocument letter = LetterComposer(profile).compose(request.value());
        QVERIFY2(letter.problems.isEmpty(), qPrintable(letter.problems.join(u'\n')));
        const QString pdf = exportLetter(letter, u"default-wording"_s, true);
        QVERIFY(!pdf.isEmpty());
        savePreview(pdf, u"default-wording-6370952"_s);
        checkPdfIsSound(pdf);
        const QString text = normalised(pdfText(pdf));
        QVERIFY(text.contains(u"Dear A. Requester,"_s));
        QVERIFY(text.contains(u"Wycliffe House, Water Lane, Wilmslow, Cheshire SK9 5AF"_s));
    }

    void referenceRefusalNotices_data()
    {
        QTest::addColumn<QString>("reference");
        QTest::addColumn<QString>("questions");
        QTest::addColumn<QString>("lastAnswer");
        QTest::newRow("6370952") << u"6370952"_s << u"questions 3, 4, 7 and 10"_s
                                 << u"withhold it."_s;
        QTest::newRow("7012568") << u"7012568"_s << u"question 4"_s << u"withhold it."_s;
    }

    void referenceRefusalNotices()
    {
        QFETCH(QString, reference);
        QFETCH(QString, questions);
        QFETCH(QString, lastAnswer);
        const Result<Request> request =
            RequestJson::readFile(testData + u"/letters/"_s + reference + u".json"_s);
        QVERIFY2(request.ok(), qPrintable(request.errorMessage()));
        QCOMPARE(request->exemptionsUsed(), QStringList{u"s40(2)"_s});
        const OrganisationProfile profile = loadProfile("london-borough-of-barnet.json");
        const Result<LetterDocument> letter = LetterComposer(profile).composeFinal(request.value());
        QVERIFY2(letter.ok(), qPrintable(letter.errorMessage()));
        const QList<LetterBlock> notices = letter->blocksOf(LetterBlock::Kind::RefusalNotice);
        QCOMPARE(notices.size(), 1);
        QCOMPARE(notices.first().heading, u"Refusal Notice s40(2)"_s);
        QCOMPARE(notices.first().paragraphs.first(),
                 u"This notice applies to the information requested in %1."_s.arg(questions));

        const QString pdf = exportLetter(letter.value(), u"refusal-"_s + reference, false);
        QVERIFY(!pdf.isEmpty());
        savePreview(pdf, u"refusal-"_s + reference);
        const QString body = bodyText(pdf, reference);
        // Where the council put it: after the answers, before "Further information".
        const QString missing = firstOutOfOrder(
            body,
            {lastAnswer,
             u"Refusal Notice s40(2)"_s,
             u"This notice applies to the information requested in %1."_s.arg(questions),
             u"Part 1 of Schedule 19 of the Data Protection Act 2018 amends the personal data "
             "exemption"_s,
             u"All of the posts redacted are under the Assistant Director level."_s,
             u"Further information"_s,
             u"Your rights"_s});
        QVERIFY2(missing.isEmpty(), qPrintable(u"not found in order: \""_s + missing + u'"'));
        for (const QString &withheld : letter->withheldStrings)
            QVERIFY2(!body.contains(normalised(withheld), Qt::CaseInsensitive),
                     qPrintable(withheld));
    }

    void redactedTextNeverReachesThePdf()
    {
        const QString name = u"Siân O'Brien-Łukasz"_s;
        const QString email = u"s.obrien@northmoor.example.gov.uk"_s;
        Request request = baseRequest(u"RD-7"_s);
        request.questions = {
            test::makeQuestion({},
                     u"1."_s,
                     u"Who approved the mowing contract?"_s,
                     u"It was approved by "_s + name + u" (" + email + u") in March."_s),
            test::makeQuestion({}, u"2."_s, u"Who is the contract manager?"_s, name + u", Parks Officer"_s),
        };
        request.questions[0].disposition = Disposition::PartWithheld;
        request.questions[0].redactions =
            redaction::spansForText(request.questions[0].answer, name, u"s40(2)"_s)
            + redaction::spansForText(request.questions[0].answer, email, u"s40(2)"_s);
        request.questions[1].disposition = Disposition::PartWithheld;
        request.questions[1].redactions =
            redaction::spansForText(request.questions[1].answer, name, u"s40(2)"_s);
        const LetterDocument letter =
            LetterComposer(loadProfile("test-authority.json")).compose(request);
        QVERIFY2(letter.problems.isEmpty(), qPrintable(letter.problems.join(u'\n')));
        QVERIFY(letter.withheldStrings.contains(name));
        QVERIFY(letter.withheldStrings.contains(email));

        const QString pdf = exportLetter(letter, u"redacted"_s, false);
        QVERIFY(!pdf.isEmpty());
        savePreview(pdf, u"redacted-RD-7"_s);
        checkPdfIsSound(pdf);
        const QString text = normalised(pdfText(pdf));
        for (const QString &withheld : letter.withheldStrings)
            QVERIFY2(!text.contains(normalised(withheld), Qt::CaseInsensitive),
                     qPrintable(withheld));
        QVERIFY(!text.contains(u"O'Brien"_s, Qt::CaseInsensitive));
        QVERIFY(!text.contains(u"obrien"_s, Qt::CaseInsensitive));
        // Nothing can be selected under a bar: the extracted text runs straight from the words
        // before it to its label.
        QVERIFY2(text.contains(u"It was approved by [withheld: s40(2)] ( [withheld: s40(2)]) in "
                               "March."_s),
                 qPrintable(text));
        QVERIFY2(text.contains(u"[withheld: s40(2)], Parks Officer"_s), qPrintable(text));
        // Nor in the metadata.
        const QHash<QString, QString> info = pdfInfo(pdf);
        for (auto it = info.cbegin(); it != info.cend(); ++it)
            QVERIFY2(!it.value().contains(u"Brien"_s), qPrintable(it.key()));
    }

    void barsHaveOneWidth()
    {
        Request request = baseRequest(u"BW-1"_s);
        const QString shortName = u"Zoë Qi"_s;
        const QString longName =
            u"Alexandra Catherine Montgomery-Fairweather of the Parks and Open Spaces Service"_s;
        request.questions = {
            test::makeQuestion({}, u"1."_s, u"Who drives the mower?"_s, shortName + u" drives it."_s),
            test::makeQuestion({}, u"2."_s, u"Who signs the contract?"_s, longName + u" signs it."_s),
        };
        request.questions[0].redactions =
            redaction::spansForText(request.questions[0].answer, shortName, u"s40(2)"_s);
        request.questions[1].redactions =
            redaction::spansForText(request.questions[1].answer, longName, u"s40(2)"_s);
        for (Question &q : request.questions) {
            q.disposition = Disposition::PartWithheld;
            QCOMPARE(q.redactions.size(), 1);
        }
        QCOMPARE(request.questions[0].answer.left(request.questions[0].redactions[0].length),
                 shortName);
        QCOMPARE(request.questions[1].answer.left(request.questions[1].redactions[0].length),
                 longName);
        const LetterDocument letter =
            LetterComposer(loadProfile("test-authority.json")).compose(request);
        QVERIFY2(letter.problems.isEmpty(), qPrintable(letter.problems.join(u'\n')));
        const QString pdf = exportLetter(letter, u"bars"_s, false);
        QVERIFY(!pdf.isEmpty());
        savePreview(pdf, u"bars-BW-1"_s);

        // Rendered at 100 dpi, a 12 mm bar is 47 pixels wide. Each bar is found as a stack of
        // rows with one long run of near-black pixels; no glyph of the text makes such a run.
        const QString png = m_tmp.filePath(u"bars"_s);
        run(u"pdftoppm"_s,
            {u"-gray"_s,
             u"-png"_s,
             u"-r"_s,
             u"100"_s,
             u"-f"_s,
             u"1"_s,
             u"-l"_s,
             u"1"_s,
             u"-singlefile"_s,
             pdf,
             png});
        const QImage page(png + u".png"_s);
        QVERIFY(!page.isNull());
        struct Bar
        {
            int left;
            int width;
            int top;
            int height;
        };
        QList<Bar> bars;
        for (int y = 0; y < page.height(); ++y) {
            int x = 0;
            while (x < page.width()) {
                if (qGray(page.pixel(x, y)) >= 80) {
                    ++x;
                    continue;
                }
                const int start = x;
                while (x < page.width() && qGray(page.pixel(x, y)) < 80)
                    ++x;
                if (x - start < 30)
                    continue;
                auto same = std::find_if(bars.begin(), bars.end(), [&](const Bar &bar) {
                    return std::abs(bar.left - start) <= 1 && bar.top + bar.height >= y - 1;
                });
                if (same != bars.end())
                    same->height = y - same->top + 1;
                else
                    bars.append({start, x - start, y, 1});
            }
        }
        QCOMPARE(bars.size(), 2);
        const double expected = 12.0 / 25.4 * 100.0;
        for (const Bar &bar : bars) {
            QVERIFY2(std::abs(bar.width - expected) <= 2.0, qPrintable(QString::number(bar.width)));
            // As tall as the text: a bar, not a hairline and not a block.
            QVERIFY2(bar.height >= 8 && bar.height <= 20, qPrintable(QString::number(bar.height)));
        }
        QVERIFY(std::abs(bars.at(0).width - bars.at(1).width) <= 1);
        QVERIFY(std::abs(bars.at(0).height - bars.at(1).height) <= 1);
    }

    void revealedLetterIsNeverWritten()
    {
        Request request = baseRequest(u"RV-3"_s);
        request.questions = {
            test::makeQuestion({}, u"1."_s, u"Who cuts the grass?"_s, u"Jane Smith cuts it."_s)};
        request.questions[0].disposition = Disposition::PartWithheld;
        request.questions[0].redactions = {Redaction{0, 10, u"s40(2)"_s}};
        const LetterComposer composer(loadProfile("test-authority.json"));
        ComposeOptions supervisor;
        supervisor.revealWithheld = true;
        const LetterDocument letter = composer.compose(request, supervisor);
        QVERIFY(letter.revealsWithheld);

        for (bool draft : {true, false}) {
            const QString path = m_tmp.filePath(u"revealed-%1.pdf"_s.arg(draft));
            ExportOptions options;
            options.draft = draft;
            const Result<void> refused = PdfExporter::exportPdf(letter, path, options);
            QCOMPARE(refused.errorKind(), ErrorKind::Refused);
            QVERIFY2(refused.errorMessage().contains(u"withheld text"_s),
                     qPrintable(refused.errorMessage()));
            QVERIFY(!QFile::exists(path));
            QCOMPARE(PdfExporter::render(letter, options).errorKind(), ErrorKind::Refused);
        }

        // An existing file is left as it was.
        const QString existingPath = m_tmp.filePath(u"kept.pdf"_s);
        QFile existing(existingPath);
        QVERIFY(existing.open(QIODevice::WriteOnly));
        existing.write("earlier export");
        existing.close();
        QVERIFY(!PdfExporter::exportPdf(letter, existingPath, {}).ok());
        QVERIFY(existing.open(QIODevice::ReadOnly));
        QCOMPARE(existing.readAll(), QByteArray("earlier export"));
        existing.close();

        // Printing goes through the same painting, which refuses before drawing anything.
        QByteArray bytes;
        QBuffer buffer(&bytes);
        QVERIFY(buffer.open(QIODevice::WriteOnly));
        {
            QPdfWriter writer(&buffer);
            QCOMPARE(LetterRenderer(letter).paint(&writer, false).errorKind(), ErrorKind::Refused);
        }
    }

    void previewShowsBarsAndHighlights()
    {
        Request request = baseRequest(u"PV-1"_s);
        request.questions = {
            test::makeQuestion({}, u"1."_s, u"Who cuts the grass?"_s, u"Jane Smith cuts it."_s)};
        request.questions[0].disposition = Disposition::PartWithheld;
        request.questions[0].redactions = {Redaction{0, 10, u"s40(2)"_s}};
        const LetterComposer composer(loadProfile("test-authority.json"));

        // The letter as sent: an object (the bar) where the name was, and no name anywhere.
        std::unique_ptr<QTextDocument> sent =
            LetterRenderer(composer.compose(request)).createTextDocument();
        const QString sentText = sent->toPlainText();
        QVERIFY(!sentText.contains(u"Jane"_s));
        QVERIFY2(sentText.contains(QString(QChar::ObjectReplacementCharacter)
                                   + u" [withheld: s40(2)] cuts it."_s),
                 qPrintable(sentText));
        QVERIFY(!sentText.contains(QChar(LetterMarks::WithheldBar)));

        // The supervisor view: the name, highlighted, then its label; no bar.
        ComposeOptions supervisor;
        supervisor.revealWithheld = true;
        std::unique_ptr<QTextDocument> shown =
            LetterRenderer(composer.compose(request, supervisor)).createTextDocument();
        QVERIFY(shown->toPlainText().contains(u"Jane Smith [withheld: s40(2)] cuts it."_s));
        QVERIFY(!shown->toPlainText().contains(QChar::ObjectReplacementCharacter));
        bool highlighted = false;
        for (QTextBlock block = shown->begin(); block.isValid(); block = block.next()) {
            for (auto it = block.begin(); !it.atEnd(); ++it) {
                const QTextFragment fragment = it.fragment();
                if (fragment.text() == u"Jane Smith"_s) {
                    highlighted = fragment.charFormat().background().color() != Qt::transparent
                                  && fragment.charFormat().background().style() != Qt::NoBrush;
                }
                if (fragment.text().contains(u"cuts it"_s))
                    QCOMPARE(fragment.charFormat().background().style(), Qt::NoBrush);
            }
        }
        QVERIFY(highlighted);
    }
};

QTEST_MAIN(TestPdfExport)
#include "tst_pdfexport.moc"

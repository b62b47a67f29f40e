#include "cli/CommandLine.h"
#include "release/ReleaseCheck.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QPdfWriter>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace foidesk;
using namespace Qt::StringLiterals;

namespace {

const QString label = u"[withheld: s40(2)]"_s;

QString fixturePath(const QString &reference)
{
    return QStringLiteral(FOIDESK_TEST_DATA_DIR "/redacted/") + reference + u".json"_s;
}

QString testProfile()
{
    return QStringLiteral(FOIDESK_TEST_DATA_DIR "/profiles/test-authority.json");
}

QByteArray readBytes(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

// What a fixture withholds, read from the file itself rather than from FOI Desk's model, so
// that this test does not share a mistake with the code it checks: the text of every redaction,
// and the whole answer and each line of every answer withheld in full.
QStringList withheldIn(const QString &fixture)
{
    QStringList strings;
    const QJsonObject request = QJsonDocument::fromJson(readBytes(fixture)).object();
    for (const QJsonValue &value : request.value(u"questions"_s).toArray()) {
        const QJsonObject question = value.toObject();
        for (const QJsonValue &redaction : question.value(u"redactions"_s).toArray())
            strings.append(redaction.toObject().value(u"text"_s).toString());
        if (question.value(u"disposition"_s).toString() == u"withheld"_s) {
            const QString answer = question.value(u"answer"_s).toString();
            strings.append(answer);
            strings += answer.split(u'\n', Qt::SkipEmptyParts);
        }
    }
    strings.removeDuplicates();
    return strings;
}

// Folded as a reader's search would fold it: compatibility forms (ligatures) decomposed, case
// ignored, every run of white space one space.
QString folded(const QString &text)
{
    static const QRegularExpression space(u"\\s+"_s);
    QString out = text.normalized(QString::NormalizationForm_KC).toCaseFolded();
    out.replace(space, u" "_s);
    return out;
}

QString utf16BigEndian(const QByteArray &bytes, qsizetype offset)
{
    QString out;
    for (qsizetype i = offset; i + 1 < bytes.size(); i += 2)
        out += QChar(char16_t((uchar(bytes.at(i)) << 8) | uchar(bytes.at(i + 1))));
    return out;
}

// Each withheld string found in bytes read as UTF-8, Latin-1 or UTF-16BE.
QStringList foundInBytes(const QByteArray &bytes, const QStringList &withheld)
{
    const QStringList readings = {folded(QString::fromUtf8(bytes)),
                                  folded(QString::fromLatin1(bytes)),
                                  folded(utf16BigEndian(bytes, 0)),
                                  folded(utf16BigEndian(bytes, 1))};
    QStringList found;
    for (const QString &s : withheld) {
        for (const QString &reading : readings) {
            if (reading.contains(folded(s).trimmed())) {
                found.append(s);
                break;
            }
        }
    }
    return found;
}

QStringList foundInText(const QString &text, const QStringList &withheld)
{
    QStringList found;
    const QString haystack = folded(text);
    for (const QString &s : withheld) {
        if (haystack.contains(folded(s).trimmed()))
            found.append(s);
    }
    return found;
}

struct Tool
{
    int code = -1;
    QByteArray out;
};

Tool runTool(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    Tool tool;
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        return tool;
    }
    tool.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    tool.out = process.readAllStandardOutput();
    return tool;
}

// Strings of a PDF as written by qpdf --qdf: literal strings may carry octal escapes
// ("\342"), and text strings may be UTF-16BE behind a byte order mark. Each string is decoded
// on its own so that the bytes search sees the characters, not the escapes.
QStringList decodedLiteralStrings(const QByteArray &pdf)
{
    QStringList out;
    qsizetype i = 0;
    while ((i = pdf.indexOf('(', i)) >= 0) {
        QByteArray bytes;
        int depth = 1;
        ++i;
        while (i < pdf.size() && depth > 0) {
            const char c = pdf.at(i++);
            if (c == '\\' && i < pdf.size()) {
                const char e = pdf.at(i++);
                if (e >= '0' && e <= '7') {
                    int value = e - '0';
                    for (int k = 0; k < 2 && i < pdf.size() && pdf.at(i) >= '0' && pdf.at(i) <= '7';
                         ++k)
                        value = value * 8 + (pdf.at(i++) - '0');
                    bytes += char(value);
                } else if (e == 'n') {
                    bytes += '\n';
                } else if (e == 'r') {
                    bytes += '\r';
                } else if (e != '\n' && e != '\r') {
                    bytes += e;
                }
                continue;
            }
            if (c == '(')
                ++depth;
            if (c == ')' && --depth == 0)
                break;
            bytes += c;
        }
        out.append(bytes.startsWith("\xFE\xFF") ? utf16BigEndian(bytes, 2)
                                                : QString::fromLatin1(bytes));
    }
    return out;
}

} // namespace

// The adversarial test of redaction: every reference letter, with every personal name, email
// address and telephone number in its answers withheld, is exported exactly as the command line
// exports it; then other programs (poppler, qpdf) look for each withheld string everywhere a
// recipient could: the text a reader extracts, the metadata, and the uncompressed bytes. The
// same for the public JSON. A negative control proves the search finds what is there.
class TestLeaks : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_db;

    int run(const QStringList &arguments, QString *err = nullptr, QString *out = nullptr)
    {
        QString outText;
        QString errText;
        QTextStream outStream(&outText);
        QTextStream errStream(&errText);
        const int code =
            CommandLine::run(QStringList{u"--db"_s, m_db} + arguments, outStream, errStream);
        if (err)
            *err = errText;
        if (out)
            *out = outText;
        return code;
    }

    static bool toolsPresent()
    {
        for (const char *tool : {"pdftotext", "pdfinfo", "qpdf"}) {
            if (QStandardPaths::findExecutable(QString::fromLatin1(tool)).isEmpty())
                return false;
        }
        return true;
    }

    // Every place the independent tools can see, each withheld string looked for in it.
    // Returns "string in place" for each find.
    QStringList independentSearch(const QString &pdf, const QStringList &withheld, QString *text)
    {
        QStringList leaks;
        const Tool extracted = runTool(u"pdftotext"_s, {u"-enc"_s, u"UTF-8"_s, pdf, u"-"_s});
        if (extracted.code != 0)
            return {u"pdftotext could not read the file"_s};
        *text = folded(QString::fromUtf8(extracted.out));
        for (const QString &s : foundInText(QString::fromUtf8(extracted.out), withheld))
            leaks.append(s + u" in the text (pdftotext)"_s);

        const Tool info = runTool(u"pdfinfo"_s, {u"-enc"_s, u"UTF-8"_s, pdf});
        const Tool xmp = runTool(u"pdfinfo"_s, {u"-meta"_s, pdf});
        if (info.code != 0 || xmp.code != 0)
            return {u"pdfinfo could not read the file"_s};
        for (const QString &s : foundInText(QString::fromUtf8(info.out), withheld))
            leaks.append(s + u" in the metadata (pdfinfo)"_s);
        for (const QString &s : foundInText(QString::fromUtf8(xmp.out), withheld))
            leaks.append(s + u" in the XMP metadata (pdfinfo -meta)"_s);

        const QString qdf = pdf + u".qdf"_s;
        const Tool expanded =
            runTool(u"qpdf"_s, {u"--qdf"_s, u"--object-streams=disable"_s, pdf, qdf});
        // 3 is qpdf's "succeeded with warnings".
        if (expanded.code != 0 && expanded.code != 3)
            return {u"qpdf could not expand the file"_s};
        const QByteArray bytes = readBytes(qdf);
        for (const QString &s : foundInBytes(bytes, withheld))
            leaks.append(s + u" in the uncompressed bytes (qpdf --qdf)"_s);
        for (const QString &s : foundInText(decodedLiteralStrings(bytes).join(QChar(0)), withheld))
            leaks.append(s + u" in a string object (qpdf --qdf)"_s);
        return leaks;
    }

private Q_SLOTS:
    void init()
    {
        if (!toolsPresent())
            QSKIP("pdftotext, pdfinfo or qpdf is missing; scripts/install-deps.sh installs them");
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_db = m_dir->filePath(u"log.sqlite"_s);
        QString err;
        QVERIFY2(run({u"settings"_s, u"import"_s, testProfile()}, &err) == 0, qPrintable(err));
    }
    void cleanup() { m_dir.reset(); }

    void fixturesWithholdEnough_data()
    {
        QTest::addColumn<QString>("reference");
        for (const char *reference : {"6370952", "6565528", "6299088", "7014168", "7012568"})
            QTest::newRow(reference) << QString::fromLatin1(reference);
    }

    // The fixtures are what makes this test adversarial: several strings each, one of them not
    // ASCII and one withheld in two answers, and none of them in the request as asked (which the
    // letter quotes, so the check would rightly find it).
    void fixturesWithholdEnough()
    {
        QFETCH(QString, reference);
        const QString fixture = fixturePath(reference);
        const QStringList withheld = withheldIn(fixture);
        QVERIFY(withheld.size() >= 4);
        QVERIFY(withheld.contains(u"Siân Llŷr"_s));

        const QJsonObject request = QJsonDocument::fromJson(readBytes(fixture)).object();
        QMap<QString, int> answersWithholding;
        QString asked = request.value(u"title"_s).toString();
        for (const QJsonValue &value : request.value(u"questions"_s).toArray()) {
            const QJsonObject question = value.toObject();
            asked += u'\n' + question.value(u"text"_s).toString();
            for (const QString &s : withheld) {
                if (question.value(u"answer"_s).toString().contains(s))
                    ++answersWithholding[s];
            }
        }
        QVERIFY(std::any_of(answersWithholding.cbegin(), answersWithholding.cend(), [](int count) {
            return count >= 2;
        }));
        QCOMPARE(foundInText(asked, withheld), QStringList());
    }

    void exportedLetterLeaksNothing_data() { fixturesWithholdEnough_data(); }

    void exportedLetterLeaksNothing()
    {
        QFETCH(QString, reference);
        const QString fixture = fixturePath(reference);
        const QStringList withheld = withheldIn(fixture);
        QString err;
        QVERIFY2(run({u"import"_s, fixture}, &err) == 0, qPrintable(err));

        const QString pdf = m_dir->filePath(reference + u".pdf"_s);
        const int code = run({u"export-pdf"_s, reference, u"-o"_s, pdf}, &err);
        QVERIFY2(code == 0, qPrintable(err));
        QVERIFY2(err.contains(u"Release check passed: "_s), qPrintable(err));
        QVERIFY(QFile::exists(pdf));

        QString text;
        const QStringList leaks = independentSearch(pdf, withheld, &text);
        QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(u"; "_s)));
        // The answers are there, each withheld passage reduced to its label: the test would
        // notice if they had vanished altogether.
        QVERIFY2(text.contains(folded(label)), qPrintable(text));

        // The release check of FOI Desk agrees with the tools.
        const ReleaseCheckResult check = ReleaseCheck::checkPdf(pdf, withheld, {});
        QVERIFY2(check.passed(), qPrintable(check.summary()));
    }

    void publicJsonLeaksNothing_data() { fixturesWithholdEnough_data(); }

    void publicJsonLeaksNothing()
    {
        QFETCH(QString, reference);
        const QString fixture = fixturePath(reference);
        const QStringList withheld = withheldIn(fixture);
        QString err;
        QVERIFY2(run({u"import"_s, fixture}, &err) == 0, qPrintable(err));

        const QString json = m_dir->filePath(reference + u".public.json"_s);
        QVERIFY2(run({u"export-json"_s, reference, u"--public"_s, u"-o"_s, json}, &err) == 0,
                 qPrintable(err));
        const QByteArray bytes = readBytes(json);
        QCOMPARE(foundInBytes(bytes, withheld), QStringList());
        // Escapes (\u00e2, \n) undone: the strings as any JSON reader sees them.
        const QJsonObject object = QJsonDocument::fromJson(bytes).object();
        QString strings;
        for (const QJsonValue &value : object.value(u"questions"_s).toArray()) {
            for (const QJsonValue &field : value.toObject())
                strings += field.toVariant().toString() + u'\n';
        }
        QCOMPARE(foundInText(strings, withheld), QStringList());
        QVERIFY(strings.contains(label));
        QVERIFY(object.value(u"public"_s).toBool());
        QVERIFY(!object.contains(u"requester"_s));
        QVERIFY(!bytes.contains("A. Requester"));
        QVERIFY(!bytes.contains("a.requester@example.org"));
        QVERIFY(!bytes.contains("\"redactions\""));
        QVERIFY(!bytes.contains("\"exemption_reasons\""));

        // Standard output gets the same bytes.
        QString out;
        QVERIFY(run({u"export-json"_s, reference, u"--public"_s}, &err, &out) == 0);
        QCOMPARE(out.toUtf8(), bytes);
    }

    // The negative control: each of these hides a withheld string somewhere the eye does not
    // see it. The release check must find every one, and so must the tools this test trusts.
    void negativeControl_data()
    {
        QTest::addColumn<int>("hiding"); // 0 page text, 1 title only, 2 white text
        QTest::addColumn<QString>("where");
        QTest::newRow("page text") << 0 << u"page 1 text"_s;
        QTest::newRow("title metadata only") << 1 << u"document title"_s;
        QTest::newRow("white text") << 2 << u"page 1 text"_s;
    }

    void negativeControl()
    {
        QFETCH(int, hiding);
        QFETCH(QString, where);
        const QString secret = u"Siân Llŷr"_s;
        const QString pdf = m_dir->filePath(u"control.pdf"_s);
        {
            QPdfWriter writer(pdf);
            writer.setResolution(72);
            writer.setTitle(hiding == 1 ? u"Letter for "_s + secret : u"Letter"_s);
            QPainter painter(&writer);
            painter.drawText(60, 60, u"Answer: "_s + label);
            if (hiding == 2)
                painter.setPen(Qt::white);
            if (hiding != 1)
                painter.drawText(60, 100, u"Contact "_s + secret);
        }
        const ReleaseCheckResult check = ReleaseCheck::checkPdf(pdf, {secret}, {});
        QVERIFY(!check.passed());
        QVERIFY2(check.findings.contains(LeakFinding{secret, where}), qPrintable(check.summary()));

        QString text;
        QVERIFY(!independentSearch(pdf, {secret}, &text).isEmpty());
    }
};

QTEST_MAIN(TestLeaks)
#include "tst_leaks.moc"

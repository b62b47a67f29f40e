// bench_letters: how fast response letters become PDF files in bulk.
//
// It makes N typical requests (1,000 by default: eight questions with answers under two
// headings, a two-page letter), composes each final letter with a complete organisation
// profile, and exports them all through the same bulk path as "foidesk export-pdf --all": once
// on one worker thread and once on one per core. It reports the time per letter, the total,
// the work each letter took on its thread (median, 95th percentile and worst) and the peak
// memory. It can also write the same letters as flat OpenDocument files (.fodt) and the
// requests as exchange-format JSON, so that tests/bench/compare-libreoffice.sh can have
// LibreOffice convert exactly the same text and time the command line on the same requests.
// It reports and never fails on a slow number, so it is not a test and CTest does not run it.

#include "cli/BulkPdfExport.h"
#include "exchange/RequestJson.h"
#include "letter/LetterComposer.h"
#include "letter/LetterDocument.h"
#include "letter/LetterRenderer.h"
#include "profile/OrganisationProfile.h"
#include "letter/PdfExporter.h"

#include "MachineReport.h"

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <algorithm>
#include <utility>

#ifdef Q_OS_WIN
// clang-format off
#ifndef NOMINMAX
#define NOMINMAX
#endif
#ifndef WIN32_LEAN_AND_MEAN
#define WIN32_LEAN_AND_MEAN
#endif
#include <windows.h>
#include <psapi.h>
// clang-format on
#endif

#if defined(Q_OS_UNIX)
#include <sys/resource.h>
#endif

#ifndef FOIDESK_BENCH_BUILD_TYPE
#define FOIDESK_BENCH_BUILD_TYPE "unknown"
#endif

using namespace foidesk;
using namespace Qt::StringLiterals;

using namespace foidesk::bench;

namespace {

constexpr quint32 Seed = 7014168;
// The goal per letter, from the issue: never more than this much work for one letter.
constexpr double WorkGoalMs = 50.0;

struct Failure
{
    QString message;
};

template <typename T> T need(Result<T> result, const QString &what)
{
    if (!result)
        throw Failure{what + u": "_s + result.errorMessage()};
    return std::move(result).value();
}

// CPU time this process has used so far, all threads, in milliseconds; -1 when unknown. Work
// per letter is this over the letters, which other programs on the machine cannot inflate the
// way they inflate wall time.
double processCpuMs()
{
#if defined(Q_OS_UNIX)
    rusage usage{};
    if (getrusage(RUSAGE_SELF, &usage) == 0) {
        return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0
               + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
    }
#elif defined(Q_OS_WIN)
    FILETIME created, exited, kernel, user;
    if (GetProcessTimes(GetCurrentProcess(), &created, &exited, &kernel, &user)) {
        const auto ticks = [](const FILETIME &t) {
            return double((quint64(t.dwHighDateTime) << 32) | t.dwLowDateTime);
        };
        return (ticks(kernel) + ticks(user)) / 10000.0;
    }
#endif
    return -1.0;
}

QString ms(double value)
{
    return QString::number(value, 'f', value < 10.0 ? 2 : 1) + u" ms"_s;
}

double percentile(QList<double> values, double fraction)
{
    if (values.isEmpty())
        return 0.0;
    std::sort(values.begin(), values.end());
    const auto index = qsizetype(fraction * double(values.size() - 1) + 0.5);
    return values.at(std::clamp<qsizetype>(index, 0, values.size() - 1));
}

// A fictional authority with every field a final letter needs.
OrganisationProfile benchProfile()
{
    OrganisationProfile profile = need(OrganisationProfile::defaults(), u"default profile"_s);
    profile.name = u"Eastbrook Borough Council"_s;
    profile.address = u"Town Hall\nHigh Street\nEastbrook EB1 4TH"_s;
    profile.email = u"foi@eastbrook.example.gov.uk"_s;
    profile.phone = u"01632 960 123"_s;
    profile.publishedDataLink = u"https://opendata.eastbrook.example.gov.uk/"_s;
    const Result<void> valid = profile.validate();
    if (!valid)
        throw Failure{u"bench profile: "_s + valid.errorMessage()};
    return profile;
}

// Requests like the ones a council answers every day: a title, a requester, two headed groups
// of four questions each, and answers of one or two sentences: a two-page letter.
class RequestMaker
{
public:
    Request make(int index)
    {
        static const QStringList subjects = {u"parking enforcement"_s,
                                             u"temporary accommodation"_s,
                                             u"street lighting"_s,
                                             u"school transport"_s,
                                             u"pothole repairs"_s,
                                             u"library opening hours"_s,
                                             u"adult social care contracts"_s,
                                             u"council tax arrears"_s,
                                             u"fly-tipping"_s,
                                             u"air quality monitoring"_s,
                                             u"licensing of taxis"_s,
                                             u"agency staff spending"_s};
        static const QStringList sections = {u"Spending"_s,
                                             u"Staffing"_s,
                                             u"Contracts"_s,
                                             u"Performance"_s,
                                             u"Complaints"_s,
                                             u"Policy"_s};
        // Question and answer at the same index go together.
        static const QStringList askings = {
            u"How much did the council spend on %1 in 2022/23 and in 2023/24?"_s,
            u"How many staff worked on %1 on 31 March 2024?"_s,
            u"Please send me a copy of any contract the council holds for %1."_s,
            u"How many complaints about %1 did the council receive in 2023?"_s,
            u"Does the council have a written policy on %1?"_s,
            u"What targets has the council set for %1, and were they met?"_s,
            u"Which team is responsible for %1?"_s,
            u"Has the council reviewed its approach to %1 since 2022?"_s};
        static const QStringList answers = {
            u"The council spent £438,900 in 2022/23 and £455,120 in 2023/24, including staff "
            u"costs."_s,
            u"There were 23.5 full-time equivalent posts, four of them filled by agency "
            u"workers."_s,
            u"A copy of the contract is attached. It runs from 1 April 2022 to 31 March 2026 "
            u"and is worth £1.2 million in all."_s,
            u"We received 137 complaints; 41 were upheld in full and 18 in part."_s,
            u"Yes. It is published on our website under \u201cPolicies and strategies\u201d."_s,
            u"The target is to act on 90% of reports within five working days. We met it in "
            u"86% of cases in 2023/24."_s,
            u"The Environmental Services team, led by the Head of Environmental Services."_s,
            u"Yes. A review in November 2023 recommended a single point of contact and better "
            u"reporting online; both have been accepted."_s};
        static const QStringList names = {u"Aisha Patel"_s,
                                          u"Gareth Llewellyn"_s,
                                          u"Siobhán O\u2019Connor"_s,
                                          u"Tomasz Nowak"_s,
                                          u"Grace Adeyemi"_s,
                                          u"Iain MacLeod"_s};

        Request r;
        const QString subject = subjects.at(pick(subjects.size()));
        r.reference = u"EB-%1"_s.arg(100000 + index);
        r.regime = Regime::FOIA;
        r.title = u"Information about "_s + subject;
        r.received = QDate(2024, 1, 8).addDays(index % 300);
        r.letterDate = r.received.addDays(18);
        r.requester.name = names.at(pick(names.size()));
        r.requester.email = u"requester%1@example.org"_s.arg(index);
        r.officer = u"Information Governance Officer"_s;
        r.status = RequestStatus::Sent;
        r.held = Held::All;
        r.letterFinal = true;
        const int firstSection = pick(sections.size() - 1);
        for (int q = 0; q < 8; ++q) {
            Question question;
            question.section = sections.at(firstSection + (q < 4 ? 0 : 1));
            question.label = u"%1."_s.arg(q + 1);
            const int topic = (q + index) % int(askings.size());
            question.text = askings.at(topic).arg(subject);
            question.answer = answers.at(topic);
            r.questions.append(question);
        }
        return r;
    }

private:
    int pick(qsizetype bound) { return int(m_random.bounded(quint32(bound))); }

    QRandomGenerator m_random{Seed};
};

// The letter as a flat OpenDocument text file with the same text, page size, margins, font and
// footer as the PDF: what a Word-template route would hand LibreOffice to convert.
class FodtWriter
{
public:
    static QByteArray write(const LetterDocument &letter)
    {
        QString body;
        for (const LetterBlock &block : letter.blocks) {
            if (!block.heading.isEmpty())
                body += paragraph(u"Heading"_s, block.heading);
            for (const QString &line : block.lines)
                body += paragraph(u"Line"_s, line);
            for (const LetterQuestion &q : block.questions) {
                if (!q.section.isEmpty())
                    body += paragraph(u"Heading"_s, q.section);
                QStringList asked;
                for (const QString &part : {q.label, q.condition, q.text}) {
                    if (!part.isEmpty())
                        asked.append(part);
                }
                body += paragraph(u"Question"_s, asked.join(u' '));
                for (const QString &choice : q.choices)
                    body += paragraph(u"Choice"_s, u"\u2022 "_s + choice);
                if (!q.answer.isEmpty())
                    body += paragraph(u"Body"_s, q.answer);
            }
            for (const QString &text : block.paragraphs)
                body += paragraph(u"Body"_s, text);
        }
        const QString footer = u"<text:p text:style-name=\"Footer\">Our ref: "_s
                               + escaped(letter.reference)
                               + u" \u2014 Page <text:page-number text:select-page=\"current\"/> "
                                 u"of <text:page-count/></text:p>"_s;
        QString document = QStringLiteral(R"(<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">
<office:meta><dc:title>%1</dc:title></office:meta>
<office:font-face-decls>
 <style:font-face style:name="Liberation Sans" svg:font-family="'Liberation Sans'"
  xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/>
</office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph">
  <style:paragraph-properties fo:margin-bottom="2.5mm" fo:line-height="118%"/>
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="10.5pt"/>
 </style:default-style>
 <style:style style:name="Body" style:family="paragraph"/>
 <style:style style:name="Line" style:family="paragraph">
  <style:paragraph-properties fo:margin-bottom="0mm"/>
 </style:style>
 <style:style style:name="Heading" style:family="paragraph">
  <style:paragraph-properties fo:margin-top="4mm" fo:keep-with-next="always"/>
  <style:text-properties fo:font-size="12pt" fo:font-weight="bold" fo:color="#1f3a5f"/>
 </style:style>
 <style:style style:name="Question" style:family="paragraph">
  <style:paragraph-properties fo:keep-with-next="always"/>
  <style:text-properties fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="Choice" style:family="paragraph">
  <style:paragraph-properties fo:margin-left="6mm" fo:margin-bottom="0mm"/>
 </style:style>
 <style:style style:name="Footer" style:family="paragraph">
  <style:paragraph-properties fo:text-align="center"/>
  <style:text-properties fo:font-size="8.5pt" fo:color="#555b63"/>
 </style:style>
</office:styles>
<office:automatic-styles>
 <style:page-layout style:name="A4">
  <style:page-layout-properties fo:page-width="210mm" fo:page-height="297mm"
   fo:margin-left="22mm" fo:margin-right="22mm" fo:margin-top="18mm" fo:margin-bottom="12mm"/>
  <style:footer-style><style:header-footer-properties fo:min-height="12mm"/></style:footer-style>
 </style:page-layout>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Standard" style:page-layout-name="A4">
  <style:footer>%2</style:footer>
 </style:master-page>
</office:master-styles>
<office:body><office:text>
%3</office:text></office:body>
</office:document>
)");
        return document.arg(escaped(letter.pdfTitle), footer, body).toUtf8();
    }

private:
    static QString escaped(const QString &text) { return text.toHtmlEscaped(); }

    static QString paragraph(const QString &style, const QString &text)
    {
        QString inner = escaped(text);
        inner.replace(u"\r\n"_s, u"\n"_s);
        inner.replace(u"\n"_s, u"<text:line-break/>"_s);
        return u"<text:p text:style-name=\""_s + style + u"\">"_s + inner + u"</text:p>\n"_s;
    }
};

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit();
}

struct Run
{
    int jobs = 0;
    double totalMs = 0.0;
    double cpuMs = -1.0;
    QList<double> workMs;
    int failed = 0;
    qint64 bytes = 0;
};

Run exportAll(const QList<LetterDocument> &letters, const QString &dir, int jobs)
{
    Run run;
    const BulkPdfExport bulk(jobs);
    run.jobs = bulk.jobs();
    ExportOptions options;
    options.draft = false;
    // A fixed creation time makes the files of two runs comparable byte for byte.
    options.created = QDateTime(QDate(2024, 6, 3), QTime(12, 0), Qt::UTC);
    const auto source = [&](int index) {
        PdfJob job;
        job.reference = letters.at(index).reference;
        job.path = QDir(dir).filePath(job.reference + u" response.pdf"_s);
        job.letter = letters.at(index);
        job.options = options;
        return job;
    };
    const auto progress = [&](const BulkPdfExport::Outcome &outcome, int, int) {
        if (!outcome.status) {
            ++run.failed;
            QTextStream(stderr) << outcome.reference << ": " << outcome.status.errorMessage()
                                << "\n";
            return;
        }
        run.workMs.append(double(outcome.workNanoseconds) / 1e6);
        run.bytes += QFileInfo(outcome.path).size();
    };
    const double cpuBefore = processCpuMs();
    QElapsedTimer timer;
    timer.start();
    bulk.run(int(letters.size()), source, progress);
    run.totalMs = double(timer.nsecsElapsed()) / 1e6;
    if (cpuBefore >= 0.0)
        run.cpuMs = processCpuMs() - cpuBefore;
    return run;
}

// Qt gives every PDF a random file identifier (the trailer's /ID); the rest must match.
QByteArray withoutFileId(QByteArray pdf)
{
    const qsizetype at = pdf.lastIndexOf("/ID [");
    if (at >= 0)
        pdf.truncate(at);
    return pdf;
}

// Fewer pages than expected would make the numbers flattering; count them from the PDF.
int pageCount(const QString &pdf)
{
    QFile file(pdf);
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray bytes = file.readAll();
    int pages = 0;
    for (qsizetype at = bytes.indexOf("/Type /Page"); at >= 0;
         at = bytes.indexOf("/Type /Page", at + 1)) {
        if (bytes.mid(at, 12) != "/Type /Pages")
            ++pages;
    }
    return pages;
}

void printRun(QTextStream &out, const QString &label, const Run &run, int letters)
{
    const double perLetter = run.totalMs / std::max(1, letters);
    out << "| " << label << " (" << run.jobs << (run.jobs == 1 ? " thread" : " threads") << ") | "
        << QString::number(run.totalMs / 1000.0, 'f', 2) << " s | " << ms(perLetter) << " | "
        << (run.cpuMs >= 0.0 ? ms(run.cpuMs / std::max(1, letters)) : u"n/a"_s) << " | "
        << ms(percentile(run.workMs, 0.5)) << " | " << ms(percentile(run.workMs, 0.95)) << " | "
        << ms(percentile(run.workMs, 1.0)) << " | "
        << (percentile(run.workMs, 1.0) <= WorkGoalMs ? "met" : "missed") << " |\n";
}

} // namespace

int main(int argc, char *argv[])
{
    // Painting needs QtGui; with no display the offscreen platform paints just the same.
#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
        && !qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
#endif
    QGuiApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"bench_letters"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Times the bulk PDF export of typical response letters (not a test)."_s);
    parser.addHelpOption();
    const QCommandLineOption lettersOption(
        u"letters"_s, u"How many letters to export (default 1000)."_s, u"N"_s, u"1000"_s);
    const QCommandLineOption jobsOption(
        u"jobs"_s,
        u"Worker threads for the parallel run (default: one per core)."_s,
        u"N"_s,
        u"0"_s);
    const QCommandLineOption outOption(
        u"out"_s,
        u"Write the PDF files to DIR and keep them (default: a temporary folder)."_s,
        u"DIR"_s);
    const QCommandLineOption fodtOption(
        u"fodt"_s, u"Also write each letter as a flat OpenDocument file to DIR."_s, u"DIR"_s);
    const QCommandLineOption jsonOption(
        u"json"_s, u"Also write each request as exchange-format JSON to DIR."_s, u"DIR"_s);
    const QCommandLineOption profileOption(
        u"profile"_s, u"Also write the organisation profile used to FILE."_s, u"FILE"_s);
    const QCommandLineOption parallelOnlyOption(u"parallel-only"_s,
                                                u"Skip the run on one thread."_s);
    parser.addOptions({lettersOption,
                       jobsOption,
                       outOption,
                       fodtOption,
                       jsonOption,
                       profileOption,
                       parallelOnlyOption});
    parser.process(app);

    QTextStream out(stdout);
    QTextStream err(stderr);
    try {
        bool ok = false;
        const int count = parser.value(lettersOption).toInt(&ok);
        if (!ok || count < 1)
            throw Failure{u"--letters: give a whole number of at least 1"_s};
        const int jobs = parser.value(jobsOption).toInt(&ok);
        if (!ok || jobs < 0)
            throw Failure{u"--jobs: give a whole number, 0 for one per core"_s};

        QTemporaryDir temporary;
        const QString outDir = parser.isSet(outOption) ? parser.value(outOption) : temporary.path();
        if (!QDir().mkpath(outDir))
            throw Failure{outDir + u": cannot create the folder"_s};

        const OrganisationProfile profile = benchProfile();
        if (parser.isSet(profileOption) && !profile.writeFile(parser.value(profileOption)))
            throw Failure{parser.value(profileOption) + u": cannot be written"_s};

        // Making and composing the letters is timed apart: the export is what is compared.
        QElapsedTimer timer;
        timer.start();
        RequestMaker maker;
        QList<Request> requests;
        for (int i = 0; i < count; ++i)
            requests.append(maker.make(i));
        const LetterComposer composer(profile);
        QList<LetterDocument> letters;
        for (const Request &request : std::as_const(requests))
            letters.append(need(composer.composeFinal(request), request.reference));
        const double composeMs = double(timer.nsecsElapsed()) / 1e6;

        for (const auto &[option, extension] :
             {std::pair{&fodtOption, u".fodt"_s}, std::pair{&jsonOption, u".json"_s}}) {
            if (!parser.isSet(*option))
                continue;
            const QDir dir(parser.value(*option));
            if (!dir.mkpath(u"."_s))
                throw Failure{dir.path() + u": cannot create the folder"_s};
            for (qsizetype i = 0; i < letters.size(); ++i) {
                const QByteArray bytes = extension == u".fodt"_s
                                             ? FodtWriter::write(letters.at(i))
                                             : RequestJson::serialize(requests.at(i));
                if (!writeFile(dir.filePath(requests.at(i).reference + extension), bytes))
                    throw Failure{dir.path() + u": cannot write "_s + extension};
            }
        }

        const QString loadBefore = loadAverage();
        // One warm-up letter so that font loading is not charged to the first run only.
        need(PdfExporter::render(letters.first(), ExportOptions{false, {}}), u"warm-up"_s);

        QList<std::pair<QString, Run>> runs;
        const QString oneThreadDir = QDir(outDir).filePath(u"one-thread"_s);
        if (!parser.isSet(parallelOnlyOption)) {
            if (!QDir().mkpath(oneThreadDir))
                throw Failure{oneThreadDir + u": cannot create the folder"_s};
            runs.append({u"One thread"_s, exportAll(letters, oneThreadDir, 1)});
        }
        runs.append({u"Bulk export"_s, exportAll(letters, outDir, jobs)});

        // Painting on several threads must give exactly what one thread gives.
        int identical = 0;
        if (runs.size() == 2) {
            for (const LetterDocument &letter : std::as_const(letters)) {
                const QString name = letter.reference + u" response.pdf"_s;
                QFile one(QDir(oneThreadDir).filePath(name));
                QFile parallel(QDir(outDir).filePath(name));
                if (one.open(QIODevice::ReadOnly) && parallel.open(QIODevice::ReadOnly)
                    && withoutFileId(one.readAll()) == withoutFileId(parallel.readAll()))
                    ++identical;
            }
        }

        const QString firstPdf =
            QDir(outDir).filePath(letters.first().reference + u" response.pdf"_s);
        out << "## bench_letters: " << count << " letters\n\n";
        out << "- Letters: " << count << " final letters, 8 questions each, " << pageCount(firstPdf)
            << " pages (first letter); composing them took " << ms(composeMs) << " in all\n";
        out << "- Average PDF size: "
            << QString::number(double(runs.last().second.bytes) / count / 1024.0, 'f', 1)
            << " KiB\n";
        out << "- Peak memory (VmHWM, whole process): " << peakResidentMemory() << "\n";
        out << "- Load average before / after: " << loadBefore << " / " << loadAverage() << "\n\n";
        out << "| Run | Total | Per letter (wall) | CPU per letter | On its thread, median | "
               "95th percentile | Worst | Worst within "
            << WorkGoalMs << " ms |\n";
        out << "|---|---:|---:|---:|---:|---:|---:|---|\n";
        int failed = 0;
        for (const auto &[label, run] : std::as_const(runs)) {
            printRun(out, label, run, count);
            failed += run.failed;
        }
        out << "\n\"CPU per letter\" is the process's CPU time (all threads) over the letters. "
               "\"On its thread\" is the wall time from the start of painting a letter to its "
               "file being written, on its worker thread; with more threads than free cores it "
               "includes time the thread waited for a core.\n";
        if (runs.size() == 2) {
            out << "\nFiles written on " << runs.last().second.jobs
                << " threads identical byte for byte (but for the random /ID) to those written on "
                   "one: "
                << identical << " of " << count << "\n";
            out << "\nSpeed-up of " << runs.last().second.jobs << " threads over one: "
                << QString::number(runs.first().second.totalMs / runs.last().second.totalMs, 'f', 2)
                << "x\n";
        }
        out << "\n### Machine\n\n";
        out << "- CPU: " << cpuModel() << ", " << QThread::idealThreadCount() << " logical cores\n";
        out << "- Memory: " << totalMemory() << "\n";
        out << "- OS: " << QSysInfo::prettyProductName() << " (kernel " << QSysInfo::kernelVersion()
            << ")\n";
        out << "- Compiler: " << compiler() << "; build type: " << FOIDESK_BENCH_BUILD_TYPE << "\n";
        out << "- Qt " << qVersion() << ", platform " << QGuiApplication::platformName()
            << "; fonts asked for: " << LetterRenderer::fontFamilies().join(u", "_s) << "\n";
        out.flush();
        if (failed > 0) {
            err << failed << " letters failed to export\n";
            return 1;
        }
    } catch (const Failure &failure) {
        out.flush();
        err << "bench_letters: " << failure.message << "\n";
        return 1;
    }
    return 0;
}

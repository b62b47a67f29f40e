// bench_import: how fast past response letters become requests.
//
// It writes N letter files (1,000 by default) made from the letters in tests/data/import, each
// given its own reference, in the three text formats the folder holds, as Word documents (one
// in four) and as PDF (one in ten), then does what "foidesk import-letter" does with them: reads
// each file, finds its fields, and creates its request in a new log, one transaction per letter,
// with the history entry that marks it "imported, check". It reports the time to read and analyse,
// the time to store, the total and the peak memory. It reports and never fails on a slow number, so
// it is not a test and CTest does not run it.

#include "MachineReport.h"
#include "exemptions/ExemptionCatalogue.h"
#include "importing/LetterImporter.h"
#include "store/Store.h"

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QPageSize>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTextDocument>
#include <QTextStream>
#include <zip.h>

#ifndef FOIDESK_BENCH_BUILD_TYPE
#define FOIDESK_BENCH_BUILD_TYPE "unknown"
#endif

using namespace foidesk;
using namespace Qt::StringLiterals;

namespace {

// A Word document holding text, one paragraph per line.
bool writeDocx(const QString &path, const QString &text)
{
    QByteArray body;
    for (const QString &line : text.split(u'\n')) {
        body += "<w:p><w:r><w:t xml:space=\"preserve\">" + line.toHtmlEscaped().toUtf8()
                + "</w:t></w:r></w:p>";
    }
    const QByteArray document =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas."
        "openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
        + body + "</w:body></w:document>";
    zipFile zip = zipOpen64(QFile::encodeName(path).constData(), APPEND_STATUS_CREATE);
    if (!zip)
        return false;
    zip_fileinfo info{};
    bool ok = zipOpenNewFileInZip64(zip,
                                    "word/document.xml",
                                    &info,
                                    nullptr,
                                    0,
                                    nullptr,
                                    0,
                                    nullptr,
                                    Z_DEFLATED,
                                    Z_DEFAULT_COMPRESSION,
                                    1)
              == ZIP_OK;
    ok = ok && zipWriteInFileInZip(zip, document.constData(), unsigned(document.size())) == ZIP_OK;
    ok = ok && zipCloseFileInZip(zip) == ZIP_OK;
    return zipClose(zip, nullptr) == ZIP_OK && ok;
}

// The reference as the letters in tests/data/import write it, or the placeholder put in those
// that give none.
const QRegularExpression &referencePattern()
{
    static const QRegularExpression pattern(
        u"(?:Our ref|Our Ref|Reference No)\\s*:?\\s*[A-Z0-9][A-Z0-9/ \\-]*[0-9]|REFNUMBER"_s);
    return pattern;
}

} // namespace

int main(int argc, char **argv)
{
    // PDF letters are written with Qt Gui; no display is needed for that.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Times importing past response letters"_s);
    parser.addHelpOption();
    parser.addOption({u"letters"_s, u"letters to import (default 1,000)"_s, u"N"_s, u"1000"_s});
    parser.addOption({u"source"_s,
                      u"folder of letters to copy (default: tests/data/import)"_s,
                      u"FOLDER"_s,
                      QStringLiteral(FOIDESK_SOURCE_DIR "/tests/data/import")});
    parser.process(app);
    const int count = parser.value(u"letters"_s).toInt();
    QTextStream out(stdout);

    QDir sourceDir(parser.value(u"source"_s));
    QStringList sources = sourceDir.entryList({u"*.txt"_s, u"*.md"_s, u"*.html"_s}, QDir::Files);
    sources.removeAll(u"SOURCES.md"_s);
    QList<QPair<QString, QString>> templates; // suffix, text
    for (const QString &name : sources) {
        QFile file(sourceDir.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        QString text = QString::fromUtf8(file.readAll());
        // Each copy gets its own reference; letters without one get one in their first line.
        if (!referencePattern().match(text).hasMatch())
            text.prepend(u"REFNUMBER\n\n"_s);
        templates.append({QFileInfo(name).suffix(), text});
    }
    if (templates.isEmpty()) {
        out << "No letters found in " << sourceDir.path() << '\n';
        return 1;
    }
    QTemporaryDir dir;
    QStringList files;
    int wordDocuments = 0;
    int pdfDocuments = 0;
    for (int i = 0; i < count; ++i) {
        const auto &[suffix, original] = templates[i % templates.size()];
        QString text = original;
        const QString reference = u"BENCH-%1"_s.arg(i + 1, 5, 10, QLatin1Char('0'));
        text.replace(referencePattern(), u"Our ref: "_s + reference);
        QString path;
        // One in ten as a PDF and one in four as a Word document (an HTML page stays one).
        if (i % 10 == 5 && suffix != u"html"_s) {
            ++pdfDocuments;
            path = dir.filePath(u"letter-%1.pdf"_s.arg(i));
            QPdfWriter writer(path);
            writer.setPageSize(QPageSize(QPageSize::A4));
            QTextDocument document;
            document.setPlainText(text);
            document.setPageSize(QSizeF(writer.width(), writer.height()));
            document.print(&writer);
        } else if (i % 4 == 3 && suffix != u"html"_s) {
            ++wordDocuments;
            path = dir.filePath(u"letter-%1.docx"_s.arg(i));
            if (!writeDocx(path, text))
                return 1;
        } else {
            path = dir.filePath(u"letter-%1.%2"_s.arg(i).arg(suffix));
            QFile file(path);
            if (!file.open(QIODevice::WriteOnly))
                return 1;
            file.write(text.toUtf8());
        }
        files.append(path);
    }

    const ExemptionCatalogue catalogue = *ExemptionCatalogue::shipped();
    QElapsedTimer total;
    total.start();
    QList<ImportedLetter> letters;
    int unread = 0;
    for (const QString &file : files) {
        Result<ImportedLetter> letter = LetterImporter::readFile(file, catalogue);
        const Result<void> ready = letter ? LetterImporter::checkReady(*letter) : letter.error();
        if (!ready) {
            if (unread++ < 3)
                out << "refused: " << ready.errorMessage() << '\n';
            continue;
        }
        letters.append(std::move(letter).value());
    }
    const qint64 readMs = total.elapsed();
    Result<std::unique_ptr<Store>> store = Store::open(dir.filePath(u"log.sqlite"_s));
    if (!store) {
        out << store.errorMessage() << '\n';
        return 1;
    }
    QElapsedTimer storing;
    storing.start();
    int stored = 0;
    int refused = 0;
    for (const ImportedLetter &letter : std::as_const(letters)) {
        Request request = letter.request;
        if (letter.isMissing(u"regime"_s))
            request.regime = Regime::FOIA; // the officer's choice in the window
        const Result<Request> created =
            (*store)->importRequest(request, false, LetterImporter::historyDetail(letter));
        if (created) {
            ++stored;
        } else if (refused++ < 3) {
            out << "not stored: " << created.errorMessage() << '\n';
        }
    }
    const qint64 storeMs = storing.elapsed();
    const qint64 totalMs = total.elapsed();

    out << "bench_import (" << FOIDESK_BENCH_BUILD_TYPE << " build)\n"
        << "CPU: " << bench::cpuModel() << ", memory " << bench::totalMemory() << ", load "
        << bench::loadAverage() << ", " << bench::compiler() << "\n"
        << count << " letters from " << templates.size() << " originals (" << wordDocuments
        << " as Word documents, " << pdfDocuments << " as PDF)\n"
        << "read and analysed: " << readMs << " ms (" << unread << " refused)\n"
        << "stored:            " << storeMs << " ms (" << stored << " created, " << refused
        << " refused)\n"
        << "total:             " << totalMs << " ms, " << (totalMs * 1000.0 / std::max(1, count))
        << " us per letter; target under 30,000 ms\n"
        << "peak memory: " << bench::peakResidentMemory() << "\n";
    return 0;
}

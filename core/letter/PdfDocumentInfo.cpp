#include "letter/PdfDocumentInfo.h"

#include <QRegularExpression>

namespace foidesk {

namespace {

QByteArray xmlEscaped(const QString &text)
{
    return text.toHtmlEscaped().toUtf8();
}

// A PDF text string in UTF-16BE with a byte order mark, as hex: safe for any character.
QByteArray pdfString(const QString &text)
{
    QByteArray out = "<FEFF";
    for (const QChar c : text)
        out += QByteArray::number(c.unicode(), 16).rightJustified(4, '0').toUpper();
    out += '>';
    return out;
}

QByteArray pdfDate(const QDateTime &when)
{
    return "(D:" + when.toUTC().toString(QStringLiteral("yyyyMMddHHmmss")).toLatin1() + "Z)";
}

Error malformed(const QString &what)
{
    return Error(ErrorKind::Internal,
                 PdfDocumentInfo::tr("The PDF written by Qt has an unexpected layout (%1), so its "
                                     "title and author could not be set. Please report this "
                                     "with the version of Qt in use.")
                     .arg(what));
}

} // namespace

QByteArray PdfDocumentInfo::xmpPacket() const
{
    const QByteArray date = created.toUTC().toString(Qt::ISODate).toLatin1();
    QByteArray xmp;
    xmp += "<?xpacket begin='' id='W5M0MpCehiHzreSzNTczkc9d'?>\n"
           "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
           "  <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
           "    <rdf:Description xmlns:dc=\"http://purl.org/dc/elements/1.1/\" rdf:about=\"\">\n"
           "      <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">";
    xmp += xmlEscaped(title);
    xmp += "</rdf:li></rdf:Alt></dc:title>\n"
           "      <dc:creator><rdf:Seq><rdf:li>";
    xmp += xmlEscaped(author);
    xmp += "</rdf:li></rdf:Seq></dc:creator>\n"
           "      <dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">";
    xmp += xmlEscaped(subject);
    xmp += "</rdf:li></rdf:Alt></dc:description>\n"
           "    </rdf:Description>\n"
           "    <rdf:Description xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" rdf:about=\"\" "
           "xmp:CreatorTool=\"";
    xmp += xmlEscaped(creator);
    xmp += "\" xmp:CreateDate=\"" + date + "\" xmp:ModifyDate=\"" + date + "\"/>\n";
    xmp += "    <rdf:Description xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\" rdf:about=\"\" "
           "pdf:Producer=\"";
    xmp += xmlEscaped(producer);
    xmp += "\"/>\n"
           "    <rdf:Description xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\" rdf:about=\"\" "
           "pdfaid:part=\"1\" pdfaid:conformance=\"B\"/>\n"
           "  </rdf:RDF>\n"
           "</x:xmpmeta>\n"
           "<?xpacket end='w'?>";
    return xmp;
}

Result<QByteArray> PdfDocumentInfo::applyTo(const QByteArray &pdf) const
{
    const qsizetype startxrefAt = pdf.lastIndexOf("startxref");
    if (startxrefAt < 0)
        return malformed(QStringLiteral("no startxref"));
    bool ok = false;
    const QByteArray xrefOffsetText =
        pdf.mid(startxrefAt + 9, 24).trimmed().split('\n').value(0).trimmed();
    const qsizetype xrefAt = xrefOffsetText.toLongLong(&ok);
    if (!ok || xrefAt <= 0 || xrefAt >= startxrefAt || !pdf.mid(xrefAt).startsWith("xref"))
        return malformed(QStringLiteral("no classic cross-reference table"));

    const qsizetype trailerAt = pdf.indexOf("trailer", xrefAt);
    if (trailerAt < 0)
        return malformed(QStringLiteral("no trailer"));
    static const QRegularExpression infoRef(QStringLiteral("/Info\\s+(\\d+)\\s+0\\s+R"));
    const QRegularExpressionMatch infoMatch =
        infoRef.match(QString::fromLatin1(pdf.mid(trailerAt, startxrefAt - trailerAt)));
    if (!infoMatch.hasMatch())
        return malformed(QStringLiteral("no /Info in the trailer"));
    const int infoObject = infoMatch.captured(1).toInt();

    // Read the table: subsections of "first count" followed by 20-byte entries.
    struct Entry
    {
        qsizetype at; // where the entry's offset digits sit in the file
        qint64 offset;
        bool inUse;
        int object;
    };
    QList<Entry> entries;
    qsizetype pos = xrefAt + 4;
    auto skipSpace = [&] {
        while (pos < trailerAt
               && (pdf.at(pos) == '\n' || pdf.at(pos) == '\r' || pdf.at(pos) == ' '))
            ++pos;
    };
    skipSpace();
    while (pos < trailerAt) {
        const qsizetype lineEnd = pdf.indexOf('\n', pos);
        if (lineEnd < 0)
            return malformed(QStringLiteral("cut-off cross-reference table"));
        const QList<QByteArray> header = pdf.mid(pos, lineEnd - pos).trimmed().split(' ');
        if (header.size() != 2)
            return malformed(QStringLiteral("unreadable cross-reference subsection"));
        const int first = header.at(0).toInt();
        const int count = header.at(1).toInt();
        pos = lineEnd + 1;
        for (int i = 0; i < count; ++i) {
            if (pos + 20 > trailerAt)
                return malformed(QStringLiteral("cut-off cross-reference entry"));
            const QByteArray entry = pdf.mid(pos, 20);
            entries.append({pos, entry.left(10).toLongLong(), entry.at(17) == 'n', first + i});
            pos += 20;
        }
        skipSpace();
    }

    qint64 infoAt = -1;
    for (const Entry &entry : std::as_const(entries)) {
        if (entry.object == infoObject && entry.inUse)
            infoAt = entry.offset;
    }
    if (infoAt <= 0 || infoAt >= xrefAt)
        return malformed(QStringLiteral("the information dictionary is not in the table"));
    const qsizetype endobjAt = pdf.indexOf("endobj", infoAt);
    if (endobjAt < 0 || endobjAt > xrefAt)
        return malformed(QStringLiteral("the information dictionary is not closed"));
    const qsizetype oldEnd = endobjAt + 6;

    QByteArray info = QByteArray::number(infoObject) + " 0 obj\n<<\n";
    info += "/Title " + pdfString(title) + "\n";
    info += "/Author " + pdfString(author) + "\n";
    info += "/Subject " + pdfString(subject) + "\n";
    info += "/Creator " + pdfString(creator) + "\n";
    info += "/Producer " + pdfString(producer) + "\n";
    info += "/CreationDate " + pdfDate(created) + "\n";
    info += "/ModDate " + pdfDate(created) + "\n";
    info += ">>\nendobj";
    const qint64 delta = info.size() - (oldEnd - infoAt);

    QByteArray out;
    out.reserve(pdf.size() + delta + 16);
    out += pdf.left(infoAt);
    out += info;
    out += pdf.mid(oldEnd, startxrefAt - oldEnd);
    // Every object after the dictionary moved by delta; so did the table itself.
    for (const Entry &entry : std::as_const(entries)) {
        if (!entry.inUse || entry.offset <= infoAt)
            continue;
        const QByteArray digits = QByteArray::number(entry.offset + delta).rightJustified(10, '0');
        out.replace(entry.at + delta, 10, digits);
    }
    out += "startxref\n" + QByteArray::number(xrefAt + delta) + "\n%%EOF\n";
    return out;
}

} // namespace foidesk

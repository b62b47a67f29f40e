#include "importing/DocxLetterReader.h"

#include "importing/ZipArchive.h"

#include <QHash>
#include <QMap>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

namespace foidesk {

namespace {

// How one level of a Word list is numbered.
struct ListLevel
{
    QString format =
        u"decimal"_s;        // numFmt: decimal, lowerLetter, upperLetter, lowerRoman, bullet...
    QString text = u"%1."_s; // lvlText: "%1.", "%1)", "(%2)"
    int start = 1;
};

struct Numbering
{
    QHash<QString, QString> abstractOf;          // numId -> abstractNumId
    QHash<QString, QMap<int, ListLevel>> levels; // abstractNumId -> ilvl -> level
    QHash<QString, QMap<int, int>> counters;     // numId -> ilvl -> current number

    QString label(const QString &numId, int level);
};

QString roman(int n)
{
    static const std::pair<int, const char *> digits[] = {{1000, "m"},
                                                          {900, "cm"},
                                                          {500, "d"},
                                                          {400, "cd"},
                                                          {100, "c"},
                                                          {90, "xc"},
                                                          {50, "l"},
                                                          {40, "xl"},
                                                          {10, "x"},
                                                          {9, "ix"},
                                                          {5, "v"},
                                                          {4, "iv"},
                                                          {1, "i"}};
    QString out;
    for (const auto &[value, text] : digits) {
        while (n >= value && out.size() < 20) {
            out += QLatin1String(text);
            n -= value;
        }
    }
    return out;
}

QString formatNumber(const QString &format, int n)
{
    if (format == u"lowerLetter"_s || format == u"upperLetter"_s) {
        QString letters;
        for (int i = std::max(n, 1); i > 0; i = (i - 1) / 26)
            letters.prepend(QChar(u'a' + (i - 1) % 26));
        return format == u"upperLetter"_s ? letters.toUpper() : letters;
    }
    if (format == u"lowerRoman"_s)
        return roman(n);
    if (format == u"upperRoman"_s)
        return roman(n).toUpper();
    return QString::number(n);
}

QString Numbering::label(const QString &numId, int level)
{
    const auto levelsIt = levels.constFind(abstractOf.value(numId));
    if (levelsIt == levels.constEnd() || level < 0 || level > 8)
        return {};
    const QMap<int, ListLevel> &defs = *levelsIt;
    const ListLevel def = defs.value(level);
    if (def.format == u"bullet"_s)
        return u"\u2022"_s;
    if (def.format == u"none"_s)
        return {};
    QMap<int, int> &count = counters[numId];
    count[level] = count.contains(level) ? count[level] + 1 : def.start;
    for (auto it = count.begin(); it != count.end();) {
        if (it.key() > level)
            it = count.erase(it);
        else
            ++it;
    }
    QString text = def.text;
    for (int l = 0; l <= level; ++l) {
        const ListLevel levelDef = defs.value(l);
        text.replace(u'%' + QString::number(l + 1),
                     formatNumber(levelDef.format, count.value(l, levelDef.start)));
    }
    return text;
}

QString attribute(const QXmlStreamReader &xml, const char *name)
{
    for (const QXmlStreamAttribute &a : xml.attributes()) {
        if (a.name() == QLatin1String(name))
            return a.value().toString();
    }
    return {};
}

Numbering readNumbering(const QByteArray &xmlBytes)
{
    Numbering numbering;
    QXmlStreamReader xml(xmlBytes);
    QString abstractId;
    QString numId;
    int level = -1;
    while (!xml.atEnd() && xml.readNext() != QXmlStreamReader::Invalid) {
        if (!xml.isStartElement())
            continue;
        const QStringView name = xml.name();
        if (name == u"abstractNum") {
            abstractId = attribute(xml, "abstractNumId");
            numId.clear();
        } else if (name == u"num") {
            numId = attribute(xml, "numId");
        } else if (name == u"abstractNumId" && !numId.isEmpty()) {
            numbering.abstractOf.insert(numId, attribute(xml, "val"));
        } else if (name == u"lvl" && !abstractId.isEmpty()) {
            level = attribute(xml, "ilvl").toInt();
        } else if (level >= 0 && !abstractId.isEmpty()) {
            ListLevel &def = numbering.levels[abstractId][level];
            if (name == u"numFmt")
                def.format = attribute(xml, "val");
            else if (name == u"lvlText")
                def.text = attribute(xml, "val");
            else if (name == u"start")
                def.start = std::clamp(attribute(xml, "val").toInt(), 0, 10000);
        }
    }
    return numbering;
}

// One pass over word/document.xml.
class DocumentWalker
{
public:
    DocumentWalker(LetterSource *source, Numbering *numbering)
        : m_source(source)
        , m_numbering(numbering)
    {}

    bool walk(const QByteArray &xmlBytes, QString *error);

    bool deletions = false;
    bool hidden = false;
    bool comments = false;

private:
    void start(QXmlStreamReader &xml);
    void end(QStringView name);

    LetterSource *m_source;
    Numbering *m_numbering;
    QString m_paragraph;
    QString m_style;
    QString m_numId;
    int m_level = 0;
    int m_deleted = 0; // depth inside w:del / w:moveFrom
    bool m_inRunProps = false;
    bool m_inParagraphProps = false; // w:pPr holds tab stops, which are not text
    bool m_runHidden = false;
    bool m_inText = false;
};

bool DocumentWalker::walk(const QByteArray &xmlBytes, QString *error)
{
    QXmlStreamReader xml(xmlBytes);
    while (!xml.atEnd()) {
        switch (xml.readNext()) {
        case QXmlStreamReader::StartElement:
            start(xml);
            break;
        case QXmlStreamReader::EndElement:
            end(xml.name());
            break;
        case QXmlStreamReader::Characters:
            if (m_inText) {
                if (m_deleted > 0)
                    deletions = true;
                else if (m_runHidden)
                    hidden = hidden || !xml.text().trimmed().isEmpty();
                else
                    m_paragraph += xml.text();
            }
            break;
        default:
            break;
        }
    }
    if (xml.hasError()) {
        *error = DocxLetterReader::tr("the Word document's text is damaged (line %1: %2)")
                     .arg(xml.lineNumber())
                     .arg(xml.errorString());
        return false;
    }
    return true;
}

void DocumentWalker::start(QXmlStreamReader &xml)
{
    const QStringView name = xml.name();
    if (name == u"p") {
        m_paragraph.clear();
        m_style.clear();
        m_numId.clear();
        m_level = 0;
    } else if (name == u"del" || name == u"moveFrom") {
        ++m_deleted;
    } else if (name == u"delText") {
        deletions = true;
    } else if (name == u"r") {
        m_runHidden = false;
    } else if (name == u"rPr") {
        m_inRunProps = true;
    } else if (name == u"pPr") {
        m_inParagraphProps = true;
    } else if (name == u"vanish" && m_inRunProps) {
        const QString val = attribute(xml, "val");
        m_runHidden = val.isEmpty() || (val != u"0"_s && val != u"false"_s);
    } else if (name == u"t") {
        m_inText = true;
    } else if (name == u"tab") {
        if (m_deleted == 0 && !m_runHidden && !m_inRunProps && !m_inParagraphProps)
            m_paragraph += u'\t';
    } else if (name == u"br" || name == u"cr") {
        if (m_deleted == 0 && !m_runHidden)
            m_paragraph += u'\n';
    } else if (name == u"pStyle") {
        m_style = attribute(xml, "val");
    } else if (name == u"numId") {
        m_numId = attribute(xml, "val");
    } else if (name == u"ilvl") {
        m_level = attribute(xml, "val").toInt();
    } else if (name == u"commentRangeStart" || name == u"commentReference") {
        comments = true;
    }
}

void DocumentWalker::end(QStringView name)
{
    if (name == u"t") {
        m_inText = false;
    } else if (name == u"rPr") {
        m_inRunProps = false;
    } else if (name == u"pPr") {
        m_inParagraphProps = false;
    } else if (name == u"r") {
        m_runHidden = false;
    } else if (name == u"del" || name == u"moveFrom") {
        m_deleted = std::max(0, m_deleted - 1);
    } else if (name == u"p") {
        const QString style = m_style.toLower();
        if (style.startsWith(u"heading"_s) || style == u"title"_s) {
            const int level = style == u"title"_s ? 1 : std::clamp(style.mid(7).toInt(), 1, 6);
            m_source->append(SourceBlock::Kind::Heading, m_paragraph, level);
        } else if (!m_numId.isEmpty() && m_numId != u"0"_s && !m_paragraph.trimmed().isEmpty()) {
            const QString label = m_numbering->label(m_numId, m_level);
            m_source->append(SourceBlock::Kind::ListItem,
                             label.isEmpty() ? m_paragraph : label + u' ' + m_paragraph.trimmed());
        } else {
            m_source->append(SourceBlock::Kind::Paragraph, m_paragraph);
        }
        m_paragraph.clear();
    }
}

} // namespace

Result<LetterSource> DocxLetterReader::read(const QByteArray &bytes)
{
    const Result<ZipArchive> zip = ZipArchive::open(bytes);
    if (!zip)
        return zip.error();
    if (!zip->contains(u"word/document.xml"_s)) {
        return Error(ErrorKind::BadInput,
                     tr("this zip archive is not a Word document (it has no word/document.xml)"));
    }
    Numbering numbering;
    if (zip->contains(u"word/numbering.xml"_s)) {
        const Result<QByteArray> xml = zip->read(u"word/numbering.xml"_s);
        if (!xml)
            return xml.error();
        numbering = readNumbering(*xml);
    }
    const Result<QByteArray> document = zip->read(u"word/document.xml"_s);
    if (!document)
        return document.error();

    LetterSource source;
    source.format = u"docx"_s;
    DocumentWalker walker(&source, &numbering);
    QString error;
    if (!walker.walk(*document, &error))
        return Error(ErrorKind::BadInput, error);
    if (walker.deletions) {
        source.notes.append(tr("The document has tracked deletions; deleted text was not "
                               "imported. Check whether it held withheld information."));
    }
    if (walker.hidden) {
        source.notes.append(tr("The document has hidden text; it was not imported. Check "
                               "whether it held withheld information."));
    }
    if (walker.comments || zip->contains(u"word/comments.xml"_s)) {
        source.notes.append(tr("The document has comments; they were not imported. Check "
                               "whether they held withheld information."));
    }
    return source;
}

} // namespace foidesk

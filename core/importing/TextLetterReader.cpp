#include "importing/TextLetterReader.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace foidesk {

namespace {

const QRegularExpression &headingPattern()
{
    static const QRegularExpression pattern(u"^\\s{0,3}(#{1,6})\\s+(.*?)\\s*#*\\s*$"_s);
    return pattern;
}

// A short line standing alone, capitalised and without closing punctuation: "Response",
// "Further information", "Refusal Notice Section 40(2)".
bool looksLikeHeading(const QString &paragraph)
{
    if (paragraph.contains(u'\n') || paragraph.size() > 60 || paragraph.size() < 3)
        return false;
    const QChar first = paragraph.at(0);
    if (!first.isLetter() || !first.isUpper())
        return false;
    const QChar last = paragraph.back();
    if (last == u'.' || last == u',' || last == u';' || last == u'?' || last == u':')
        return false;
    static const QRegularExpression notHeading(
        u"^(Dear|Yours|Kind regards|Regards|Many thanks|Thank you)\\b|@|https?://"_s,
        QRegularExpression::CaseInsensitiveOption);
    return !notHeading.match(paragraph).hasMatch() && !TextLetterReader::startsListItem(paragraph);
}

} // namespace

bool TextLetterReader::startsListItem(const QString &line)
{
    static const QRegularExpression pattern(
        u"^\\s*(?:[-*\\x{2022}\\x{2013}\\x{2014}\\x{00B7}\\x{25AA}\\x{25CF}\\x{25E6}]\\s+"
        "|\\(?[0-9]{1,3}[a-z]?[.)]\\s*\\S|\\([a-zA-Z]{1,4}\\)\\s*\\S|[a-zA-Z][.)]\\s+\\S"
        "|(?:Q|Question\\s*)[0-9]{1,3}[a-z]?\\b)"_s);
    return pattern.match(line).hasMatch();
}

QString TextLetterReader::stripInlineMarkup(QString line)
{
    static const QRegularExpression link(u"\\[([^\\]\\n]*)\\]\\([^)\\s]*\\)"_s);
    static const QRegularExpression autoLink(u"<((?:https?://|mailto:)[^>\\s]+)>"_s);
    static const QRegularExpression htmlTag(u"</?[a-zA-Z][^>\\n]*>"_s);
    static const QRegularExpression strong(u"\\*{2,}|_{2,}(?=\\S)|(?<=\\S)_{2,}"_s);
    line.replace(link, u"\\1"_s);
    line.replace(autoLink, u"\\1"_s);
    line.replace(htmlTag, QString());
    line.replace(strong, QString());
    line.replace(u"\\*"_s, u"*"_s);
    line.replace(u"\\_"_s, u"_"_s);
    line.replace(u"\\#"_s, u"#"_s);
    return line;
}

LetterSource TextLetterReader::read(const QString &input, const QString &format)
{
    LetterSource source;
    source.format = format;
    QString text = input;
    text.replace(u"\r\n"_s, u"\n"_s);
    text.replace(u'\r', u'\n');
    text.replace(QChar(0x00A0), u' ');

    QStringList paragraph;
    auto flush = [&]() {
        const QString joined = paragraph.join(u'\n').trimmed();
        paragraph.clear();
        if (joined.isEmpty())
            return;
        if (looksLikeHeading(joined))
            source.append(SourceBlock::Kind::Heading, joined);
        else if (startsListItem(joined))
            source.append(SourceBlock::Kind::ListItem, joined);
        else
            source.append(SourceBlock::Kind::Paragraph, joined);
    };

    const QStringList lines = text.split(u'\n');
    for (const QString &raw : lines) {
        const QRegularExpressionMatch heading = headingPattern().match(raw);
        if (heading.hasMatch()) {
            flush();
            source.append(SourceBlock::Kind::Heading,
                          stripInlineMarkup(heading.captured(2)),
                          int(heading.captured(1).size()));
            continue;
        }
        const QString line = stripInlineMarkup(raw).trimmed();
        if (line.isEmpty()) {
            flush();
            continue;
        }
        if (!paragraph.isEmpty() && startsListItem(line))
            flush();
        paragraph.append(line);
    }
    flush();
    return source;
}

} // namespace foidesk

#include "importing/HtmlLetterReader.h"

#include <QHash>
#include <QList>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace foidesk {

namespace {

struct ListState
{
    bool ordered = false;
    int next = 1;
};

bool isBlockTag(const QString &tag)
{
    static const QStringList tags = {
        u"p"_s,       u"div"_s,    u"li"_s,     u"tr"_s,         u"td"_s,  u"th"_s,
        u"table"_s,   u"ul"_s,     u"ol"_s,     u"blockquote"_s, u"pre"_s, u"section"_s,
        u"article"_s, u"header"_s, u"footer"_s, u"h1"_s,         u"h2"_s,  u"h3"_s,
        u"h4"_s,      u"h5"_s,     u"h6"_s,     u"body"_s,       u"dd"_s,  u"dt"_s,
        u"address"_s, u"hr"_s,     u"main"_s,   u"caption"_s};
    return tags.contains(tag);
}

// Collapses HTML white space the way a browser does, keeping the line breaks <br> made.
QString collapse(const QString &text)
{
    QString out;
    out.reserve(text.size());
    bool space = false;
    for (const QChar c : text) {
        if (c == QChar(0x2028)) { // a <br>, kept as a line break
            while (out.endsWith(u' '))
                out.chop(1);
            out += u'\n';
            space = false;
            continue;
        }
        if (c.isSpace() && c != QChar(0x00A0)) {
            space = true;
            continue;
        }
        if (space && !out.isEmpty() && !out.endsWith(u'\n'))
            out += u' ';
        space = false;
        out += (c == QChar(0x00A0)) ? u' ' : c;
    }
    return out.trimmed();
}

QString decodeEntities(const QString &text)
{
    if (!text.contains(u'&'))
        return text;
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == u'&') {
            const qsizetype semi = text.indexOf(u';', i + 1);
            if (semi > i + 1 && semi - i <= 10) {
                const QString decoded =
                    HtmlLetterReader::entity(QStringView(text).mid(i + 1, semi - i - 1));
                if (!decoded.isEmpty()) {
                    out += decoded;
                    i = semi;
                    continue;
                }
            }
        }
        out += text.at(i);
    }
    return out;
}

} // namespace

QString HtmlLetterReader::entity(QStringView name)
{
    if (name.startsWith(u'#')) {
        bool ok = false;
        const uint code = (name.size() > 1 && (name.at(1) == u'x' || name.at(1) == u'X'))
                              ? name.mid(2).toUInt(&ok, 16)
                              : name.mid(1).toUInt(&ok, 10);
        if (!ok || code == 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
            return {};
        const char32_t c = code;
        return QString::fromUcs4(&c, 1);
    }
    static const QHash<QString, QString> named = {
        {u"amp"_s, u"&"_s},
        {u"lt"_s, u"<"_s},
        {u"gt"_s, u">"_s},
        {u"quot"_s, u"\""_s},
        {u"apos"_s, u"'"_s},
        {u"nbsp"_s, QString(QChar(0xA0))},
        {u"pound"_s, u"\u00A3"_s},
        {u"euro"_s, u"\u20AC"_s},
        {u"ndash"_s, u"\u2013"_s},
        {u"mdash"_s, u"\u2014"_s},
        {u"lsquo"_s, u"\u2018"_s},
        {u"rsquo"_s, u"\u2019"_s},
        {u"ldquo"_s, u"\u201C"_s},
        {u"rdquo"_s, u"\u201D"_s},
        {u"hellip"_s, u"\u2026"_s},
        {u"bull"_s, u"\u2022"_s},
        {u"copy"_s, u"\u00A9"_s},
        {u"middot"_s, u"\u00B7"_s},
    };
    return named.value(name.toString());
}

LetterSource HtmlLetterReader::read(const QString &html)
{
    LetterSource source;
    source.format = u"html"_s;

    // Parts that are never letter text.
    static const QRegularExpression hidden(
        u"<!--.*?-->|<![^>]*>|<\\?[^>]*\\?>|<(script|style|head|noscript|template)\\b[^>]*>.*?</\\1\\s*>"_s,
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    QString body = html;
    body.remove(hidden);

    static const QRegularExpression tagPattern(u"<(/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>"_s);
    QList<ListState> lists;
    QString pending;
    SourceBlock::Kind kind = SourceBlock::Kind::Paragraph;
    int level = 0;
    auto flush = [&]() {
        const QString text = collapse(decodeEntities(pending));
        pending.clear();
        source.append(kind, text, level);
        kind = SourceBlock::Kind::Paragraph;
        level = 0;
    };

    qsizetype position = 0;
    QRegularExpressionMatchIterator it = tagPattern.globalMatch(body);
    while (it.hasNext()) {
        const QRegularExpressionMatch tag = it.next();
        pending += body.mid(position, tag.capturedStart() - position);
        position = tag.capturedEnd();
        const bool closing = !tag.captured(1).isEmpty();
        const QString name = tag.captured(2).toLower();
        if (name == u"br"_s) {
            pending += QChar(0x2028);
            continue;
        }
        if (!isBlockTag(name))
            continue;
        flush();
        if (name == u"ul"_s || name == u"ol"_s) {
            if (closing) {
                if (!lists.isEmpty())
                    lists.removeLast();
            } else {
                static const QRegularExpression start(u"start\\s*=\\s*\"?([0-9]{1,4})"_s);
                const QRegularExpressionMatch startMatch = start.match(tag.captured(3));
                lists.append(
                    {name == u"ol"_s, startMatch.hasMatch() ? startMatch.captured(1).toInt() : 1});
            }
        } else if (!closing && name == u"li"_s) {
            kind = SourceBlock::Kind::ListItem;
            if (!lists.isEmpty() && lists.last().ordered)
                pending = QString::number(lists.last().next++) + u". "_s;
            else
                pending = u"- "_s;
        } else if (!closing && name.size() == 2 && name.at(0) == u'h' && name.at(1).isDigit()) {
            kind = SourceBlock::Kind::Heading;
            level = name.at(1).digitValue();
        }
    }
    pending += body.mid(position);
    flush();
    return source;
}

} // namespace foidesk

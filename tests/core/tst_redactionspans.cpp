#include "editing/RequestDocument.h"
#include "redaction/RedactionSpans.h"
#include "release/WithheldText.h"

#include <QTest>

using namespace foidesk;
using namespace Qt::StringLiterals;

namespace {

// Spans written compactly for the tables: "start,length,exemption" separated by ";".
QList<Redaction> spans(const QString &text)
{
    QList<Redaction> out;
    for (const QString &part : text.split(u';', Qt::SkipEmptyParts)) {
        const QStringList fields = part.split(u',');
        out.append({fields.at(0).toLongLong(), fields.at(1).toLongLong(), fields.at(2)});
    }
    return out;
}

QString describe(const QList<Redaction> &list)
{
    QStringList parts;
    for (const Redaction &span : list)
        parts.append(u"%1,%2,%3"_s.arg(span.start).arg(span.length).arg(span.exemption));
    return parts.join(u';');
}

QStringList coveredTexts(const QString &text, const QList<Redaction> &list)
{
    QStringList out;
    for (const Redaction &span : list)
        out.append(text.mid(span.start, span.length));
    return out;
}

// U+1F600 and U+1F601 share their high surrogate (D83D), which is what makes them a trap for
// code that compares UTF-16 units.
const QString grinning = u"\U0001F600"_s;
const QString beaming = u"\U0001F601"_s;

} // namespace

// A redaction span is the officer's promise that a passage never leaves the building: these
// tables check that spans merge, split and follow their text exactly as documented.
class TestRedactionSpans : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void normalized_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<int>("textLength");
        QTest::addColumn<QString>("expected");

        QTest::newRow("nothing") << QString() << 20 << QString();
        QTest::newRow("sorted by start") << u"5,2,a;0,2,a"_s << 20 << u"0,2,a;5,2,a"_s;
        QTest::newRow("same exemption overlapping merge") << u"0,5,a;3,5,a"_s << 20 << u"0,8,a"_s;
        QTest::newRow("same exemption touching merge") << u"0,3,a;3,3,a"_s << 20 << u"0,6,a"_s;
        QTest::newRow("same exemption inside merges away")
            << u"0,10,a;2,3,a"_s << 20 << u"0,10,a"_s;
        QTest::newRow("three touching in any order merge")
            << u"6,2,a;0,3,a;3,3,a"_s << 20 << u"0,8,a"_s;
        QTest::newRow("different exemptions touching stay apart")
            << u"0,3,a;3,3,b"_s << 20 << u"0,3,a;3,3,b"_s;
        QTest::newRow("later overlapping takes the shared part")
            << u"0,5,a;3,5,b"_s << 20 << u"0,3,a;3,5,b"_s;
        QTest::newRow("later starting first takes the shared part")
            << u"3,5,a;0,5,b"_s << 20 << u"0,5,b;5,3,a"_s;
        QTest::newRow("later inside splits the earlier")
            << u"0,10,a;3,2,b"_s << 20 << u"0,3,a;3,2,b;5,5,a"_s;
        QTest::newRow("later covering replaces the earlier")
            << u"2,2,a;0,10,b"_s << 20 << u"0,10,b"_s;
        QTest::newRow("split then restored merges again")
            << u"0,10,a;3,2,b;3,2,a"_s << 20 << u"0,10,a"_s;
        QTest::newRow("empty span dropped") << u"3,0,a"_s << 20 << QString();
        QTest::newRow("negative length dropped") << u"3,-2,a"_s << 20 << QString();
        QTest::newRow("past the end clipped") << u"15,10,a"_s << 20 << u"15,5,a"_s;
        QTest::newRow("wholly past the end dropped") << u"25,3,a"_s << 20 << QString();
        QTest::newRow("before the start clipped") << u"-3,5,a"_s << 20 << u"0,2,a"_s;
        QTest::newRow("at the very start and end") << u"0,2,a;18,2,a"_s << 20 << u"0,2,a;18,2,a"_s;
        QTest::newRow("the whole text") << u"0,20,a"_s << 20 << u"0,20,a"_s;
        QTest::newRow("empty text drops everything") << u"0,3,a"_s << 0 << QString();
    }

    void normalized()
    {
        QFETCH(QString, input);
        QFETCH(int, textLength);
        QFETCH(QString, expected);
        const QList<Redaction> result = redaction::normalized(spans(input), textLength);
        QCOMPARE(describe(result), expected);
        // Normalizing twice changes nothing.
        QCOMPARE(describe(redaction::normalized(result, textLength)), expected);
    }

    void normalizedKeepsWholeCharacters_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");

        // "ab" + U+1F600 (units 2 and 3) + "cd"
        const QString text = u"ab"_s + grinning + u"cd"_s;
        QTest::newRow("starts inside a pair") << text << u"3,2,a"_s << u"2,3,a"_s;
        QTest::newRow("ends inside a pair") << text << u"1,2,a"_s << u"1,3,a"_s;
        QTest::newRow("high half only") << text << u"2,1,a"_s << u"2,2,a"_s;
        QTest::newRow("low half only") << text << u"3,1,a"_s << u"2,2,a"_s;
        QTest::newRow("whole character unchanged") << text << u"2,2,a"_s << u"2,2,a"_s;
        QTest::newRow("halves under two exemptions: later wins whole")
            << text << u"2,1,a;3,1,b"_s << u"2,2,b"_s;
        QTest::newRow("cut by another exemption inside a pair")
            << text << u"0,6,a;3,1,b"_s << u"0,2,a;2,2,b;4,2,a"_s;
        QTest::newRow("Welsh letters are single units")
            << u"Ŵyn ŷd"_s << u"0,1,a;4,1,b"_s << u"0,1,a;4,1,b"_s;
    }

    void normalizedKeepsWholeCharacters()
    {
        QFETCH(QString, text);
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QCOMPARE(describe(redaction::normalized(spans(input), text)), expected);
    }

    void added_data()
    {
        QTest::addColumn<QString>("existing");
        QTest::addColumn<QString>("span");
        QTest::addColumn<QString>("expected");

        QTest::newRow("to nothing") << QString() << u"2,3,a"_s << u"2,3,a"_s;
        QTest::newRow("adjacent same exemption") << u"0,2,a"_s << u"2,3,a"_s << u"0,5,a"_s;
        QTest::newRow("overlapping same exemption") << u"0,4,a"_s << u"2,3,a"_s << u"0,5,a"_s;
        QTest::newRow("bridging two of the same") << u"0,2,a;5,2,a"_s << u"1,5,a"_s << u"0,7,a"_s;
        QTest::newRow("another exemption over part")
            << u"0,10,a"_s << u"0,4,b"_s << u"0,4,b;4,6,a"_s;
        QTest::newRow("another exemption over all") << u"2,3,a"_s << u"0,10,b"_s << u"0,10,b"_s;
        QTest::newRow("past the end clipped") << QString() << u"18,5,a"_s << u"18,2,a"_s;
        QTest::newRow("empty adds nothing") << u"1,1,a"_s << u"5,0,a"_s << u"1,1,a"_s;
    }

    void added()
    {
        QFETCH(QString, existing);
        QFETCH(QString, span);
        QFETCH(QString, expected);
        const QList<Redaction> result =
            redaction::added(spans(existing), spans(span).constFirst(), 20);
        QCOMPARE(describe(result), expected);
    }

    void cleared_data()
    {
        QTest::addColumn<QString>("existing");
        QTest::addColumn<int>("start");
        QTest::addColumn<int>("length");
        QTest::addColumn<QString>("expected");

        QTest::newRow("middle splits") << u"0,10,a"_s << 3 << 2 << u"0,3,a;5,5,a"_s;
        QTest::newRow("whole span") << u"2,3,a"_s << 2 << 3 << QString();
        QTest::newRow("more than the span") << u"2,3,a"_s << 0 << 10 << QString();
        QTest::newRow("start edge") << u"2,5,a"_s << 0 << 4 << u"4,3,a"_s;
        QTest::newRow("end edge") << u"2,5,a"_s << 5 << 10 << u"2,3,a"_s;
        QTest::newRow("elsewhere") << u"2,3,a"_s << 10 << 2 << u"2,3,a"_s;
        QTest::newRow("across two exemptions") << u"0,3,a;5,3,b"_s << 2 << 4 << u"0,2,a;6,2,b"_s;
        QTest::newRow("empty range") << u"2,3,a"_s << 3 << 0 << u"2,3,a"_s;
    }

    void cleared()
    {
        QFETCH(QString, existing);
        QFETCH(int, start);
        QFETCH(int, length);
        QFETCH(QString, expected);
        QCOMPARE(describe(redaction::cleared(spans(existing), start, length, 20)), expected);
    }

    void adjustedForEdit_data()
    {
        QTest::addColumn<QString>("oldText");
        QTest::addColumn<QString>("oldSpans");
        QTest::addColumn<QString>("newText");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QStringList>("expectedTexts");

        const QString ask = u"Ask John Smith today"_s; // "John Smith" is 4..14
        const QString name = u"4,10,a"_s;
        const QStringList john{u"John Smith"_s};

        QTest::newRow("unchanged") << ask << name << ask << name << john;
        QTest::newRow("typed before")
            << ask << name << u"So: Ask John Smith today"_s << u"8,10,a"_s << john;
        QTest::newRow("typed after")
            << ask << name << u"Ask John Smith today, please"_s << name << john;
        QTest::newRow("typed at the start edge")
            << ask << name << u"Ask Mr John Smith today"_s << u"7,10,a"_s << john;
        QTest::newRow("typed at the end edge")
            << ask << name << u"Ask John Smithson today"_s << name << john;
        QTest::newRow("typed inside joins") << ask << name << u"Ask John A Smith today"_s
                                            << u"4,12,a"_s << QStringList{u"John A Smith"_s};
        QTest::newRow("deleted inside shrinks")
            << ask << name << u"Ask Jo Smith today"_s << u"4,8,a"_s << QStringList{u"Jo Smith"_s};
        QTest::newRow("deleted its first characters")
            << ask << name << u"Ask hn Smith today"_s << u"4,8,a"_s << QStringList{u"hn Smith"_s};
        QTest::newRow("deleted its last characters")
            << ask << name << u"Ask John Smi today"_s << u"4,8,a"_s << QStringList{u"John Smi"_s};
        QTest::newRow("deleted with the text around it")
            << ask << name << u"Ask today"_s << QString() << QStringList();
        QTest::newRow("deleted exactly")
            << ask << name << u"Ask  today"_s << QString() << QStringList();
        QTest::newRow("replaced inside joins") << ask << name << u"Ask Jane Smith today"_s
                                               << u"4,10,a"_s << QStringList{u"Jane Smith"_s};
        QTest::newRow("selection over the start edge replaced")
            << ask << name << u"Tellhn Smith today"_s << u"4,8,a"_s << QStringList{u"hn Smith"_s};
        QTest::newRow("selection over the end edge replaced")
            << ask << name << u"Ask John X"_s << u"4,5,a"_s << QStringList{u"John "_s};
        QTest::newRow("everything deleted")
            << ask << name << QString() << QString() << QStringList();
        QTest::newRow("span at the very start, typed before it")
            << u"John said no"_s << u"0,4,a"_s << u"Yes, John said no"_s << u"5,4,a"_s
            << QStringList{u"John"_s};
        QTest::newRow("span at the very end, typed after it")
            << u"Ask John"_s << u"4,4,a"_s << u"Ask John."_s << u"4,4,a"_s
            << QStringList{u"John"_s};
        QTest::newRow("two spans, typed between them")
            << u"Ann and Bob"_s << u"0,3,a;8,3,b"_s << u"Ann, then Bob"_s << u"0,3,a;10,3,b"_s
            << QStringList{u"Ann"_s, u"Bob"_s};
        QTest::newRow("typed between touching spans of two exemptions")
            << u"AnnBob"_s << u"0,3,a;3,3,b"_s << u"Ann Bob"_s << u"0,3,a;4,3,b"_s
            << QStringList{u"Ann"_s, u"Bob"_s};
        QTest::newRow("CRLF: a line typed above")
            << u"Name:\r\nJohn Smith\r\nEnd"_s << u"7,10,a"_s
            << u"Dear all\r\nName:\r\nJohn Smith\r\nEnd"_s << u"17,10,a"_s << john;
        QTest::newRow("LF: line break deleted before the span")
            << u"Name:\nJohn Smith"_s << u"6,10,a"_s << u"Name: John Smith"_s << u"6,10,a"_s
            << john;
        QTest::newRow("multi-line span: typed on its second line")
            << u"To:\nJohn\nSmith\nEnd"_s << u"4,10,a"_s << u"To:\nJohn\nR. Smith\nEnd"_s
            << u"4,13,a"_s << QStringList{u"John\nR. Smith"_s};
        QTest::newRow("multi-line span: typed at its end edge")
            << u"To:\nJohn\nSmith\nEnd"_s << u"4,10,a"_s << u"To:\nJohn\nSmithers\nEnd"_s
            << u"4,10,a"_s << QStringList{u"John\nSmith"_s};
        QTest::newRow("Welsh: typed inside")
            << u"Gan Dafydd ap Gwilym"_s << u"4,16,a"_s << u"Gan Dafydd ŵ ap Gwilym"_s
            << u"4,18,a"_s << QStringList{u"Dafydd ŵ ap Gwilym"_s};
        QTest::newRow("Welsh: typed before")
            << u"Ŵyn: Siân Ŵen"_s << u"5,8,a"_s << u"Ŵyn ŵyr: Siân Ŵen"_s << u"9,8,a"_s
            << QStringList{u"Siân Ŵen"_s};
        // a + U+1F600 + b + U+1F601 (units 4 and 5) + c
        const QString emoji = u"a"_s + grinning + u"b"_s + beaming + u"c"_s;
        QTest::newRow("astral character replaced by one sharing its high half")
            << emoji << u"4,2,a"_s << u"a"_s + grinning + u"b"_s + grinning + u"c"_s << QString()
            << QStringList();
        QTest::newRow("typed before an astral span sharing its high half")
            << u"a"_s + beaming << u"1,2,a"_s << u"a"_s + grinning + beaming << u"3,2,a"_s
            << QStringList{beaming};
        QTest::newRow("typed inside a span of astral characters")
            << emoji << u"1,5,a"_s << u"a"_s + grinning + u"xb"_s + beaming + u"c"_s << u"1,6,a"_s
            << QStringList{grinning + u"xb"_s + beaming};
        // Deleting or typing one of a run of equal characters could have happened anywhere in
        // the run: the reading that withholds the most is taken.
        QTest::newRow("equal letter before a span deleted")
            << u"xJJohn"_s << u"2,4,a"_s << u"xJohn"_s << u"1,4,a"_s << QStringList{u"John"_s};
        QTest::newRow("one of two equal withheld letters deleted")
            << u"aa"_s << u"1,1,a"_s << u"a"_s << u"0,1,a"_s << QStringList{u"a"_s};
        QTest::newRow("equal letter typed at the start edge")
            << u"x John"_s << u"2,4,a"_s << u"x JJohn"_s << u"2,5,a"_s << QStringList{u"JJohn"_s};
        QTest::newRow("one of two spaces after a span deleted")
            << u"Ask John  today"_s << u"4,5,a"_s << u"Ask John today"_s << u"4,5,a"_s
            << QStringList{u"John "_s};
        QTest::newRow("left with only white space")
            << u"Ask J today"_s << u"4,2,a"_s << u"Ask  today"_s << QString() << QStringList();
        QTest::newRow("white space withheld on its own stays when typed elsewhere")
            << u"a  b"_s << u"1,2,a"_s << u"a  bc"_s << u"1,2,a"_s << QStringList{u"  "_s};
        QTest::newRow("nothing withheld, something typed")
            << QString() << QString() << u"abc"_s << QString() << QStringList();
    }

    void adjustedForEdit()
    {
        QFETCH(QString, oldText);
        QFETCH(QString, oldSpans);
        QFETCH(QString, newText);
        QFETCH(QString, expected);
        QFETCH(QStringList, expectedTexts);

        // The table's spans are what they claim to cover.
        const QList<Redaction> before = spans(oldSpans);
        QCOMPARE(redaction::normalized(before, oldText), before);

        const QList<Redaction> after = redaction::adjustedForEdit(before, oldText, newText);
        QCOMPARE(describe(after), expected);
        QCOMPARE(coveredTexts(newText, after), expectedTexts);
    }

    void spansForText_data()
    {
        QTest::addColumn<QString>("answer");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");

        QTest::newRow("every occurrence") << u"John met John"_s << u"John"_s << u"0,4,a;9,4,a"_s;
        QTest::newRow("not found") << u"John met John"_s << u"Ann"_s << QString();
        QTest::newRow("empty text") << u"John"_s << QString() << QString();
        QTest::newRow("empty answer") << QString() << u"John"_s << QString();
        QTest::newRow("case-sensitive") << u"john John"_s << u"John"_s << u"5,4,a"_s;
        QTest::newRow("non-overlapping") << u"aaaaa"_s << u"aa"_s << u"0,2,a;2,2,a"_s;
        QTest::newRow("astral characters")
            << grinning + u"x"_s + grinning << grinning << u"0,2,a;3,2,a"_s;
        QTest::newRow("across a line break")
            << u"Ann\nLee and Ann\nLee"_s << u"Ann\nLee"_s << u"0,7,a;12,7,a"_s;
    }

    void spansForText()
    {
        QFETCH(QString, answer);
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QCOMPARE(describe(redaction::spansForText(answer, text, u"a"_s)), expected);
    }

    void withheldStringsOfAnAnswer_data()
    {
        QTest::addColumn<QString>("answer");
        QTest::addColumn<QString>("input");
        QTest::addColumn<QStringList>("expected");

        QTest::newRow("none") << u"Ann Lee"_s << QString() << QStringList();
        QTest::newRow("in order of appearance")
            << u"Bob and Ann"_s << u"8,3,a;0,3,b"_s << QStringList{u"Bob"_s, u"Ann"_s};
        QTest::newRow("repeats once")
            << u"Ann and Ann"_s << u"0,3,a;8,3,b"_s << QStringList{u"Ann"_s};
        QTest::newRow("past the end clipped") << u"Ann"_s << u"1,10,a"_s << QStringList{u"nn"_s};
    }

    void withheldStringsOfAnAnswer()
    {
        QFETCH(QString, answer);
        QFETCH(QString, input);
        QFETCH(QStringList, expected);
        QCOMPARE(redaction::withheldStrings(answer, spans(input)), expected);
    }

    void withheldStringsOfARequest_data()
    {
        QTest::addColumn<QStringList>("answers");
        QTest::addColumn<QList<int>>("dispositions");
        QTest::addColumn<QStringList>("questionSpans");
        QTest::addColumn<QStringList>("expected");

        const int answered = int(Disposition::Answered);
        const int part = int(Disposition::PartWithheld);
        const int withheld = int(Disposition::Withheld);

        QTest::newRow("nothing withheld") << QStringList{u"Ann Lee wrote"_s} << QList<int>{answered}
                                          << QStringList{QString()} << QStringList();
        QTest::newRow("same name in several answers")
            << QStringList{u"Ask John Smith"_s, u"John Smith replied"_s, u"No names"_s}
            << QList<int>{part, part, answered}
            << QStringList{u"4,10,s40(2)"_s, u"0,10,s40(2)"_s, QString()}
            << QStringList{u"John Smith"_s};
        QTest::newRow("order of appearance across answers")
            << QStringList{u"Bob, Ann"_s, u"Cy"_s} << QList<int>{part, part}
            << QStringList{u"0,3,s40(2);5,3,s43(2)"_s, u"0,2,s40(2)"_s}
            << QStringList{u"Bob"_s, u"Ann"_s, u"Cy"_s};
        QTest::newRow("padding trimmed, single characters left out")
            << QStringList{u"x John y"_s} << QList<int>{part}
            << QStringList{u"1,6,s40(2);7,1,s43(2)"_s} << QStringList{u"John"_s};
        QTest::newRow("neither confirmed nor denied: the officer's note stays internal")
            << QStringList{u"Case file held by Jo Bloggs"_s, u"Not held here"_s}
            << QList<int>{int(Disposition::NeitherConfirmNorDeny), int(Disposition::NotHeld)}
            << QStringList{QString(), QString()}
            << QStringList{u"Case file held by Jo Bloggs"_s};
        QTest::newRow("withheld in full, CRLF lines")
            << QStringList{u"Line one\r\nLine two\r\n\r\nX\r\n"_s} << QList<int>{withheld}
            << QStringList{QString()}
            << QStringList{u"Line one\r\nLine two\r\n\r\nX"_s, u"Line one"_s, u"Line two"_s};
        QTest::newRow("withheld in full, LF lines trimmed")
            << QStringList{u"  First line\n   Second line  "_s} << QList<int>{withheld}
            << QStringList{QString()}
            << QStringList{u"First line\n   Second line"_s, u"First line"_s, u"Second line"_s};
        QTest::newRow("withheld in full, one line")
            << QStringList{u"Ŵyn Jones, 01234 567890"_s} << QList<int>{withheld}
            << QStringList{QString()} << QStringList{u"Ŵyn Jones, 01234 567890"_s};
        QTest::newRow("multi-line span with its lines")
            << QStringList{u"To: Ann\nLee, Esq"_s} << QList<int>{part}
            << QStringList{u"4,7,s40(2)"_s} << QStringList{u"Ann\nLee"_s, u"Ann"_s, u"Lee"_s};
        QTest::newRow("astral characters kept whole")
            << QStringList{u"Sent "_s + grinning + grinning} << QList<int>{part}
            << QStringList{u"6,3,s40(2)"_s} << QStringList{grinning + grinning};
    }

    void withheldStringsOfARequest()
    {
        QFETCH(QStringList, answers);
        QFETCH(QList<int>, dispositions);
        QFETCH(QStringList, questionSpans);
        QFETCH(QStringList, expected);

        Request request;
        for (qsizetype i = 0; i < answers.size(); ++i) {
            Question q;
            q.text = u"Question?"_s;
            q.answer = answers.at(i);
            q.disposition = Disposition(dispositions.at(i));
            q.redactions = spans(questionSpans.at(i));
            request.questions.append(q);
        }
        QCOMPARE(WithheldText::strings(request), expected);
    }

    void isWithheld_data()
    {
        QTest::addColumn<int>("index");
        QTest::addColumn<bool>("expected");
        // Spans 2..5 and 8..9.
        QTest::newRow("before") << 1 << false;
        QTest::newRow("first character") << 2 << true;
        QTest::newRow("last character") << 4 << true;
        QTest::newRow("just after") << 5 << false;
        QTest::newRow("second span") << 8 << true;
        QTest::newRow("past the end") << 9 << false;
    }

    void isWithheld()
    {
        QFETCH(int, index);
        QFETCH(bool, expected);
        QCOMPARE(redaction::isWithheld(spans(u"2,3,a;8,1,b"_s), index), expected);
    }
};

QTEST_GUILESS_MAIN(TestRedactionSpans)
#include "tst_redactionspans.moc"

#include "LogGenerator.h"

#include <QLocale>
#include <QStringList>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace foidesk {

namespace {

constexpr int SpanDays = 5 * 365 + 1;

QString number(qint64 value)
{
    return QLocale(QLocale::English, QLocale::UnitedKingdom).toString(value);
}

const QString &pick(QRandomGenerator &rng, const QStringList &list)
{
    return list.at(rng.bounded(int(list.size())));
}

const QStringList &topics()
{
    static const QStringList list = {
        u"pothole repairs and compensation claims"_s,
        u"parking penalty charge notices"_s,
        u"agency and interim staff"_s,
        u"fly-tipping on council land"_s,
        u"temporary accommodation for homeless households"_s,
        u"home-to-school transport"_s,
        u"street tree planting and felling"_s,
        u"council tax arrears and enforcement agents"_s,
        u"library opening hours and visitor numbers"_s,
        u"noise complaints"_s,
        u"housing disrepair claims"_s,
        u"public toilet provision"_s,
        u"consultancy contracts"_s,
        u"cyber security incidents"_s,
        u"electric vehicle charging points"_s,
        u"adult social care waiting lists"_s,
        u"school exclusions"_s,
        u"graffiti removal"_s,
        u"licensing of houses in multiple occupation"_s,
        u"chatbots on the council website"_s,
        u"pest control visits"_s,
        u"legal costs of planning appeals"_s,
        u"staff sickness absence"_s,
        u"energy use in council buildings"_s,
        u"grass cutting in parks"_s,
    };
    return list;
}

const QStringList &officers()
{
    static const QStringList list = {
        u"Priya Natarajan"_s,
        u"Tom Ellery"_s,
        u"Grace Okonkwo"_s,
        u"Daniel Hughes"_s,
        u"Sofia Lindqvist"_s,
        u"Ahmed Rahman"_s,
        u"Helen Broadbent"_s,
        u"Marek Kowalczyk"_s,
        u"Ruth Adeyemi"_s,
        u"Owen Pritchard"_s,
        u"Leah Fitzgerald"_s,
        u"Sam O'Neill"_s,
    };
    return list;
}

QString capitalised(const QString &text)
{
    return text.isEmpty() ? text : text.left(1).toUpper() + text.mid(1);
}

QString requestTitle(QRandomGenerator &rng, const QString &topic, bool marked)
{
    static const QStringList scopes = {
        QString(),
        u", 2022 to 2024"_s,
        u" in 2023/24"_s,
        u": spending and contracts"_s,
        u" since 2020"_s,
        u": complaints and outcomes"_s,
    };
    if (marked)
        return capitalised(topic) + u" at the "_s + LogGenerator::markerText() + u" Road depot"_s;
    return capitalised(topic) + pick(rng, scopes);
}

QString questionText(QRandomGenerator &rng, const QString &topic)
{
    static const QStringList openers = {
        u"Please tell me"_s,
        u"Could you please provide"_s,
        u"I would like to know"_s,
        u"Please send me"_s,
        u"Please state"_s,
    };
    static const QStringList subjects = {
        u"how many complaints the council received about %1"_s,
        u"the total amount the council spent on %1, including payments to contractors"_s,
        u"the number of full-time equivalent staff who work on %1"_s,
        u"the names of the companies contracted for %1 and the value of each contract"_s,
        u"how many service requests about %1 were closed without any action being taken"_s,
        u"the number of cases about %1 that were escalated to a senior manager"_s,
    };
    static const QStringList breakdowns = {
        u"broken down by ward"_s,
        u"broken down by month"_s,
        u"split between cases resolved within 20 working days and those that took longer"_s,
        u"with the number upheld at review"_s,
        u"separated by the team responsible"_s,
    };
    static const QStringList periods = {
        u"for each of the financial years 2021/22, 2022/23 and 2023/24"_s,
        u"since 1 April 2020"_s,
        u"for the most recent twelve months for which you hold figures"_s,
        u"for the calendar years 2022 and 2023"_s,
    };
    static const QStringList extras = {
        u"If the figures are kept in a spreadsheet, please send them in that format rather "
        "than as a PDF."_s,
        u"If answering this in full would exceed the cost limit, please tell me which part to "
        "drop so that the rest can be answered."_s,
        u"I am not asking for personal information about individual residents or junior "
        "staff."_s,
        u"Where a figure is fewer than five, please say so rather than leaving out the whole "
        "table."_s,
    };
    QString text = pick(rng, openers) + u' ' + pick(rng, subjects).arg(topic) + u", "_s
                   + pick(rng, breakdowns) + u", "_s + pick(rng, periods) + u'.';
    if (rng.bounded(2) == 0)
        text += u' ' + pick(rng, extras);
    return text;
}

QString answerText(QRandomGenerator &rng)
{
    static const QStringList openings = {
        u"The council holds this information."_s,
        u"We hold some of the information you asked for."_s,
        u"Please see the figures below."_s,
    };
    static const QStringList caveats = {
        u"The figures come from the case management system and may differ slightly from those "
        "in the annual report, which was prepared earlier."_s,
        u"Figures for the current year are provisional until the accounts are closed."_s,
        u"Where fewer than five cases were recorded the exact number is not given, because it "
        "could identify the residents involved."_s,
        u"Some records before 2021 were kept on paper and are not included."_s,
    };
    const int cases = 20 + rng.bounded(4000);
    const int onTime = cases * (50 + rng.bounded(50)) / 100;
    const qint64 spent = 5000 + rng.bounded(900000);
    QString text = pick(rng, openings) + u" In the period requested the council recorded "_s
                   + number(cases) + u" cases, of which "_s + number(onTime)
                   + u" were resolved within 20 working days. The total spent was £"_s
                   + number(spent) + u", of which £"_s + number(spent * rng.bounded(100) / 100)
                   + u" was paid to external contractors."_s;
    if (rng.bounded(3) != 0)
        text += u' ' + pick(rng, caveats);
    return text;
}

Requester requester(QRandomGenerator &rng)
{
    static const QStringList firstNames = {
        u"Alice"_s,
        u"Ben"_s,
        u"Chloe"_s,
        u"Dev"_s,
        u"Emma"_s,
        u"Farid"_s,
        u"Gemma"_s,
        u"Harry"_s,
        u"Isla"_s,
        u"Jamal"_s,
        u"Kirsty"_s,
        u"Liam"_s,
        u"Maya"_s,
        u"Niall"_s,
        u"Olivia"_s,
        u"Patrick"_s,
        u"Rosa"_s,
        u"Stefan"_s,
    };
    static const QStringList lastNames = {
        u"Abbott"_s,
        u"Bennett"_s,
        u"Chaudhry"_s,
        u"Doyle"_s,
        u"Evans"_s,
        u"Foster"_s,
        u"Gill"_s,
        u"Hartley"_s,
        u"Iqbal"_s,
        u"Jenkins"_s,
        u"Kaur"_s,
        u"Lawson"_s,
        u"Mensah"_s,
        u"Nowak"_s,
        u"Osei"_s,
        u"Parry"_s,
        u"Quinn"_s,
        u"Reid"_s,
    };
    static const QStringList streets = {
        u"Elm Grove"_s,
        u"Station Road"_s,
        u"Church Lane"_s,
        u"Victoria Street"_s,
        u"Park Avenue"_s,
    };
    Requester person;
    const QString first = pick(rng, firstNames);
    const QString last = pick(rng, lastNames);
    person.name = first + u' ' + last;
    person.email = first.toLower() + u'.' + last.toLower() + QString::number(rng.bounded(100))
                   + u"@example.org"_s;
    if (rng.bounded(10) < 4) {
        person.address = QString::number(1 + rng.bounded(200)) + u' ' + pick(rng, streets)
                         + u"\nLondon N"_s + QString::number(1 + rng.bounded(22)) + u' '
                         + QString::number(1 + rng.bounded(9)) + u"AB"_s;
    }
    const int kind = rng.bounded(100);
    person.kind = kind < 70   ? RequesterKind::Individual
                  : kind < 82 ? RequesterKind::Journalist
                  : kind < 90 ? RequesterKind::Company
                  : kind < 96 ? RequesterKind::Campaign
                              : RequesterKind::Other;
    return person;
}

// Statuses spread as in a working log: most old requests answered, a few left open long past
// their deadline, and the recent ones still being worked on.
RequestStatus statusFor(QRandomGenerator &rng, qint64 ageDays)
{
    const int r = rng.bounded(1000);
    if (ageDays > 60) {
        return r < 915   ? RequestStatus::Sent
               : r < 955 ? RequestStatus::Closed
               : r < 985 ? RequestStatus::Withdrawn
               : r < 992 ? RequestStatus::InProgress
               : r < 996 ? RequestStatus::ClarificationSought
                         : RequestStatus::AwaitingReview;
    }
    if (ageDays > 30) {
        return r < 250   ? RequestStatus::InProgress
               : r < 400 ? RequestStatus::AwaitingReview
               : r < 450 ? RequestStatus::ClarificationSought
               : r < 950 ? RequestStatus::Sent
                         : RequestStatus::Withdrawn;
    }
    if (ageDays > 5) {
        return r < 100   ? RequestStatus::New
               : r < 600 ? RequestStatus::InProgress
               : r < 650 ? RequestStatus::ClarificationSought
               : r < 800 ? RequestStatus::AwaitingReview
                         : RequestStatus::Sent;
    }
    return r < 600 ? RequestStatus::New : RequestStatus::InProgress;
}

Request
generatedRequest(QRandomGenerator &rng, qint64 index, const QDate &received, const QDate &asOf)
{
    Request request;
    // References grow with time, as an authority's case numbers do.
    request.reference = QString::number(5000000 + index * 3 + rng.bounded(3));
    request.regime = rng.bounded(100) < 86 ? Regime::FOIA : Regime::EIR;
    const QString topic = pick(rng, topics());
    request.title = requestTitle(rng, topic, rng.bounded(100) == 0);
    request.received = received;
    request.requester = requester(rng);
    request.officer = pick(rng, officers());
    request.status = statusFor(rng, received.daysTo(asOf));
    const bool answered =
        request.status == RequestStatus::Sent || request.status == RequestStatus::Closed;
    if (answered) {
        const int held = rng.bounded(100);
        request.held = held < 55   ? Held::All
                       : held < 80 ? Held::Some
                       : held < 95 ? Held::None
                                   : Held::NeitherConfirmNorDeny;
        request.letterDate = std::min(asOf, received.addDays(5 + rng.bounded(26)));
    }
    const bool combined = answered && rng.bounded(100) < 3;
    if (combined) {
        request.combinedResponse = u"The answers to all three questions are in the attached "
                                   "spreadsheet, one sheet per question, with a note on how "
                                   "each figure was counted."_s;
    }

    static const QStringList sections = {
        u"Spending"_s, u"Contracts"_s, u"Staffing"_s, u"Performance"_s};
    const bool withSections = rng.bounded(5) == 0;
    const bool conditional = rng.bounded(100) < 15;
    const bool multipleChoice = rng.bounded(100) < 5;
    for (int i = 0; i < 3; ++i) {
        Question question;
        question.label = QString::number(i + 1) + u'.';
        if (withSections && i != 1)
            question.section = pick(rng, sections);
        if (conditional && i == 0) {
            question.text = u"Does the council have a written policy on "_s + topic + u'?';
        } else if (conditional && i == 1) {
            question.condition = u"If yes:"_s;
            question.text = u"please send a copy of the current version and say when a senior "
                            "officer last reviewed it."_s;
        } else if (multipleChoice && i == 2) {
            question.text =
                u"How often does the council review its arrangements for "_s + topic + u'?';
            question.choices = {u"Monthly"_s,
                                u"Quarterly"_s,
                                u"Annually"_s,
                                u"Less often than annually"_s,
                                u"It does not review them"_s};
        } else {
            question.text = questionText(rng, topic);
        }
        if (answered && !combined)
            question.answer = answerText(rng);
        request.questions.append(question);
    }
    return request;
}

} // namespace

LogGenerator::LogGenerator(int requests, quint32 seed, const QDate &asOf)
    : m_rng(seed)
    , m_asOf(asOf)
{
    m_received.reserve(std::max(0, requests));
    for (int i = 0; i < requests; ++i)
        m_received.append(asOf.addDays(-m_rng.bounded(SpanDays)));
    std::sort(m_received.begin(), m_received.end());
}

QString LogGenerator::markerText()
{
    return u"Marlowe"_s;
}

Request LogGenerator::next()
{
    const qsizetype index = m_next++;
    return generatedRequest(m_rng, index, m_received.at(index), m_asOf);
}

} // namespace foidesk

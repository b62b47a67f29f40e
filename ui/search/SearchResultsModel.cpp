#include "search/SearchResultsModel.h"

#include "model/RequestEnums.h"
#include "store/Store.h"

#include <QHash>
#include <QLocale>

namespace foidesk {

namespace {

QStringList pieces(const SearchText &text, const QList<SearchText::Range> &ranges)
{
    QStringList result;
    for (const SearchText::Range &range : ranges)
        result.append(text.text.mid(range.start, range.length));
    return result;
}

// A whole answer that the letter leaves out: withheld in full, or neither confirmed nor denied.
bool answerLeftOut(const Question &question)
{
    return question.disposition == Disposition::Withheld
           || question.disposition == Disposition::NeitherConfirmNorDeny;
}

// Marks what the row shows of question's withheld text, and returns the exemptions it is
// withheld under. The store marks the redacted passages; an answer withheld in full is marked
// here whole.
QStringList withheldIn(SearchHit &hit, const Question &question)
{
    QStringList exemptions;
    const auto add = [&exemptions](const QString &code) {
        if (!code.isEmpty() && !exemptions.contains(code))
            exemptions.append(code);
    };
    if (answerLeftOut(question) && !hit.detail.isEmpty()) {
        hit.detail.withheld = {{0, hit.detail.text.size()}};
        for (const QString &code : question.exemptions)
            add(code);
        return exemptions;
    }
    for (const QString &piece : pieces(hit.detail, hit.detail.withheld)) {
        for (const Redaction &redaction : question.redactions) {
            if (question.answer.mid(redaction.start, redaction.length).contains(piece))
                add(redaction.exemption);
        }
    }
    return exemptions;
}

} // namespace

SearchResultsModel::SearchResultsModel(QObject *parent)
    : QAbstractListModel(parent)
{}

void SearchResultsModel::setHits(const QList<SearchHit> &hits, const Store *store)
{
    beginResetModel();
    m_rows.clear();
    QHash<qint64, std::optional<Request>> requests; // read once per request
    for (const SearchHit &hit : hits) {
        Row row{hit, {}};
        if (store && hit.questionIndex >= 0) {
            auto found = requests.find(hit.requestId);
            if (found == requests.end()) {
                const Result<Request> loaded = store->loadRequest(hit.requestId);
                found = requests.insert(
                    hit.requestId, loaded ? std::optional<Request>(loaded.value()) : std::nullopt);
            }
            if (found->has_value() && hit.questionIndex < (*found)->questions.size())
                row.exemptions = withheldIn(row.hit, (*found)->questions.at(hit.questionIndex));
        }
        m_rows.append(row);
    }
    endResetModel();
}

void SearchResultsModel::clear()
{
    if (m_rows.isEmpty())
        return;
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

int SearchResultsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QString SearchResultsModel::whereText(const SearchHit &hit)
{
    if (hit.questionIndex < 0)
        return tr("Request");
    const QString where = tr("Question %1").arg(hit.questionName);
    return hit.section.isEmpty() ? where : tr("%1 (%2)").arg(where, hit.section.text);
}

QVariant SearchResultsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows.at(index.row());
    const SearchHit &hit = row.hit;
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole: {
        QStringList parts{hit.reference,
                          hit.received.isValid()
                              ? QLocale().toString(hit.received, QLocale::ShortFormat)
                              : tr("date received not set"),
                          hit.title,
                          whereText(hit)};
        if (hit.questionIndex >= 0 && !hit.heading.isEmpty())
            parts.append(hit.heading.text);
        if (!hit.detail.isEmpty())
            parts.append(hit.detail.text);
        if (hit.showsWithheld())
            parts.append(tr("shows withheld text"));
        return parts.join(QStringLiteral(" \u2014 "));
    }
    case Qt::ToolTipRole:
        if (!hit.showsWithheld())
            return tr("Enter or double-click opens %1 at this %2.")
                .arg(hit.reference, hit.questionIndex >= 0 ? tr("question") : tr("request"));
        return row.exemptions.isEmpty()
                   ? tr("The marked words are withheld: they are in your log, not in the "
                        "letter.")
                   : tr("The marked words are withheld under %1: they are in your log, not in "
                        "the letter.")
                         .arg(QLocale().createSeparatedList(row.exemptions));
    case RequestIdRole:
        return hit.requestId;
    case ReferenceRole:
        return hit.reference;
    case ReceivedRole:
        return hit.received;
    case TitleRole:
        return hit.title;
    case StatusRole:
        return statusDisplayName(hit.status);
    case QuestionIndexRole:
        return int(hit.questionIndex);
    case WhereRole:
        return whereText(hit);
    case HeadingRole:
        return QVariant::fromValue(hit.heading);
    case DetailRole:
        return QVariant::fromValue(hit.detail);
    case SnippetTextRole: {
        QStringList lines;
        if (hit.questionIndex >= 0 && !hit.heading.isEmpty())
            lines.append(hit.heading.text);
        if (!hit.detail.isEmpty())
            lines.append(hit.detail.text);
        return lines.join(QLatin1Char('\n'));
    }
    case MatchedWordsRole: {
        QStringList words = pieces(hit.heading, hit.heading.matches);
        words += pieces(hit.section, hit.section.matches);
        words += pieces(hit.detail, hit.detail.matches);
        return words;
    }
    case ShowsWithheldRole:
        return hit.showsWithheld();
    case WithheldWordsRole:
        return pieces(hit.heading, hit.heading.withheld) + pieces(hit.detail, hit.detail.withheld);
    case WithheldExemptionsRole:
        return row.exemptions;
    default:
        return {};
    }
}

} // namespace foidesk

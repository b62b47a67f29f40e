#include "search/AnsweredBeforePanel.h"

#include "exemptions/ExemptionCatalogue.h"
#include "model/RequestEnums.h"
#include "release/WithheldText.h"
#include "store/Store.h"
#include "util/WordSimilarity.h"

#include <QLabel>
#include <QLocale>
#include <QTextBrowser>
#include <QTimer>
#include <QUrl>
#include <QVBoxLayout>
#include <algorithm>

namespace foidesk {

namespace {

constexpr qsizetype PreviewLength = 600;

QString longDate(const QDate &date)
{
    return QLocale().toString(date, QStringLiteral("d MMMM yyyy"));
}

bool sent(RequestStatus status)
{
    return status == RequestStatus::Sent || status == RequestStatus::Closed;
}

} // namespace

AnsweredBeforePanel::AnsweredBeforePanel(RequestDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_timer(new QTimer(this))
    , m_intro(new QLabel(this))
    , m_view(new QTextBrowser(this))
{
    m_timer->setSingleShot(true);
    m_timer->setInterval(LookUpDelayMs);
    connect(m_timer, &QTimer::timeout, this, &AnsweredBeforePanel::lookUpNow);

    m_intro->setObjectName(QStringLiteral("answeredBeforeIntro"));
    m_intro->setWordWrap(true);
    m_intro->setTextFormat(Qt::PlainText);
    m_view->setObjectName(QStringLiteral("answeredBeforeView"));
    m_view->setOpenLinks(false);
    m_view->setOpenExternalLinks(false);
    m_view->setFrameShape(QFrame::NoFrame);
    connect(m_view, &QTextBrowser::anchorClicked, this, &AnsweredBeforePanel::linkActivated);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_intro);
    layout->addWidget(m_view, 1);

    connect(m_document,
            &RequestDocument::questionValueChanged,
            this,
            [this](int row, RequestDocument::QuestionField field) {
                if (row == m_row && field == RequestDocument::QuestionField::Text)
                    scheduleLookUp();
            });
    connect(m_document, &RequestDocument::reset, this, &AnsweredBeforePanel::lookUpNow);
    show();
}

void AnsweredBeforePanel::setStore(Store *store)
{
    m_store = store;
    lookUpNow();
}

void AnsweredBeforePanel::setRow(int row)
{
    if (row == m_row)
        return;
    m_row = row;
    lookUpNow();
}

void AnsweredBeforePanel::setCatalogue(const ExemptionCatalogue *catalogue)
{
    m_catalogue = catalogue;
    show();
}

void AnsweredBeforePanel::scheduleLookUp()
{
    m_timer->start();
}

void AnsweredBeforePanel::lookUpNow()
{
    m_timer->stop();
    m_problem.clear();
    const QString text = m_row >= 0 && m_row < m_document->questionCount()
                             ? m_document->question(m_row).text
                             : QString();
    m_lookedUp = text;
    m_found.clear();
    if (m_store && !WordSimilarity::significantWords(text).isEmpty()) {
        const auto found = m_store->similarQuestions(text, m_document->requestId(), MaxShown);
        if (found)
            m_found = *found;
        else
            m_problem = found.errorMessage();
    }
    show();
    Q_EMIT countChanged(int(m_found.size()));
}

QString AnsweredBeforePanel::answerHtml(const SimilarQuestion &similar) const
{
    const Question &q = similar.question;
    const QString style =
        QStringLiteral("<span style=\"background:#5a5a5a; color:#ffffff;\">&nbsp;%1&nbsp;</span>");
    if (q.disposition == Disposition::Withheld
        || q.disposition == Disposition::NeitherConfirmNorDeny) {
        const QString code = q.exemptions.value(0);
        const QString label = q.disposition == Disposition::Withheld
                                  ? tr("answer withheld in full%1")
                                  : tr("neither confirmed nor denied%1");
        return style.arg(
            label.arg(code.isEmpty() ? QString() : QStringLiteral(": ") + code).toHtmlEscaped());
    }
    QList<Redaction> spans = q.redactions;
    std::sort(spans.begin(), spans.end(), [](const Redaction &a, const Redaction &b) {
        return a.start < b.start;
    });
    QString html;
    qsizetype at = 0;
    qsizetype shown = 0;
    auto plain = [&](const QString &text) {
        QString piece = text;
        if (shown + piece.size() > PreviewLength)
            piece = piece.left(std::max<qsizetype>(0, PreviewLength - shown))
                    + QStringLiteral("\u2026");
        shown += piece.size();
        html += piece.toHtmlEscaped().replace(u'\n', QStringLiteral("<br>"));
    };
    for (const Redaction &span : spans) {
        if (shown >= PreviewLength)
            break;
        if (span.start > at)
            plain(q.answer.mid(at, span.start - at));
        if (shown >= PreviewLength)
            break;
        html +=
            style.arg(WithheldText::label(span.exemption, QString(), m_catalogue).toHtmlEscaped());
        at = std::max(at, span.start + span.length);
    }
    if (shown < PreviewLength && at < q.answer.size())
        plain(q.answer.mid(at));
    return html;
}

void AnsweredBeforePanel::show()
{
    const bool hasText = !WordSimilarity::significantWords(m_lookedUp).isEmpty();
    if (!m_problem.isEmpty())
        m_intro->setText(m_problem);
    else if (m_row < 0)
        m_intro->setText(tr("Choose a question to see earlier answers to questions like it."));
    else if (!hasText)
        m_intro->setText(tr("Type the question: earlier answers to questions like it appear "
                            "here."));
    else if (m_found.isEmpty())
        m_intro->setText(tr("No earlier question in this log is like this one."));
    else
        m_intro->setText(tr("Earlier questions like this one. Use This Answer copies the answer "
                            "with its withheld passages and exemptions (Undo takes it back)."));

    const Regime regime = Regime(m_document->value(RequestDocument::Field::Regime).toInt());
    QString html;
    for (qsizetype i = 0; i < m_found.size(); ++i) {
        const SimilarQuestion &similar = m_found.at(i);
        const QString when = similar.answered.isValid() ? tr("answered before in %1, %2")
                                                        : tr("asked before in %1, received %2");
        const QString date =
            longDate(similar.answered.isValid() ? similar.answered : similar.received);
        const QString link = QStringLiteral("<a href=\"open:%1\">%2</a>")
                                 .arg(i)
                                 .arg(similar.reference.toHtmlEscaped());
        QStringList notes;
        notes.append(tr("%1% of the words in common").arg(qRound(similar.similarity * 100)));
        if (!sent(similar.status))
            notes.append(tr("%1, not sent yet").arg(statusDisplayName(similar.status).toLower()));
        if (similar.regime != regime)
            notes.append(
                tr("answered under %1: check the exemptions").arg(regimeShortName(similar.regime)));
        QString heading = when.arg(QStringLiteral("%%LINK%%"), date.toHtmlEscaped());
        heading[0] = heading.at(0).toUpper();
        heading.replace(QStringLiteral("%%LINK%%"), link);
        html += QStringLiteral("<p style=\"margin-top:6px; margin-bottom:2px;\"><b>%1</b> "
                               "<span style=\"color:#505050;\">(%2)</span></p>")
                    .arg(heading, notes.join(QStringLiteral("; ")).toHtmlEscaped());
        html += QStringLiteral("<p style=\"margin:0 0 2px 12px;\"><i>%1</i></p>")
                    .arg(tr("Question %1: %2")
                             .arg(similar.questionName, similar.question.text.simplified())
                             .toHtmlEscaped());
        html += QStringLiteral("<p style=\"margin:0 0 2px 12px;\">%1</p>").arg(answerHtml(similar));
        if (!similar.question.exemptionsUsed().isEmpty()) {
            html += QStringLiteral("<p style=\"margin:0 0 2px 12px; color:#505050;\">%1</p>")
                        .arg(tr("Exemptions: %1")
                                 .arg(similar.question.exemptionsUsed().join(QStringLiteral(", ")))
                                 .toHtmlEscaped());
        }
        html += QStringLiteral("<p style=\"margin:0 0 8px 12px;\"><a href=\"use:%1\">%2</a></p>")
                    .arg(i)
                    .arg(tr("Use this answer (from %1)").arg(similar.reference).toHtmlEscaped());
    }
    m_view->setHtml(html);
    m_view->setVisible(!m_found.isEmpty());
}

void AnsweredBeforePanel::linkActivated(const QUrl &url)
{
    const QString target = url.toString();
    const qsizetype colon = target.indexOf(u':');
    bool ok = false;
    const int index = target.mid(colon + 1).toInt(&ok);
    if (colon < 0 || !ok || index < 0 || index >= m_found.size())
        return;
    const QString verb = target.left(colon);
    if (verb == QLatin1String("use")) {
        useAnswer(index);
    } else if (verb == QLatin1String("open")) {
        // A copy: opening the other request looks the answers up again.
        const SimilarQuestion similar = m_found.at(index);
        Q_EMIT openRequested(similar.requestId, similar.reference, int(similar.questionIndex));
    }
}

bool AnsweredBeforePanel::useAnswer(int index)
{
    if (!m_store || index < 0 || index >= m_found.size() || m_row < 0
        || m_row >= m_document->questionCount())
        return false;
    const SimilarQuestion similar = m_found.at(index);
    // The earlier request as stored now: its answer may have been edited since the lookup.
    const Result<Request> source = m_store->loadRequest(similar.requestId);
    const bool same =
        source && similar.questionIndex < source->questions.size()
        && source->questions.at(similar.questionIndex).answer == similar.question.answer
        && source->questions.at(similar.questionIndex).text == similar.question.text;
    if (!same) {
        Q_EMIT statusMessage(
            source || source.error().kind == ErrorKind::NotFound
                ? tr("The answer in %1 has changed since it was offered; the earlier answers "
                     "have been looked up again.")
                      .arg(similar.reference)
                : tr("The answer could not be copied: %1").arg(source.errorMessage()));
        lookUpNow();
        return false;
    }
    const Question &question = source->questions.at(similar.questionIndex);
    AnswerSource from;
    from.reference = source->reference;
    from.question = questionName(question, similar.questionIndex);
    from.answered = similar.answered;
    if (!m_document->reuseAnswer(m_row, question, from, source->exemptionReasons)) {
        Q_EMIT statusMessage(tr("This question already has that answer."));
        return false;
    }
    Q_EMIT statusMessage(
        similar.regime != Regime(m_document->value(RequestDocument::Field::Regime).toInt())
            ? tr("Answer copied from %1, question %2. It was answered under %3: check that its "
                 "exemptions apply to this request. Undo (Ctrl+Z) takes it back.")
                  .arg(from.reference, from.question, regimeShortName(similar.regime))
            : tr("Answer copied from %1, question %2, with its withheld passages and exemptions. "
                 "Undo (Ctrl+Z) takes it back.")
                  .arg(from.reference, from.question));
    return true;
}

} // namespace foidesk

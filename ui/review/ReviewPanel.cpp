#include "review/ReviewPanel.h"

#include "editor/RequestEditor.h"
#include "model/RequestEnums.h"
#include "review/ReviewActions.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QScrollBar>
#include <QTextBrowser>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

namespace foidesk {

namespace {

QString esc(const QString &text)
{
    QString html = text.toHtmlEscaped();
    html.replace(u'\n', QStringLiteral("<br>"));
    return html;
}

QString when(const QDateTime &at)
{
    return QLocale().toString(at.toLocalTime(), QStringLiteral("d MMM yyyy, HH:mm"));
}

// The answer with each withheld passage on a dark ground and its exemption after it.
QString answerHtml(const Question &question)
{
    if (question.answer.trimmed().isEmpty())
        return QStringLiteral("<i>%1</i>").arg(esc(ReviewPanel::tr("No answer yet.")));
    QList<Redaction> spans = question.redactions;
    std::sort(spans.begin(), spans.end(), [](const Redaction &a, const Redaction &b) {
        return a.start < b.start;
    });
    QString html;
    qsizetype at = 0;
    for (const Redaction &r : std::as_const(spans)) {
        if (r.start < at || r.end() > question.answer.size())
            continue;
        html += esc(question.answer.mid(at, r.start - at));
        html +=
            QStringLiteral("<span style=\"background-color:#3b3b3b; color:#ffffff;\">%1</span>"
                           "<span style=\"color:#8a1c1c;\"> [%2]</span>")
                .arg(esc(question.answer.mid(r.start, r.length)),
                     esc(r.exemption.isEmpty() ? ReviewPanel::tr("withheld")
                                               : ReviewPanel::tr("withheld: %1").arg(r.exemption)));
        at = r.end();
    }
    html += esc(question.answer.mid(at));
    return html;
}

QString diffHtml(const QList<DiffRun> &runs)
{
    QString html;
    for (const DiffRun &run : runs) {
        switch (run.kind) {
        case DiffRun::Kind::Same:
            html += esc(run.text);
            break;
        case DiffRun::Kind::Added:
            html +=
                QStringLiteral("<span style=\"background-color:#d6f5d6; color:#0b5d0b;\">%1</span>")
                    .arg(esc(run.text));
            break;
        case DiffRun::Kind::Removed:
            html += QStringLiteral("<span style=\"background-color:#fadcdc; color:#8a1c1c; "
                                   "text-decoration:line-through;\">%1</span>")
                        .arg(esc(run.text));
            break;
        }
    }
    return html;
}

QString listHtml(const QString &label, const QStringList &items)
{
    if (items.isEmpty())
        return QString();
    QStringList escaped;
    for (const QString &item : items)
        escaped.append(esc(item));
    return QStringLiteral("<p style=\"margin:2px 0;\">%1 %2</p>")
        .arg(esc(label), escaped.join(QStringLiteral("; ")));
}

QString commentHtml(const ReviewComment &comment)
{
    const QString state = comment.resolved
                              ? ReviewPanel::tr("Resolved by %1").arg(esc(comment.resolvedBy))
                              : QStringLiteral("<a href=\"resolve:%1\">%2</a>")
                                    .arg(comment.id)
                                    .arg(esc(ReviewPanel::tr("Mark resolved")));
    const QString colour = comment.resolved ? QStringLiteral("#f2f2f2") : QStringLiteral("#fff4cc");
    return QStringLiteral("<table width=\"100%\" cellpadding=\"6\" style=\"margin:4px 0;\" "
                          "bgcolor=\"%1\"><tr><td><b>%2</b>, %3<br>%4<br><small>%5</small>"
                          "</td></tr></table>")
        .arg(colour, esc(comment.author), esc(when(comment.at)), esc(comment.text), state);
}

} // namespace

ReviewPanel::ReviewPanel(Store *store,
                         RequestEditor *editor,
                         ReviewActions *actions,
                         QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_editor(editor)
    , m_actions(actions)
    , m_summary(new QLabel(this))
    , m_unsaved(new QLabel(this))
    , m_view(new QTextBrowser(this))
{
    setObjectName(QStringLiteral("reviewPanel"));
    auto *layout = new QVBoxLayout(this);
    m_summary->setObjectName(QStringLiteral("reviewSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    layout->addWidget(m_summary);

    auto *buttons = new QHBoxLayout;
    for (const WorkflowMove move : {WorkflowMove::Submit,
                                    WorkflowMove::Approve,
                                    WorkflowMove::SecondApproval,
                                    WorkflowMove::Return,
                                    WorkflowMove::MarkSent,
                                    WorkflowMove::Reopen}) {
        auto *button = new QToolButton(this);
        button->setDefaultAction(actions->moveAction(move));
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        button->setObjectName(QStringLiteral("reviewButton-") + Workflow::moveCode(move));
        buttons->addWidget(button);
        m_moveButtons.append(button);
    }
    auto *comment = new QToolButton(this);
    comment->setDefaultAction(actions->commentAction());
    comment->setToolButtonStyle(Qt::ToolButtonTextOnly);
    comment->setObjectName(QStringLiteral("reviewButton-comment"));
    buttons->addWidget(comment);
    buttons->addStretch(1);
    layout->addLayout(buttons);

    m_unsaved->setObjectName(QStringLiteral("reviewUnsaved"));
    m_unsaved->setWordWrap(true);
    m_unsaved->setText(tr("This view shows the request as saved: your unsaved edits are not in "
                          "it yet."));
    m_unsaved->setStyleSheet(QStringLiteral("color: #8a4b00;"));
    layout->addWidget(m_unsaved);

    m_view->setObjectName(QStringLiteral("reviewView"));
    m_view->setOpenLinks(false);
    m_view->setAccessibleName(tr("Review of the request"));
    layout->addWidget(m_view, 1);
    connect(m_view, &QTextBrowser::anchorClicked, this, &ReviewPanel::linkClicked);

    if (m_store) {
        connect(m_store, &Store::requestSaved, this, &ReviewPanel::refresh);
        connect(m_store, &Store::staffChanged, this, &ReviewPanel::refresh);
    }
    if (m_editor) {
        connect(m_editor, &RequestEditor::captionChanged, this, &ReviewPanel::refresh);
        connect(m_editor, &RequestEditor::modificationChanged, this, [this](bool modified) {
            m_unsaved->setVisible(modified && m_editor->requestId() > 0);
        });
    }
    connect(actions, &ReviewActions::commentAdded, this, &ReviewPanel::refresh);
    connect(actions, &ReviewActions::moved, this, &ReviewPanel::refresh);
    connect(actions, &ReviewActions::userChanged, this, &ReviewPanel::refresh);
    refresh();
}

QString ReviewPanel::viewText() const
{
    return m_view->toPlainText();
}

void ReviewPanel::refresh()
{
    const qint64 id = m_editor && m_editor->hasRequest() ? m_editor->requestId() : 0;
    m_unsaved->setVisible(id > 0 && m_editor->isModified());
    m_actions->update(); // the buttons show the moves allowed now
    for (QToolButton *button : std::as_const(m_moveButtons))
        button->setVisible(button->defaultAction()->isEnabled());
    if (!m_store || id <= 0) {
        m_summary->setText(tr("Save the request to review it: comments and decisions belong to "
                              "a request in the log."));
        m_view->clear();
        return;
    }
    const Result<Request> request = m_store->loadRequest(id);
    const Result<QList<ReviewComment>> comments = m_store->comments(id);
    const Result<std::optional<ReviewPoint>> last = m_store->lastReview(id);
    if (!request || !comments || !last) {
        const QString message = !request    ? request.errorMessage()
                                : !comments ? comments.errorMessage()
                                            : last.errorMessage();
        m_summary->setText(esc(tr("The review could not be read: %1").arg(message)));
        m_view->clear();
        return;
    }
    const Result<bool> review = m_store->reviewEnabled();
    const Result<std::optional<StaffMember>> me =
        m_store->staffMemberByLogin(m_store->currentUser());
    QString who = m_store->currentUser();
    if (me && me->has_value())
        who = tr("%1 (%2)").arg((*me)->name, staffRoleDisplayName((*me)->role).toLower());
    QString summary = tr("<b>%1</b> is <b>%2</b>. You are working as %3.")
                          .arg(esc(request->reference),
                               esc(statusDisplayName(request->status).toLower()),
                               esc(who));
    if (review && !*review)
        summary += QLatin1Char(' ')
                   + esc(tr("Review is off for this log: anyone may make every move. It is on "
                            "once the staff register has a supervisor."));
    int open = 0;
    for (const ReviewComment &c : *comments)
        open += c.resolved ? 0 : 1;
    if (open > 0)
        summary += QLatin1Char(' ') + esc(tr("%n comment(s) not resolved yet.", nullptr, open));
    m_summary->setText(summary);
    const int scroll = m_view->verticalScrollBar() ? m_view->verticalScrollBar()->value() : 0;
    m_view->setHtml(html(*request, *comments, *last));
    if (m_view->verticalScrollBar())
        m_view->verticalScrollBar()->setValue(scroll);
}

QString ReviewPanel::html(const Request &request,
                          const QList<ReviewComment> &comments,
                          const std::optional<ReviewPoint> &last) const
{
    QString html;
    std::optional<ReviewChanges> changes;
    if (last) {
        changes = ReviewDiff::between(last->content, request);
        const QString decided = last->decision.kind == ReviewDecision::Kind::Return
                                    ? tr("returned by %1 on %2")
                                    : tr("approved by %1 on %2");
        html +=
            QStringLiteral("<p>%1</p>")
                .arg(esc(
                    changes->isEmpty()
                        ? tr("Nothing has changed since it was %1.")
                              .arg(decided.arg(last->decision.author, when(last->decision.at)))
                        : tr("Changes since it was %1 are shown under each answer: "
                             "added words in green, removed words struck through in "
                             "red.")
                              .arg(decided.arg(last->decision.author, when(last->decision.at)))));
        if (!last->decision.comment.isEmpty())
            html += QStringLiteral("<p><i>%1</i></p>")
                        .arg(esc(tr("The decision said: %1").arg(last->decision.comment)));
    } else {
        html += QStringLiteral("<p>%1</p>")
                    .arg(esc(tr("Not reviewed before: every answer is new to the reviewer.")));
    }

    // Comments on the request as a whole.
    html += QStringLiteral("<h3>%1</h3>").arg(esc(tr("The request as a whole")));
    bool any = false;
    for (const ReviewComment &c : comments) {
        if (!c.question) {
            html += commentHtml(c);
            any = true;
        }
    }
    if (!any)
        html += QStringLiteral("<p><small>%1</small></p>").arg(esc(tr("No comments.")));
    html += QStringLiteral("<p><a href=\"comment:request\">%1</a></p>")
                .arg(esc(tr("Comment on the request")));
    if (changes && !changes->introduction.isEmpty())
        html += QStringLiteral("<p><b>%1</b> %2</p>")
                    .arg(esc(tr("Introduction changed:")), diffHtml(changes->introduction));
    if (changes && !changes->combinedResponse.isEmpty())
        html +=
            QStringLiteral("<p><b>%1</b> %2</p>")
                .arg(esc(tr("Combined response changed:")), diffHtml(changes->combinedResponse));

    for (int i = 0; i < request.questions.size(); ++i) {
        const Question &q = request.questions.at(i);
        const QuestionChange *change = nullptr;
        if (changes) {
            for (const QuestionChange &c : changes->questions) {
                if (c.index == i && !c.removed)
                    change = &c;
            }
        }
        QString heading = tr("Question %1").arg(i + 1);
        if (change)
            heading += change->added ? tr(" (new since the last review)") : tr(" (changed)");
        html += QStringLiteral("<hr><h3>%1</h3>").arg(esc(heading));
        html += QStringLiteral("<p><b>%1</b> %2</p>").arg(esc(tr("Asked:")), esc(q.text));
        QString disposition = dispositionDisplayName(q.disposition);
        if (!q.exemptions.isEmpty())
            disposition += QStringLiteral(" (") + q.exemptions.join(QStringLiteral(", ")) + u')';
        html += QStringLiteral("<p><b>%1</b> %2</p>").arg(esc(tr("Answer:")), esc(disposition));
        html += QStringLiteral("<p style=\"margin-left:12px;\">%1</p>").arg(answerHtml(q));
        if (change && !change->added) {
            html += QStringLiteral("<table width=\"100%\" cellpadding=\"6\" bgcolor=\"#f4f7fb\">"
                                   "<tr><td><b>%1</b>")
                        .arg(esc(tr("Changed since the last review")));
            if (change->textChanged())
                html += QStringLiteral("<p style=\"margin:2px 0;\">%1 %2</p>")
                            .arg(esc(tr("Question:")), diffHtml(change->text));
            if (change->answerChanged())
                html += QStringLiteral("<p style=\"margin:2px 0;\">%1 %2</p>")
                            .arg(esc(tr("Answer:")), diffHtml(change->answer));
            html += listHtml(tr("Now withheld:"), change->withheldAdded);
            html += listHtml(tr("No longer withheld:"), change->withheldRemoved);
            html += listHtml(tr("Exemptions added:"), change->exemptionsAdded);
            html += listHtml(tr("Exemptions removed:"), change->exemptionsRemoved);
            html += QStringLiteral("</td></tr></table>");
        }
        for (const ReviewComment &c : comments) {
            if (c.question && *c.question == i)
                html += commentHtml(c);
        }
        html += QStringLiteral("<p><a href=\"comment:%1\">%2</a></p>")
                    .arg(i)
                    .arg(esc(tr("Comment on this answer")));
    }
    if (changes) {
        for (const QuestionChange &c : changes->questions) {
            if (c.removed)
                html += QStringLiteral("<hr><p><b>%1</b> %2</p>")
                            .arg(esc(tr("%1 was removed since the last review:").arg(c.name)),
                                 diffHtml(c.text));
        }
    }
    return html;
}

void ReviewPanel::linkClicked(const QUrl &url)
{
    const QString scheme = url.scheme();
    const QString target = url.path();
    if (scheme == QLatin1String("comment")) {
        if (target == QLatin1String("request"))
            m_actions->addComment();
        else
            m_actions->addComment(target.toInt());
        return;
    }
    if (scheme == QLatin1String("resolve") && m_store) {
        const Result<void> resolved = m_store->resolveComment(target.toLongLong());
        if (!resolved) {
            QMessageBox::warning(
                this,
                tr("Mark Resolved"),
                tr("The comment was not marked resolved: %1").arg(resolved.errorMessage()));
        }
        refresh();
    }
}

} // namespace foidesk

#include "review/ReviewActions.h"

#include "editor/RequestEditor.h"
#include "model/RequestEnums.h"
#include "review/MoveDialog.h"
#include "review/UserChooser.h"
#include "store/Store.h"
#include "util/LiveLogFiles.h"

#include <QAction>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QFormLayout>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace foidesk {

namespace {

// A letter larger than this is not a response letter.
constexpr qint64 MaxLetterBytes = 64 * 1024 * 1024;

QString actionText(WorkflowMove move)
{
    switch (move) {
    case WorkflowMove::StartWork:
        return ReviewActions::tr("&Start Work");
    case WorkflowMove::SeekClarification:
        return ReviewActions::tr("Seek &Clarification");
    case WorkflowMove::ResumeWork:
        return ReviewActions::tr("Clarification &Received");
    case WorkflowMove::Submit:
        return ReviewActions::tr("S&ubmit for Review");
    case WorkflowMove::Approve:
        return ReviewActions::tr("&Approve...");
    case WorkflowMove::SecondApproval:
        return ReviewActions::tr("Give Second &Approval...");
    case WorkflowMove::Return:
        return ReviewActions::tr("&Return to Officer...");
    case WorkflowMove::MarkSent:
        return ReviewActions::tr("&Mark as Sent...");
    case WorkflowMove::Close:
        return ReviewActions::tr("C&lose");
    case WorkflowMove::Withdraw:
        return ReviewActions::tr("&Withdraw...");
    case WorkflowMove::Reopen:
        return ReviewActions::tr("Re&open...");
    }
    return QString();
}

QString doneText(WorkflowMove move, const QString &reference, RequestStatus status)
{
    return ReviewActions::tr("Request %1: %2. It is now %3.")
        .arg(reference,
             Workflow::moveDisplayName(move).toLower(),
             statusDisplayName(status).toLower());
}

} // namespace

ReviewActions::ReviewActions(AppSettings *settings, QWidget *window)
    : QObject(window)
    , m_settings(settings)
    , m_window(window)
    , m_menu(new QMenu(tr("Re&view"), window))
    , m_commentAction(new QAction(tr("Co&mment..."), this))
    , m_switchUserAction(new QAction(tr("S&witch User..."), this))
{
    m_menu->setObjectName(QStringLiteral("reviewMenu"));
    const QList<QList<WorkflowMove>> groups = {
        {WorkflowMove::StartWork, WorkflowMove::SeekClarification, WorkflowMove::ResumeWork},
        {WorkflowMove::Submit,
         WorkflowMove::Approve,
         WorkflowMove::SecondApproval,
         WorkflowMove::Return},
        {WorkflowMove::MarkSent,
         WorkflowMove::Close,
         WorkflowMove::Withdraw,
         WorkflowMove::Reopen}};
    for (const QList<WorkflowMove> &group : groups) {
        for (const WorkflowMove move : group) {
            auto *action = new QAction(actionText(move), this);
            action->setObjectName(QStringLiteral("move-") + Workflow::moveCode(move));
            connect(action, &QAction::triggered, this, [this, move] { makeMove(move); });
            m_moves.insert(move, action);
            m_menu->addAction(action);
        }
        m_menu->addSeparator();
    }
    m_commentAction->setObjectName(QStringLiteral("commentAction"));
    m_commentAction->setStatusTip(
        tr("Comment on one answer or on the whole request; comments are never in the letter"));
    connect(m_commentAction, &QAction::triggered, this, [this] { addComment(); });
    m_menu->addAction(m_commentAction);
    m_menu->addSeparator();
    m_switchUserAction->setObjectName(QStringLiteral("switchUserAction"));
    m_switchUserAction->setStatusTip(
        tr("Choose who is working: changes are recorded in their name"));
    connect(m_switchUserAction, &QAction::triggered, this, [this] {
        if (m_store && UserChooser::switchUser(m_store, m_settings, m_window)) {
            update();
            Q_EMIT userChanged(m_store->currentUser());
        }
    });
    m_menu->addAction(m_switchUserAction);
    connect(m_menu, &QMenu::aboutToShow, this, &ReviewActions::update);
    update();
}

void ReviewActions::setSource(Store *store,
                              RequestEditor *editor,
                              std::function<bool()> saveFirst,
                              std::function<QString(const QString &)> lastLetter)
{
    if (m_store)
        disconnect(m_store, nullptr, this, nullptr);
    if (m_editor)
        disconnect(m_editor, nullptr, this, nullptr);
    m_store = store;
    m_editor = editor;
    m_saveFirst = std::move(saveFirst);
    m_lastLetter = std::move(lastLetter);
    if (m_store) {
        connect(m_store, &Store::requestSaved, this, &ReviewActions::update);
        connect(m_store, &Store::staffChanged, this, &ReviewActions::update);
    }
    if (m_editor) {
        connect(m_editor, &RequestEditor::captionChanged, this, &ReviewActions::update);
        connect(m_editor, &RequestEditor::requestSaved, this, &ReviewActions::update);
    }
    update();
}

qint64 ReviewActions::currentRequest() const
{
    return m_editor && m_editor->hasRequest() ? m_editor->requestId() : 0;
}

void ReviewActions::update()
{
    const qint64 id = m_store ? currentRequest() : 0;
    for (auto it = m_moves.cbegin(); it != m_moves.cend(); ++it) {
        QAction *action = it.value();
        if (id <= 0) {
            action->setEnabled(false);
            action->setStatusTip(tr("Open a saved request first."));
            continue;
        }
        MoveInput input;
        if (it.key() == WorkflowMove::Reopen)
            input.reason = QStringLiteral("-"); // asked for when the move is made
        const Result<MoveCheck> check = m_store->checkMove(id, it.key(), input);
        const bool allowed = check && check->allowed;
        action->setEnabled(allowed);
        action->setStatusTip(allowed ? Workflow::moveDisplayName(it.key())
                             : check ? check->refusal
                                     : check.errorMessage());
    }
    m_commentAction->setEnabled(id > 0);
    m_switchUserAction->setEnabled(m_store != nullptr);
}

void ReviewActions::refuse(const QString &title, const QString &message, const QString &why)
{
    QMessageBox box(QMessageBox::Warning, title, message, QMessageBox::Ok, m_window);
    box.setObjectName(QStringLiteral("moveRefusedBox"));
    box.setInformativeText(why);
    box.exec();
}

bool ReviewActions::makeMove(WorkflowMove move)
{
    if (!m_store || !m_editor || currentRequest() <= 0)
        return false;
    if (m_editor->isModified() && !(m_saveFirst && m_saveFirst()))
        return false;
    const qint64 id = currentRequest();
    if (id <= 0)
        return false;
    const Result<Request> request = m_store->loadRequest(id);
    if (!request) {
        refuse(Workflow::moveDisplayName(move),
               tr("The request could not be read."),
               request.errorMessage());
        return false;
    }
    MoveInput input;
    if (move == WorkflowMove::Reopen)
        input.reason = QStringLiteral("-");
    const Result<MoveCheck> check = m_store->checkMove(id, move, input);
    const QString notMade = tr("Request %1 was not changed.").arg(request->reference);
    if (!check || !check->allowed) {
        refuse(Workflow::moveDisplayName(move),
               notMade,
               check ? check->refusal : check.errorMessage());
        update();
        return false;
    }
    input = MoveInput();
    if (MoveDialog::asksForInput(move)) {
        MoveDialog dialog(move,
                          request->reference,
                          m_lastLetter ? m_lastLetter(request->reference) : QString(),
                          m_window);
        if (dialog.exec() != QDialog::Accepted)
            return false;
        if (move == WorkflowMove::Reopen || move == WorkflowMove::Withdraw)
            input.reason = dialog.text();
        else
            input.comment = dialog.text();
        if (move == WorkflowMove::MarkSent) {
            input.sentOn = dialog.sentOn();
            // Never the log's own files: opening and closing one outside SQLite would drop
            // this process's locks on it (util/LiveLogFiles.h).
            if (const Result<void> live = LiveLogFiles::refuse(dialog.letterPath(), QString());
                !live) {
                refuse(Workflow::moveDisplayName(move), notMade, live.errorMessage());
                return false;
            }
            QFile file(dialog.letterPath());
            if (!file.open(QIODevice::ReadOnly)) {
                refuse(Workflow::moveDisplayName(move),
                       notMade,
                       tr("The letter %1 could not be read: %2. Choose the PDF you exported.")
                           .arg(dialog.letterPath(), file.errorString()));
                return false;
            }
            if (file.size() > MaxLetterBytes) {
                refuse(Workflow::moveDisplayName(move),
                       notMade,
                       tr("%1 is larger than any response letter. Choose the PDF you exported.")
                           .arg(dialog.letterPath()));
                return false;
            }
            input.sentPdf = file.readAll();
            if (!input.sentPdf.startsWith("%PDF")) {
                refuse(Workflow::moveDisplayName(move),
                       notMade,
                       tr("%1 is not a PDF. Choose the letter you exported with File > Export "
                          "Letter as PDF.")
                           .arg(dialog.letterPath()));
                return false;
            }
        }
    }
    // The withdrawal reason goes into the history with the move.
    if (move == WorkflowMove::Withdraw)
        input.comment = input.reason;
    const Result<Request> made = m_store->applyMove(id, move, input);
    if (!made) {
        refuse(Workflow::moveDisplayName(move), notMade, made.errorMessage());
        update();
        return false;
    }
    const QString message = doneText(move, made->reference, made->status);
    Q_EMIT moved(id, message);
    Q_EMIT statusMessage(message);
    update();
    return true;
}

bool ReviewActions::addComment(std::optional<int> question)
{
    if (!m_store || !m_editor || currentRequest() <= 0)
        return false;
    const qint64 id = currentRequest();
    const Request request = m_editor->currentRequest();

    QDialog dialog(m_window);
    dialog.setObjectName(QStringLiteral("commentDialog"));
    dialog.setWindowTitle(tr("Comment on %1").arg(request.reference));
    auto *layout = new QVBoxLayout(&dialog);
    auto *intro = new QLabel(tr("Comments stay in the log with the request, named with who "
                                "wrote them. They are never in the letter or the published log."),
                             &dialog);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *form = new QFormLayout;
    auto *on = new QComboBox(&dialog);
    on->setObjectName(QStringLiteral("commentOn"));
    on->addItem(tr("The request as a whole"), -1);
    for (int i = 0; i < request.questions.size(); ++i) {
        QString text = request.questions.at(i).text.simplified();
        if (text.size() > 60)
            text = text.left(57) + QStringLiteral("...");
        on->addItem(tr("Question %1: %2").arg(i + 1).arg(text), i);
    }
    if (question)
        on->setCurrentIndex(on->findData(*question));
    form->addRow(tr("&On:"), on);
    auto *text = new QPlainTextEdit(&dialog);
    text->setObjectName(QStringLiteral("commentText"));
    text->setTabChangesFocus(true);
    text->setMinimumSize(420, 110);
    form->addRow(tr("&Comment:"), text);
    layout->addLayout(form, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Add Comment"));
    buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    connect(text, &QPlainTextEdit::textChanged, &dialog, [text, buttons] {
        buttons->button(QDialogButtonBox::Ok)->setEnabled(!text->toPlainText().trimmed().isEmpty());
    });
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    const int index = on->currentData().toInt();
    const Result<ReviewComment> added = m_store->addComment(
        id, index < 0 ? std::nullopt : std::optional<int>(index), text->toPlainText());
    if (!added) {
        refuse(tr("Comment"), tr("The comment was not saved."), added.errorMessage());
        return false;
    }
    Q_EMIT commentAdded(id);
    Q_EMIT statusMessage(tr("Comment added to request %1.").arg(request.reference));
    return true;
}

} // namespace foidesk

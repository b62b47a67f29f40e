#include "editor/RequestEditor.h"
#include "calendar/DateChecks.h"

#include "clock/ClockEventsPanel.h"
#include "clock/ClockWorkingPanel.h"
#include "editor/QuestionsPanel.h"
#include "redaction/RefusalReasonsPanel.h"
#include "editor/RequestDetailsForm.h"
#include "widgets/UndoKeyFilter.h"
#include "profile/OrganisationProfile.h"
#include "editing/QuestionListModel.h"
#include "editing/RequestDocument.h"
#include "model/RequestEnums.h"
#include "release/ReleaseCheck.h"
#include "store/Store.h"
#include "workflow/ReleaseGate.h"

#include <QAction>
#include <QKeySequence>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTreeWidget>
#include <QScrollArea>
#include <QStackedWidget>
#include <QTabWidget>
#include <QUndoStack>
#include <QHBoxLayout>
#include <QVBoxLayout>

namespace foidesk {

using Field = RequestDocument::Field;
using QField = RequestDocument::QuestionField;

class RequestEditor::Private
{
public:
    RequestEditor *q = nullptr;
    Store *store = nullptr;
    RequestDocument *document = nullptr;
    QuestionListModel *questionModel = nullptr;
    UndoKeyFilter *keyFilter = nullptr;

    QStackedWidget *pages = nullptr;
    QLabel *emptyState = nullptr;
    QTabWidget *tabs = nullptr;
    QWidget *editorPage = nullptr; // the dates strip above the tabs
    QLabel *deadlineLabel = nullptr;
    QPushButton *workingButton = nullptr;
    ClockWorkingDialog *workingDialog = nullptr; // made the first time it is asked for
    QLabel *dateWarnings = nullptr;
    QLabel *roundRobinLabel = nullptr;
    QList<RoundRobinMatch> roundRobin;
    QWidget *detailsPage = nullptr;
    RequestDetailsForm *details = nullptr;
    QuestionsPanel *questions = nullptr;
    RefusalReasonsPanel *refusals = nullptr;
    std::optional<ReleaseCheckResult> lastCheck;
    // A check made before the request's first save, stored with it by that save.
    bool lastCheckPending = false;

    QAction *addAction = nullptr;
    QAction *removeAction = nullptr;
    QAction *upAction = nullptr;
    QAction *downAction = nullptr;

    void buildUi();
    void buildActions();
    // The due date, working days left and date warnings above every tab.
    void updateDates();
    // The note naming other requests that ask the same questions (a round robin).
    void updateRoundRobin();
    // Opens (or raises) the window that shows how the due date was worked out.
    void showWorking();
    void updateActions();
    void loadOfficerNames();
    // With review on, the status changes only by the Review menu's moves.
    void updateStatusLock();
    void loadProfile();
    void loadReleaseCheck();
    void updateRefusalsTitle(int problemCount);
    std::optional<QString> statusGate(RequestStatus status) const;
    void showStatusRefused(const QString &reason);
    void showRequest();
    QString caption() const;
    // Shows the tab that holds widget and gives it the keyboard focus.
    void bringToFront(QWidget *widget, bool onDetailsTab);
    int warn(const QString &objectName,
             const QString &title,
             const QString &text,
             const QString &informative);
    void reportSaveFailure(const Error &error);
};

void RequestEditor::Private::buildUi()
{
    emptyState = new QLabel(tr("No request open. Choose one from the list, or create one with "
                               "File > New Request (Ctrl+N)."),
                            q);
    emptyState->setObjectName(QStringLiteral("emptyStateLabel"));
    emptyState->setAlignment(Qt::AlignCenter);
    emptyState->setWordWrap(true);
    emptyState->setMargin(24);

    details = new RequestDetailsForm(document);
    auto *detailsScroll = new QScrollArea;
    detailsScroll->setWidgetResizable(true);
    detailsScroll->setFrameShape(QFrame::NoFrame);
    detailsScroll->setWidget(details);
    detailsPage = detailsScroll;

    questions = new QuestionsPanel(document, questionModel);
    refusals = new RefusalReasonsPanel(document);

    tabs = new QTabWidget(q);
    tabs->setObjectName(QStringLiteral("editorTabs"));
    tabs->setDocumentMode(true);
    tabs->addTab(detailsPage, tr("Re&quest"));
    tabs->addTab(questions, tr("Questions and &answers"));
    tabs->addTab(refusals, QString());
    updateRefusalsTitle(0);

    deadlineLabel = new QLabel(q);
    deadlineLabel->setObjectName(QStringLiteral("deadlineLabel"));
    deadlineLabel->setTextFormat(Qt::PlainText);
    QFont strong = deadlineLabel->font();
    strong.setBold(true);
    deadlineLabel->setFont(strong);
    // A stopped clock says why in a sentence: it wraps rather than widen the window.
    deadlineLabel->setWordWrap(true);
    deadlineLabel->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    workingButton = new QPushButton(tr("How was this &worked out?"), q);
    workingButton->setObjectName(QStringLiteral("showWorkingButton"));
    workingButton->setToolTip(tr("Every day counted and skipped, the events that moved the "
                                 "clock, and any warnings"));
    dateWarnings = new QLabel(q);
    dateWarnings->setObjectName(QStringLiteral("dateWarningsLabel"));
    dateWarnings->setTextFormat(Qt::PlainText);
    dateWarnings->setWordWrap(true);
    // Amber with dark text: seen without hovering, readable in light and dark themes.
    dateWarnings->setStyleSheet(QStringLiteral(
        "QLabel { background: #fff4ce; color: #3b2300; border: 1px solid #e0c060; "
        "border-radius: 3px; padding: 4px 6px; }"));
    dateWarnings->hide();
    roundRobinLabel = new QLabel(q);
    roundRobinLabel->setObjectName(QStringLiteral("roundRobinLabel"));
    roundRobinLabel->setTextFormat(Qt::RichText);
    roundRobinLabel->setWordWrap(true);
    roundRobinLabel->setTextInteractionFlags(Qt::LinksAccessibleByMouse
                                             | Qt::LinksAccessibleByKeyboard);
    roundRobinLabel->setStyleSheet(QStringLiteral(
        "QLabel { background: #e8f1fb; color: #0b2e4f; border: 1px solid #8fb3d9; "
        "border-radius: 3px; padding: 4px 6px; }"));
    roundRobinLabel->hide();
    editorPage = new QWidget(q);
    auto *editorLayout = new QVBoxLayout(editorPage);
    editorLayout->setContentsMargins(0, 4, 0, 0);
    editorLayout->setSpacing(4);
    auto *strip = new QVBoxLayout;
    strip->setContentsMargins(8, 0, 8, 0);
    auto *deadlineRow = new QHBoxLayout;
    deadlineRow->addWidget(deadlineLabel, 1);
    deadlineRow->addWidget(workingButton, 0, Qt::AlignTop);
    strip->addLayout(deadlineRow);
    strip->addWidget(dateWarnings);
    strip->addWidget(roundRobinLabel);
    editorLayout->addLayout(strip);
    editorLayout->addWidget(tabs, 1);

    pages = new QStackedWidget(q);
    pages->addWidget(emptyState);
    pages->addWidget(editorPage);

    auto *layout = new QVBoxLayout(q);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(pages);

    keyFilter = new UndoKeyFilter(document, q);
    refusals->setUndoKeyFilter(keyFilter);
    const QList<QWidget *> inputs = details->inputWidgets() + questions->inputWidgets();
    for (QWidget *w : inputs) {
        keyFilter->watch(w);
        // Editable combo boxes and date edits hand keys to an inner line edit.
        for (QWidget *inner : w->findChildren<QWidget *>())
            keyFilter->watch(inner);
    }
}

void RequestEditor::Private::buildActions()
{
    addAction = new QAction(tr("&Add Question"), q);
    addAction->setObjectName(QStringLiteral("addQuestionAction"));
    // The buttons under the question list use the short icon texts; menus use the full ones.
    addAction->setIconText(tr("Add"));
    addAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    addAction->setToolTip(tr("Add a question after the current one (Ctrl+Return)"));

    removeAction = new QAction(tr("Remo&ve Question"), q);
    removeAction->setObjectName(QStringLiteral("removeQuestionAction"));
    removeAction->setIconText(tr("Remove"));
    removeAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Delete));
    removeAction->setToolTip(tr("Remove the current question (Ctrl+Shift+Delete); Undo "
                                "brings it back"));

    upAction = new QAction(tr("Move Question U&p"), q);
    upAction->setObjectName(QStringLiteral("moveQuestionUpAction"));
    upAction->setIconText(tr("Move Up"));
    upAction->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Up));
    upAction->setToolTip(tr("Move the current question up (Alt+Up)"));

    downAction = new QAction(tr("Move Question Do&wn"), q);
    downAction->setObjectName(QStringLiteral("moveQuestionDownAction"));
    downAction->setIconText(tr("Move Down"));
    downAction->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Down));
    downAction->setToolTip(tr("Move the current question down (Alt+Down)"));

    for (QAction *action : {addAction, removeAction, upAction, downAction}) {
        // Window-wide, so that the shortcuts work from any field of the editor.
        action->setShortcutContext(Qt::WindowShortcut);
        q->addAction(action);
    }
    questions->setQuestionActions(addAction, removeAction, upAction, downAction);

    QObject::connect(addAction, &QAction::triggered, q, &RequestEditor::addQuestion);
    QObject::connect(removeAction, &QAction::triggered, q, &RequestEditor::removeCurrentQuestion);
    QObject::connect(upAction, &QAction::triggered, q, &RequestEditor::moveCurrentQuestionUp);
    QObject::connect(downAction, &QAction::triggered, q, &RequestEditor::moveCurrentQuestionDown);
}

void RequestEditor::Private::updateActions()
{
    const int row = questions->currentRow();
    const int count = document->questionCount();
    // Removing and moving act on the question in view: not from the other tab, where the user
    // cannot see which question it would be.
    const bool questionInView = document->isOpen() && tabs->currentWidget() == questions && row >= 0;
    addAction->setEnabled(document->isOpen());
    removeAction->setEnabled(questionInView);
    upAction->setEnabled(questionInView && row > 0);
    downAction->setEnabled(questionInView && row < count - 1);
}

void RequestEditor::Private::loadOfficerNames()
{
    if (!store)
        return;
    const Result<QList<StaffMember>> staff = store->staff();
    QStringList names;
    // An empty register, or one that cannot be read, leaves the box free for typing.
    if (staff.ok()) {
        for (const StaffMember &member : staff.value()) {
            if (member.role != StaffRole::Supervisor)
                names.append(member.name);
        }
    }
    details->setOfficerNames(names);
}

void RequestEditor::Private::loadProfile()
{
    Result<OrganisationProfile> profile =
        store ? store->profile() : OrganisationProfile::defaults();
    // A damaged profile is reported by the preview and Settings; the check uses the shipped one.
    if (!profile)
        profile = OrganisationProfile::defaults();
    if (profile)
        refusals->setProfile(profile.value());
}

void RequestEditor::Private::loadReleaseCheck()
{
    lastCheck.reset();
    lastCheckPending = false;
    const qint64 id = document->requestId();
    if (store && id > 0) {
        const Result<std::optional<ReleaseCheckResult>> stored = store->lastReleaseCheck(id);
        // Unreadable counts as none: the gate then asks for a new check, which is safe.
        if (stored)
            lastCheck = stored.value();
    }
    refusals->setReleaseCheck(lastCheck);
}

void RequestEditor::Private::updateRefusalsTitle(int problemCount)
{
    const int index = tabs->indexOf(refusals);
    if (problemCount > 0) {
        tabs->setTabText(index, tr("Refusal reasons (%1)").arg(problemCount));
        tabs->setTabToolTip(index,
                            problemCount == 1
                                ? tr("1 thing to fix in the refusal notices before the letter "
                                     "can be final")
                                : tr("%1 things to fix in the refusal notices before the letter "
                                     "can be final")
                                      .arg(problemCount));
    } else {
        tabs->setTabText(index, tr("Refusal reasons"));
        tabs->setTabToolTip(index,
                            tr("The exemptions the request relies on, their reasoning and the "
                               "release check"));
    }
}

std::optional<QString> RequestEditor::Private::statusGate(RequestStatus status) const
{
    if (status != RequestStatus::Sent && status != RequestStatus::Closed)
        return std::nullopt;
    QString reason;
    if (ReleaseGate::mayRelease(document->request(), lastCheck, &reason))
        return std::nullopt;
    if (reason.isEmpty()) {
        reason = tr("Export the final letter (File > Export Letter as PDF) so that the release "
                    "check can run, then set the status again.");
    }
    return reason;
}

void RequestEditor::Private::showStatusRefused(const QString &reason)
{
    QMessageBox box(QMessageBox::Warning,
                    tr("Status Not Changed"),
                    tr("This request withholds information, and its letter has not passed a "
                       "release check in its current form, so it cannot be marked as sent yet."),
                    QMessageBox::Ok,
                    q);
    box.setObjectName(QStringLiteral("releaseGateBox"));
    box.setInformativeText(reason);
    box.exec();
}

void RequestEditor::Private::updateDates()
{
    const Request request = document->request();
    const QDate today = QDate::currentDate();
    const Deadlines deadlines;
    const QString deadline = DateChecks::deadline(request, today, deadlines);
    deadlineLabel->setText(deadline.isEmpty() && !request.received.isValid()
                               ? tr("No date received yet: the deadline is worked out from it.")
                               : deadline);
    deadlineLabel->setVisible(!deadlineLabel->text().isEmpty());
    const QStringList warnings = DateChecks::warnings(request, today, deadlines);
    dateWarnings->setText(warnings.join(u'\n'));
    dateWarnings->setVisible(!warnings.isEmpty());
}

void RequestEditor::Private::showWorking()
{
    if (!workingDialog) {
        workingDialog = new ClockWorkingDialog(document, q);
        // Named after the request, so that it is not mistaken for another's once moved aside.
        const auto title = [this](const QString &name) {
            workingDialog->setWindowTitle(
                name.isEmpty() ? tr("How Was This Worked Out?")
                               : tr("How Was This Worked Out? \u2014 %1").arg(name));
        };
        QObject::connect(q, &RequestEditor::captionChanged, workingDialog, title);
        title(caption());
    }
    workingDialog->panel()->refresh();
    workingDialog->show();
    workingDialog->raise();
    workingDialog->activateWindow();
}

void RequestEditor::Private::updateRoundRobin()
{
    roundRobin.clear();
    if (store && document->isOpen()) {
        const Result<QList<RoundRobinMatch>> found = store->roundRobin(document->request());
        if (found)
            roundRobin = *found;
    }
    if (roundRobin.isEmpty()) {
        roundRobinLabel->hide();
        return;
    }
    QStringList links;
    for (const RoundRobinMatch &match : std::as_const(roundRobin)) {
        links.append(tr("<a href=\"open:%1\">%2</a> (received %3)")
                         .arg(match.requestId)
                         .arg(match.reference.toHtmlEscaped(),
                              QLocale().toString(match.received, QStringLiteral("d MMMM yyyy"))));
    }
    roundRobinLabel->setText(
        tr("<b>Round robin:</b> the same questions came from another requester in %n "
           "request(s): %1. Answer them alike.",
           nullptr, int(roundRobin.size()))
            .arg(links.join(QStringLiteral(", "))));
    roundRobinLabel->show();
}

void RequestEditor::Private::showRequest()
{
    document->setOpen(true);
    pages->setCurrentWidget(editorPage);
    updateDates();
    loadOfficerNames();
    updateStatusLock();
    updateActions();
    Q_EMIT q->captionChanged(caption());
}

void RequestEditor::Private::updateStatusLock()
{
    QWidget *box = details->widgetFor(RequestDocument::Field::Status);
    if (!box)
        return;
    const Result<bool> review = store ? store->reviewEnabled() : Result<bool>(false);
    const bool locked = review && *review;
    box->setEnabled(!locked);
    box->setToolTip(locked ? tr("Review is on for this log, so the status changes by the Review "
                                "menu's moves (Submit for Review, Approve, Mark as Sent...), each "
                                "checked and recorded with who made it.")
                           : QString());
}

QString RequestEditor::Private::caption() const
{
    if (!document->isOpen())
        return QString();
    const QString reference = document->value(Field::Reference).toString().trimmed();
    const QString title = document->value(Field::Title).toString().trimmed();
    if (reference.isEmpty())
        return title.isEmpty() ? tr("New request") : tr("New request: %1").arg(title);
    return title.isEmpty() ? reference : tr("%1 \u2014 %2").arg(reference, title);
}

void RequestEditor::Private::bringToFront(QWidget *widget, bool onDetailsTab)
{
    if (!widget)
        return;
    tabs->setCurrentWidget(onDetailsTab ? detailsPage : static_cast<QWidget *>(questions));
    if (onDetailsTab) {
        if (auto *scroll = qobject_cast<QScrollArea *>(detailsPage))
            scroll->ensureWidgetVisible(widget);
    }
    if (!widget->hasFocus() && widget->isEnabled())
        widget->setFocus(Qt::OtherFocusReason);
}

int RequestEditor::Private::warn(const QString &objectName,
                                 const QString &title,
                                 const QString &text,
                                 const QString &informative)
{
    QMessageBox box(QMessageBox::Warning, title, text, QMessageBox::Ok, q);
    box.setObjectName(objectName);
    box.setInformativeText(informative);
    return box.exec();
}

void RequestEditor::Private::reportSaveFailure(const Error &error)
{
    QString advice;
    switch (error.kind) {
    case ErrorKind::Conflict:
        advice = tr("Your changes are still here and have not been saved. To keep them, copy "
                    "what you need, use Revert to load the saved version, and apply your "
                    "changes to it again.");
        break;
    case ErrorKind::Taken:
        advice = tr("Your changes are still here. Type a different reference, then save again.");
        break;
    case ErrorKind::Reopened:
        advice = tr("Your changes are still here. Save again.");
        break;
    case ErrorKind::DiskFull:
        advice = tr("Your changes are still here. Free some space on the disk that holds the "
                    "log, then save again.");
        break;
    case ErrorKind::ReadOnly:
        advice = tr("Your changes are still here. Ask for write access to the log file, or "
                    "copy what you need before closing.");
        break;
    default:
        advice = tr("Your changes are still here. Try saving again; if it keeps failing, copy "
                    "what you need before closing.");
        break;
    }
    warn(QStringLiteral("saveErrorBox"), tr("Request Not Saved"), error.message, advice);
}

RequestEditor::RequestEditor(Store *store, QWidget *parent)
    : QWidget(parent)
    , d(std::make_unique<Private>())
{
    d->q = this;
    d->store = store;
    d->document = new RequestDocument(this);
    d->questionModel = new QuestionListModel(d->document, this);
    d->buildUi();
    d->buildActions();
    // The staff register, the personal data policy, the authority's exemptions and the
    // suggestion decisions of the Questions page all live in the log.
    d->questions->setStore(store);
    connect(d->questions, &QuestionsPanel::statusMessage, this, &RequestEditor::statusMessage);

    connect(d->document,
            &RequestDocument::modificationChanged,
            this,
            &RequestEditor::modificationChanged);
    connect(d->document, &RequestDocument::valueChanged, this, [this](Field field) {
        if (field == Field::Reference || field == Field::Title)
            Q_EMIT captionChanged(d->caption());
        if (field == Field::Received || field == Field::Regime || field == Field::LetterDate
            || field == Field::Status)
            d->updateDates();
    });
    connect(d->document, &RequestDocument::reset, this, [this] {
        d->updateDates();
        d->updateRoundRobin();
    });
    connect(this, &RequestEditor::requestSaved, this, [this] { d->updateRoundRobin(); });
    connect(d->roundRobinLabel, &QLabel::linkActivated, this, [this](const QString &link) {
        const qsizetype colon = link.indexOf(u':');
        const qint64 id = link.mid(colon + 1).toLongLong();
        for (const RoundRobinMatch &match : std::as_const(d->roundRobin)) {
            if (match.requestId == id) {
                // A copy: opening the other request replaces the list it comes from.
                const QString reference = match.reference;
                Q_EMIT openRequestRequested(id, reference, -1);
                return;
            }
        }
    });
    connect(d->questions, &QuestionsPanel::openRequested, this, &RequestEditor::openRequestRequested);
    // A clarification, a fees notice or an extension moves the due date.
    connect(d->document, &RequestDocument::clockChanged, this, [this] { d->updateDates(); });
    connect(d->workingButton, &QPushButton::clicked, this, [this] { d->showWorking(); });
    connect(d->document, &RequestDocument::clockFocusRequested, this, [this] {
        d->bringToFront(d->details->clockPanel()->eventList(), true);
    });
    connect(d->document, &RequestDocument::fieldFocusRequested, this, [this](Field field) {
        if (QWidget *w = d->details->widgetFor(field))
            d->bringToFront(w, true);
        else
            d->bringToFront(d->questions->widgetFor(field), false);
    });
    connect(d->document, &RequestDocument::questionFocusRequested, this, [this](int row) {
        d->questions->setCurrentRow(row);
        d->tabs->setCurrentWidget(d->questions);
    });
    connect(d->document,
            &RequestDocument::questionFieldFocusRequested,
            this,
            [this](int row, QField field) {
                d->questions->setCurrentRow(row);
                d->bringToFront(d->questions->widgetFor(field), false);
            });
    connect(d->questions, &QuestionsPanel::currentRowChanged, this, [this] { d->updateActions(); });
    connect(
        d->questionModel, &QAbstractItemModel::rowsInserted, this, [this] { d->updateActions(); });
    connect(
        d->questionModel, &QAbstractItemModel::rowsRemoved, this, [this] { d->updateActions(); });
    connect(d->questionModel, &QAbstractItemModel::rowsMoved, this, [this] { d->updateActions(); });
    connect(d->tabs, &QTabWidget::currentChanged, this, [this] { d->updateActions(); });
    connect(d->refusals, &RefusalReasonsPanel::problemCountChanged, this, [this](int count) {
        d->updateRefusalsTitle(count);
    });
    d->details->setStatusGate([this](RequestStatus status) { return d->statusGate(status); });
    d->details->setReferenceCheck([this](const QString &reference) -> QString {
        if (!d->store)
            return QString();
        const Result<std::optional<qint64>> owner = d->store->findReference(reference);
        if (!owner || !owner->has_value() || **owner == d->document->request().id)
            return QString();
        const Result<Request> other = d->store->loadRequestByReference(reference);
        const QString title = other ? other->title.simplified() : QString();
        return title.isEmpty()
                   ? tr("%1 is already used by another request: choose a different reference.")
                         .arg(reference)
                   : tr("%1 is already used by \"%2\": choose a different reference.")
                         .arg(reference, title);
    });
    connect(d->details, &RequestDetailsForm::statusRefused, this, [this](const QString &reason) {
        d->showStatusRefused(reason);
    });
    if (store) {
        connect(store, &Store::staffChanged, this, [this] {
            d->loadOfficerNames();
            d->updateStatusLock();
        });
        connect(store, &Store::profileChanged, this, [this] { d->loadProfile(); });
        // A bank holiday added or removed moves the due date and the working shown.
        connect(store, &Store::calendarChanged, this, [this] {
            d->updateDates();
            d->details->clockPanel()->refresh();
            if (d->workingDialog)
                d->workingDialog->panel()->refresh();
        });
    }
    d->loadProfile();

    clear();
}

RequestEditor::~RequestEditor() = default;

bool RequestEditor::openRequest(qint64 id)
{
    if (!d->store)
        return false;
    const Result<Request> loaded = d->store->loadRequest(id);
    if (!loaded.ok()) {
        d->warn(QStringLiteral("openErrorBox"),
                tr("Request Not Opened"),
                loaded.errorMessage(),
                tr("The request list may be out of date: refresh it and try again."));
        return false;
    }
    d->document->load(loaded.value());
    d->loadReleaseCheck();
    d->showRequest();
    return true;
}

void RequestEditor::newRequest()
{
    Request request;
    request.received = QDate::currentDate();
    request.regime = Regime::FOIA;
    request.status = RequestStatus::New;
    request.questions.append(Question());
    d->document->load(request);
    d->loadReleaseCheck();
    d->showRequest();
    d->tabs->setCurrentWidget(d->detailsPage);
    d->details->firstInput()->setFocus(Qt::OtherFocusReason);
}

void RequestEditor::clear()
{
    if (d->workingDialog)
        d->workingDialog->hide();
    d->document->load(Request());
    d->loadReleaseCheck();
    d->document->setOpen(false);
    d->pages->setCurrentWidget(d->emptyState);
    d->updateActions();
    Q_EMIT captionChanged(QString());
}

qint64 RequestEditor::requestId() const
{
    return d->document->isOpen() ? d->document->requestId() : 0;
}

RequestDocument *RequestEditor::document() const
{
    return d->document;
}

bool RequestEditor::hasRequest() const
{
    return d->document->isOpen();
}

bool RequestEditor::isModified() const
{
    return d->document->isModified();
}

QUndoStack *RequestEditor::undoStack() const
{
    return d->document->undoStack();
}

Request RequestEditor::currentRequest() const
{
    return d->document->isOpen() ? d->document->request() : Request();
}

bool RequestEditor::save()
{
    if (!d->document->isOpen() || !d->store)
        return false;
    // The field being typed in ends its undo step at a save.
    d->details->clockPanel()->commitPendingEdit();
    d->document->finishTyping();

    const auto problems = d->document->problems();
    if (!problems.isEmpty()) {
        QStringList lines;
        for (const auto &problem : problems)
            lines.append(problem.second);
        d->warn(QStringLiteral("saveErrorBox"),
                tr("Request Not Saved"),
                tr("The request cannot be saved yet:"),
                lines.join(QLatin1Char('\n')));
        const Field first = problems.first().first;
        // A date received that is there but refused is the clock events' problem: show them.
        if (first == Field::Received && d->document->value(Field::Received).toDate().isValid())
            d->bringToFront(d->details->clockPanel()->eventList(), true);
        else if (QWidget *w = d->details->widgetFor(first))
            d->bringToFront(w, true);
        else
            d->bringToFront(d->questions->widgetFor(first), false);
        return false;
    }

    const Request request = d->document->request();
    const Result<Request> saved =
        request.id == 0 ? d->store->createRequest(request) : d->store->saveRequest(request);
    if (!saved.ok()) {
        d->reportSaveFailure(saved.error());
        if (saved.errorKind() == ErrorKind::Taken)
            d->bringToFront(d->details->widgetFor(Field::Reference), true);
        return false;
    }
    d->document->markSaved(saved.value());
    if (d->lastCheckPending && d->lastCheck) {
        // The check made before the first save belongs to this request now.
        const Result<void> recorded = d->store->recordReleaseCheck(saved->id, *d->lastCheck);
        d->lastCheckPending = !recorded.ok();
        if (!recorded)
            Q_EMIT statusMessage(tr("The release check could not be stored with the request: %1")
                                     .arg(recorded.errorMessage()));
    }
    Q_EMIT requestSaved(saved->id);
    Q_EMIT statusMessage(tr("Saved request %1").arg(saved->reference));
    Q_EMIT captionChanged(d->caption());
    return true;
}

void RequestEditor::revert()
{
    if (!d->document->isOpen())
        return;
    const qint64 id = d->document->requestId();
    if (id == 0)
        newRequest();
    else if (openRequest(id))
        Q_EMIT statusMessage(tr("Reverted to the saved version of request %1")
                                 .arg(d->document->value(Field::Reference).toString()));
}

void RequestEditor::addQuestion()
{
    if (!d->document->isOpen())
        return;
    const int row = d->questions->currentRow() + 1; // after the current one, or first
    d->document->insertQuestion(row > 0 ? row : d->document->questionCount());
    d->tabs->setCurrentWidget(d->questions);
    d->questions->questionTextWidget()->setFocus(Qt::OtherFocusReason);
}

void RequestEditor::removeCurrentQuestion()
{
    const int row = d->questions->currentRow();
    if (!d->document->isOpen() || !d->document->removeQuestion(row))
        return;
    Q_EMIT statusMessage(
        tr("Question removed \u2014 Undo (%1) restores it")
            .arg(QKeySequence(QKeySequence::Undo).toString(QKeySequence::NativeText)));
}

void RequestEditor::moveCurrentQuestionUp()
{
    const int row = d->questions->currentRow();
    if (d->document->isOpen())
        d->document->moveQuestion(row, row - 1);
}

void RequestEditor::moveCurrentQuestionDown()
{
    const int row = d->questions->currentRow();
    if (d->document->isOpen())
        d->document->moveQuestion(row, row + 1);
}

std::optional<ReleaseCheckResult> RequestEditor::lastReleaseCheck() const
{
    return d->lastCheck;
}

bool RequestEditor::recordReleaseCheck(const ReleaseCheckResult &result)
{
    if (!d->document->isOpen())
        return false;
    d->lastCheck = result;
    d->refusals->setReleaseCheck(d->lastCheck);
    const qint64 id = d->document->requestId();
    if (id <= 0 || !d->store) {
        d->lastCheckPending = true;
        return true;
    }
    const Result<void> recorded = d->store->recordReleaseCheck(id, result);
    if (!recorded) {
        d->warn(QStringLiteral("releaseCheckNotStoredBox"),
                tr("Release Check Not Stored"),
                recorded.errorMessage(),
                tr("The check is kept while the request stays open; save the request and export "
                   "the letter again to store it."));
        d->lastCheckPending = true;
        return false;
    }
    return true;
}

void RequestEditor::addPage(QWidget *page, const QString &title)
{
    d->tabs->addTab(page, title);
}

void RequestEditor::showPage(QWidget *page)
{
    if (d->document->isOpen() && d->tabs->indexOf(page) >= 0)
        d->tabs->setCurrentWidget(page);
}

void RequestEditor::showRefusals()
{
    if (!d->document->isOpen())
        return;
    d->refusals->refreshNow();
    d->tabs->setCurrentWidget(d->refusals);
}

bool RequestEditor::showQuestion(int row)
{
    if (!d->document->isOpen() || row < 0 || row >= d->document->questionCount())
        return false;
    d->questions->setCurrentRow(row);
    d->tabs->setCurrentWidget(d->questions);
    return true;
}

int RequestEditor::currentQuestionRow() const
{
    return d->document->isOpen() ? d->questions->currentRow() : -1;
}

bool RequestEditor::questionsShown() const
{
    return d->document->isOpen() && d->tabs->currentWidget() == d->questions;
}

void RequestEditor::focusCurrentPage()
{
    QWidget *page = d->tabs->currentWidget();
    if (!page)
        return;
    // The first widget of the page that Tab would reach, in the window's focus order.
    QWidget *widget = page->nextInFocusChain();
    for (int steps = 0; widget && widget != page && steps < 1000; ++steps) {
        if (page->isAncestorOf(widget) && (widget->focusPolicy() & Qt::TabFocus) != 0
            && widget->isVisible() && widget->isEnabled()) {
            widget->setFocus(Qt::OtherFocusReason);
            return;
        }
        widget = widget->nextInFocusChain();
    }
    d->tabs->setFocus(Qt::OtherFocusReason);
}

QAction *RequestEditor::redactAction() const
{
    return d->questions->redactAction();
}

QAction *RequestEditor::addQuestionAction() const
{
    return d->addAction;
}

QAction *RequestEditor::removeQuestionAction() const
{
    return d->removeAction;
}

QAction *RequestEditor::moveQuestionUpAction() const
{
    return d->upAction;
}

QAction *RequestEditor::moveQuestionDownAction() const
{
    return d->downAction;
}

} // namespace foidesk

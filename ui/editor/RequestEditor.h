#pragma once

#include "model/Request.h"

#include <QWidget>
#include <memory>
#include <optional>

class QAction;
class QUndoStack;

namespace foidesk {

class RequestDocument;

class Store;
struct ReleaseCheckResult;

// Edits one request: its details, the requester, and its questions and answers. Every change
// is an undoable command on undoStack(); nothing reaches the store until save().
// If a save is refused (another window saved first, the disk is full) the text stays here.
class RequestEditor : public QWidget
{
    Q_OBJECT

public:
    explicit RequestEditor(Store *store, QWidget *parent = nullptr);
    ~RequestEditor() override;

    // Loads a stored request, dropping any unsaved edits (ask the user first: isModified()).
    bool openRequest(qint64 id);
    // Starts a new, unsaved request with today's date received.
    void newRequest();
    // Closes the current request (shows the empty state).
    void clear();

    // The editing session: the request as edited, its undo history, whether one is open.
    RequestDocument *document() const;
    qint64 requestId() const;   // 0 for a new, unsaved request or none
    bool hasRequest() const;
    bool isModified() const;
    QUndoStack *undoStack() const;
    // The request as it stands in the editor, unsaved edits included, shaped as a save would
    // store it. An empty Request when none is open.
    Request currentRequest() const;

    // Writes the request to the store. On failure shows why and keeps every edit.
    bool save();
    // Reloads the stored request, dropping unsaved edits.
    void revert();

    // Question actions, also reachable from the editor's own buttons and shortcuts.
    void addQuestion();
    void removeCurrentQuestion();
    void moveCurrentQuestionUp();
    void moveCurrentQuestionDown();

    // The last release check of the request's letter: the one stored with it, or one made since
    // it was opened (kept here until the request's first save). nullopt when there is none.
    std::optional<ReleaseCheckResult> lastReleaseCheck() const;
    // Keeps result as the request's last release check and stores it with the request; a new
    // request gets it when it is first saved. Returns false, after saying why, when the store
    // refused it.
    bool recordReleaseCheck(const ReleaseCheckResult &result);

    // Adds a tab after the editor's own (the Review and History tabs), and brings one to front.
    void addPage(QWidget *page, const QString &title);
    void showPage(QWidget *page);

    // Shows the Refusal reasons tab.
    void showRefusals();

    // Shows the Questions and answers tab with question row (0-based) current, as a search
    // result asks. Returns false, changing nothing, when no request is open or it has no such
    // question.
    bool showQuestion(int row);
    // The question current on the Questions and answers tab (-1 when there is none), and
    // whether that tab is the one shown.
    int currentQuestionRow() const;
    bool questionsShown() const;
    // Puts the cursor in the first field of the tab shown (the question list on Questions and
    // answers), for a keyboard user coming back from elsewhere in the window.
    void focusCurrentPage();

    // The question actions, with their shortcuts (window-wide), for the window's menus:
    // Add Question (Ctrl+Return), Remove Question (Ctrl+Shift+Delete),
    // Move Question Up (Alt+Up), Move Question Down (Alt+Down). Disabled when not applicable.
    QAction *addQuestionAction() const;
    QAction *removeQuestionAction() const;
    QAction *moveQuestionUpAction() const;
    QAction *moveQuestionDownAction() const;
    // Redact Selection (Ctrl+R) of the Questions page, for the window's Edit menu.
    QAction *redactAction() const;

Q_SIGNALS:
    void modificationChanged(bool modified);
    void requestSaved(qint64 id);
    void statusMessage(const QString &message);
    // The current request changed (opened, created, cleared) or its title/reference did.
    void captionChanged(const QString &caption);
    // Another request was asked for (a round robin's, or an earlier answer's): questionIndex
    // is the question to show, -1 for the request itself.
    void openRequestRequested(qint64 requestId, const QString &reference, int questionIndex);

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace foidesk

#pragma once

#include "workflow/Workflow.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <functional>

class QAction;
class QMenu;
class QWidget;

namespace foidesk {

class AppSettings;
class RequestEditor;
class Store;

// The Review menu: the workflow's moves for the request in the editor (Submit for Review,
// Approve, Return, Mark Sent, Reopen...), a comment, and who is working. Each move is enabled
// only when the state machine allows it for the current user now; its refusal is the action's
// status tip. A move saves unsaved edits first (saveFirst asks), asks what the move needs
// (MoveDialog), and reports a refusal in a message box that says why and what to do.
class ReviewActions : public QObject
{
    Q_OBJECT

public:
    ReviewActions(AppSettings *settings, QWidget *window);

    // saveFirst: asks to save the editor's changes; false when the user cancelled.
    // lastLetter: the final letter exported in this session for a reference, or empty.
    void setSource(Store *store,
                   RequestEditor *editor,
                   std::function<bool()> saveFirst,
                   std::function<QString(const QString &)> lastLetter);

    QMenu *menu() const { return m_menu; }
    QAction *moveAction(WorkflowMove move) const { return m_moves.value(move); }
    QAction *commentAction() const { return m_commentAction; }
    QAction *switchUserAction() const { return m_switchUserAction; }

    // Makes move on the request in the editor, asking what it needs. Returns true when made.
    bool makeMove(WorkflowMove move);
    // Asks for a comment (on one answer or the whole request) and keeps it.
    bool addComment(std::optional<int> question = std::nullopt);
    // Re-reads what the current user may do with the request in the editor.
    void update();

Q_SIGNALS:
    // A move was made: the request's status changed in the store.
    void moved(qint64 requestId, const QString &message);
    void commentAdded(qint64 requestId);
    void userChanged(const QString &login);
    void statusMessage(const QString &message);

private:
    qint64 currentRequest() const;
    void refuse(const QString &title, const QString &message, const QString &why);

    AppSettings *m_settings;
    QWidget *m_window;
    QPointer<Store> m_store;
    QPointer<RequestEditor> m_editor;
    std::function<bool()> m_saveFirst;
    std::function<QString(const QString &)> m_lastLetter;
    QMenu *m_menu;
    QHash<WorkflowMove, QAction *> m_moves;
    QAction *m_commentAction;
    QAction *m_switchUserAction;
};

} // namespace foidesk

#pragma once

#include "store/Store.h"
#include "workflow/ReviewChanges.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QTextBrowser;
class QToolButton;
class QUrl;

namespace foidesk {

class RequestEditor;
class ReviewActions;
class Store;

// The Review tab: what a supervisor reviews and what an officer gets back. Every question with
// its answer, the withheld passages shown and marked with their exemption (this is the log's
// own view, never a letter), what changed in each since the supervisor's last decision word by
// word, and the comments beside the answers they concern, each with Resolve. Buttons for the
// moves the current user may make now.
class ReviewPanel : public QWidget
{
    Q_OBJECT

public:
    ReviewPanel(Store *store,
                RequestEditor *editor,
                ReviewActions *actions,
                QWidget *parent = nullptr);

    // Re-reads the request in the editor, its comments and its last review.
    void refresh();

    // What the view shows, as plain text (for tests and screen readers).
    QString viewText() const;
    QTextBrowser *view() const { return m_view; }

private:
    void linkClicked(const QUrl &url);
    QString html(const Request &request,
                 const QList<ReviewComment> &comments,
                 const std::optional<ReviewPoint> &last) const;

    QPointer<Store> m_store;
    QPointer<RequestEditor> m_editor;
    ReviewActions *m_actions;
    QLabel *m_summary;
    QLabel *m_unsaved;
    QList<QToolButton *> m_moveButtons;
    QTextBrowser *m_view;
};

} // namespace foidesk

#pragma once

#include <QObject>

namespace foidesk {

class RequestDocument;

// Installed on every input widget of the editor. Line edits and text boxes keep an undo
// history of their own and claim Ctrl+Z before any window shortcut sees it; this filter takes
// Undo and Redo away from them so that there is one history, the document's. It also ends the
// typing run when a widget loses focus, so that each visit to a field is its own undo step.
class UndoKeyFilter : public QObject
{
    Q_OBJECT

public:
    explicit UndoKeyFilter(RequestDocument *document, QObject *parent = nullptr);

    // Installs the filter on widget and remembers nothing else about it.
    void watch(QObject *widget);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    RequestDocument *m_document;
};

} // namespace foidesk

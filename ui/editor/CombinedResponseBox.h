#pragma once

#include "editing/RequestDocument.h"

#include <QObject>

class QWidget;

class QCheckBox;
class QPlainTextEdit;

namespace foidesk {

// One response covering every question, as some letters answer: a tick box that switches it
// on and the response itself, shown only while it is in use. The two widgets are children of
// parent, for the page to lay out where it wants them.
class CombinedResponseBox : public QObject
{
    Q_OBJECT

public:
    CombinedResponseBox(RequestDocument *document, QWidget *parent);

    QCheckBox *check() const { return m_check; }
    QPlainTextEdit *response() const { return m_response; }

    // Shows the document's combined response and whether it is in use.
    void showCombined();

Q_SIGNALS:
    // Whether the combined response is in use changed (the question form hides its answer).
    void combinedShown(bool combined);

private:
    RequestDocument *m_document;
    QCheckBox *m_check;
    QPlainTextEdit *m_response;
    bool m_updating = false;
};

} // namespace foidesk

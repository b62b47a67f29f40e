#pragma once

#include "editing/RequestDocument.h"
#include "exemptions/ExemptionCatalogue.h"

#include <QList>
#include <QPair>
#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace foidesk {

// Every withheld passage of the request, question by question: the text and the exemption it
// is withheld under. Enter or a double click shows the passage in its answer; the exemption of
// the selected passage can be changed; Delete (or Remove) releases it. Every change is an
// undoable command on the document.
class RedactionsPanel : public QWidget
{
    Q_OBJECT

public:
    // A passage of one question's answer: (question row, span).
    using Passage = QPair<int, Redaction>;

    explicit RedactionsPanel(RequestDocument *document, QWidget *parent = nullptr);

    // The catalogue the exemption names and the exemption choices come from.
    void setCatalogue(const ExemptionCatalogue &catalogue);

    // How many passages the request withholds (rows of the list).
    int passageCount() const;
    // Makes the passage of question row that holds position the current row of the list.
    void selectPassage(int row, qsizetype position);

    // The one way the editor withholds text: each passage redacted through the document, and
    // an answered question becomes withheld in part, all as one undo step named undoText.
    // Returns false, pushing nothing, when every passage is already withheld as asked or out
    // of range.
    static bool
    withhold(RequestDocument *document, const QList<Passage> &passages, const QString &undoText);
    // Releases the passages as one undo step; a question withheld in part with nothing left
    // withheld becomes answered again in the same step. Returns false when nothing changed.
    static bool release(RequestDocument *document, const QList<Passage> &passages);

Q_SIGNALS:
    // The user asked to see a passage in its answer.
    void jumpRequested(int row, qsizetype start, qsizetype length);
    // The list was rebuilt; count passages are withheld.
    void passageCountChanged(int count);

private:
    void rebuild();
    void showCurrent();
    void fillExemptionChoices(const QString &current);
    void changeExemption(int comboIndex);
    void removeSelected();
    Regime regime() const;
    QList<QPair<int, int>> selectedSpans() const; // (question row, span index)

    RequestDocument *m_document;
    ExemptionCatalogue m_catalogue;
    bool m_rebuilding = false;

    QLabel *m_summary = nullptr;
    QTreeWidget *m_list = nullptr;
    QComboBox *m_exemption = nullptr;
    QPushButton *m_remove = nullptr;
};

} // namespace foidesk

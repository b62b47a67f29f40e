#include "editor/AnswerRedaction.h"

#include "editor/AnswerEdit.h"
#include "editor/QuestionForm.h"
#include "redaction/ExemptionChooser.h"
#include "redaction/RedactionsPanel.h"
#include "redaction/SuggestionScanner.h"

#include <QAction>
#include <QKeySequence>
#include <QTextCursor>

namespace foidesk {

AnswerRedaction::AnswerRedaction(RequestDocument *document, QuestionForm *form, QWidget *scope)
    : QObject(scope)
    , m_document(document)
    , m_form(form)
{
    m_action = new QAction(tr("Redact Se&lection\u2026"), this);
    m_action->setObjectName(QStringLiteral("redactAction"));
    m_action->setIconText(tr("Redact Selection\u2026"));
    m_action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_action->setToolTip(tr("Withhold the text selected in the answer under an exemption "
                            "(Ctrl+R)"));
    scope->addAction(m_action);
    m_form->setRedactAction(m_action);
    connect(m_action, &QAction::triggered, this, &AnswerRedaction::redactSelection);
    connect(
        m_form->answerEdit(), &AnswerEdit::releaseRequested, this, &AnswerRedaction::releaseSpan);
    connect(m_document, &RequestDocument::reset, this, [this] {
        // The exemption last used for a redaction in this request is the likeliest next one.
        m_lastExemption.clear();
        for (int row = 0; row < m_document->questionCount(); ++row) {
            if (!m_document->question(row).redactions.isEmpty())
                m_lastExemption = m_document->question(row).redactions.constLast().exemption;
        }
    });
}

void AnswerRedaction::setEnabled(bool enabled)
{
    m_action->setEnabled(enabled);
}

QString AnswerRedaction::defaultExemption() const
{
    if (!m_lastExemption.isEmpty()
        && (m_form->catalogue().all().isEmpty()
            || m_form->catalogue().find(m_form->regime(), m_lastExemption))) {
        return m_lastExemption;
    }
    return SuggestionScanner::personalDataExemption(m_form->regime());
}

QString AnswerRedaction::pickExemption()
{
    // The likeliest exemption first, so that Ctrl+R then Enter withholds under it; then the
    // others this request already relies on; then the whole catalogue.
    QStringList codes{defaultExemption()};
    QStringList used = m_document->request().exemptionsUsed();
    if (m_form->row() >= 0)
        used += m_document->question(m_form->row()).exemptions;
    for (const QString &code : std::as_const(used)) {
        if (!codes.contains(code))
            codes.append(code);
    }

    const QRect at = m_form->answerEdit()->cursorRect(m_form->answerEdit()->textCursor());
    return ExemptionChooser::pickFromMenu(
        m_form->catalogue(),
        m_form->regime(),
        codes,
        m_form->answerEdit()->viewport()->mapToGlobal(at.bottomRight()),
        m_form);
}

void AnswerRedaction::redactSelection()
{
    const int row = m_form->row();
    const QTextCursor cursor = m_form->answerEdit()->textCursor();
    if (row < 0 || !m_form->answerShown() || !cursor.hasSelection()) {
        Q_EMIT statusMessage(tr("Select the text to withhold in an answer first, then press "
                                "Ctrl+R."));
        return;
    }
    // The box shows the document's answer; if they ever differed the offsets would point at
    // other text, and withholding the wrong words is worse than refusing.
    if (m_form->answerEdit()->toPlainText() != m_document->question(row).answer) {
        Q_EMIT statusMessage(tr("The answer is still being updated. Select the text again and "
                                "press Ctrl+R."));
        return;
    }
    const qsizetype start = cursor.selectionStart();
    const qsizetype length = cursor.selectionEnd() - start;
    const QString code = pickExemption();
    if (code.isEmpty())
        return;
    m_lastExemption = code;
    if (RedactionsPanel::withhold(
            m_document, {{row, Redaction{start, length, code}}}, tr("Withhold text"))) {
        Q_EMIT statusMessage(
            tr("Withheld under %1 \u2014 Undo (%2) releases it")
                .arg(ExemptionCatalogue::shortLabel(code),
                     QKeySequence(QKeySequence::Undo).toString(QKeySequence::NativeText)));
    } else {
        Q_EMIT statusMessage(tr("That text is already withheld under %1.")
                                 .arg(ExemptionCatalogue::shortLabel(code)));
    }
    // Leave the cursor after the passage, so the highlight shows instead of the selection.
    QTextCursor after = m_form->answerEdit()->textCursor();
    after.setPosition(int(start + length));
    m_form->answerEdit()->setTextCursor(after);
    m_form->answerEdit()->setFocus(Qt::OtherFocusReason);
}

void AnswerRedaction::releaseSpan(int spanIndex)
{
    const int row = m_form->row();
    if (row < 0 || spanIndex < 0 || spanIndex >= m_document->question(row).redactions.size())
        return;
    const Redaction span = m_document->question(row).redactions.at(spanIndex);
    if (RedactionsPanel::release(m_document, {{row, span}})) {
        Q_EMIT statusMessage(
            tr("Released \u2014 the text will be sent in the letter. Undo (%1) withholds it "
               "again")
                .arg(QKeySequence(QKeySequence::Undo).toString(QKeySequence::NativeText)));
    }
}

} // namespace foidesk

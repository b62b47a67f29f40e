#include "editor/CombinedResponseBox.h"

#include "widgets/FormWidgets.h"
#include "widgets/WidgetSync.h"

#include <QCheckBox>
#include <QPlainTextEdit>
#include <QScopedValueRollback>

namespace foidesk {

using Field = RequestDocument::Field;

CombinedResponseBox::CombinedResponseBox(RequestDocument *document, QWidget *parent)
    : QObject(parent)
    , m_document(document)
    , m_check(new QCheckBox(tr("Answer all questions with one co&mbined response"), parent))
    , m_response(FormWidgets::textBox(
          QStringLiteral("combinedResponseEdit"), 6, FormWidgets::History::Document, parent))
{
    m_check->setObjectName(QStringLiteral("combinedCheck"));
    FormWidgets::setVerticalStretch(m_response, 1);
    m_response->setPlaceholderText(tr("One response answering all the questions above"));
    m_response->setAccessibleName(tr("Combined response"));

    connect(m_check, &QCheckBox::toggled, this, [this](bool on) {
        if (!m_updating)
            m_document->setValue(Field::CombinedEnabled, on);
    });
    connect(m_response, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_updating)
            m_document->setValue(Field::CombinedResponse, m_response->toPlainText());
    });
    connect(m_document, &RequestDocument::valueChanged, this, [this](Field field) {
        if (field == Field::CombinedEnabled || field == Field::CombinedResponse)
            showCombined();
    });
    connect(m_document, &RequestDocument::reset, this, &CombinedResponseBox::showCombined);
    showCombined();
}

void CombinedResponseBox::showCombined()
{
    const QScopedValueRollback<bool> guard(m_updating, true);
    const bool combined = m_document->value(Field::CombinedEnabled).toBool();
    m_check->setChecked(combined);
    syncPlainTextEdit(m_response, m_document->value(Field::CombinedResponse).toString());
    m_response->setEnabled(combined);
    // Shown only when in use: otherwise it takes room from the per-question answers.
    m_response->setVisible(combined);
    Q_EMIT combinedShown(combined);
}

} // namespace foidesk

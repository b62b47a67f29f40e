#include "editor/QuestionForm.h"

#include "editor/AnswerEdit.h"
#include "model/RequestEnums.h"
#include "redaction/ExemptionChooser.h"
#include "widgets/FormWidgets.h"
#include "widgets/WidgetSync.h"
#include "widgets/WrappedLabel.h"

#include <QAction>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLocale>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QToolButton>
#include <QVBoxLayout>

namespace foidesk {

namespace {

using Field = RequestDocument::Field;
using QField = RequestDocument::QuestionField;

// lines sets the smallest useful height; stretch shares out the rest of the tab's height, so
// the answer, where the officer spends most time, gets most of it.
template <typename Edit = QPlainTextEdit>
Edit *makeTextBox(const QString &objectName, int lines, int stretch, QWidget *parent)
{
    auto *edit =
        FormWidgets::textBox<Edit>(objectName, lines, FormWidgets::History::Document, parent);
    FormWidgets::setVerticalStretch(edit, stretch);
    return edit;
}

QStringList choicesFromText(const QString &text)
{
    return text.isEmpty() ? QStringList() : text.split(QLatin1Char('\n'));
}

// "s40(2) and s43(2)", for sentences.
QString joinedLabels(const QStringList &codes)
{
    QStringList labels;
    for (const QString &code : codes)
        labels.append(ExemptionCatalogue::shortLabel(code));
    if (labels.size() < 2)
        return labels.join(QString());
    const QString last = labels.takeLast();
    return QuestionForm::tr("%1 and %2").arg(labels.join(QStringLiteral(", ")), last);
}

} // namespace

QuestionForm::QuestionForm(RequestDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
{
    buildLayout();
    connectEdits();
    connect(
        m_document, &RequestDocument::questionValueChanged, this, &QuestionForm::showQuestionValue);
    connect(m_document, &RequestDocument::valueChanged, this, [this](Field field) {
        if (field == Field::Regime)
            showDisposition(); // the exemption names depend on the regime
    });
    showQuestion();
}

void QuestionForm::buildLayout()
{
    m_section = FormWidgets::lineEdit(
        QStringLiteral("sectionEdit"), tr("Optional, for example Chatbots"), this);
    m_label =
        FormWidgets::lineEdit(QStringLiteral("labelEdit"), tr("Optional, for example 2a"), this);
    m_condition = FormWidgets::lineEdit(
        QStringLiteral("conditionEdit"), tr("Optional, for example If yes:"), this);
    m_text = makeTextBox(QStringLiteral("questionTextEdit"), 3, 2, this);
    m_text->setPlaceholderText(tr("The question as the requester asked it"));
    m_choices = makeTextBox(QStringLiteral("choicesEdit"), 2, 1, this);
    m_choices->setPlaceholderText(tr("For a multiple-choice question: one choice per line"));
    m_disposition = new QComboBox(this);
    m_disposition->setObjectName(QStringLiteral("dispositionCombo"));
    m_disposition->setToolTip(tr("What the letter does with this question's answer"));
    for (Disposition disposition : allDispositions())
        m_disposition->addItem(dispositionDisplayName(disposition), int(disposition));

    m_exemptionsRow = new QWidget(this);
    m_exemptions = new WrappedLabel(QString(), m_exemptionsRow);
    m_exemptions->setObjectName(QStringLiteral("exemptionsLabel"));
    m_exemptions->setTextFormat(Qt::PlainText);
    m_exemptions->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_chooseExemptions = new QPushButton(tr("C&hoose\u2026"), m_exemptionsRow);
    m_chooseExemptions->setObjectName(QStringLiteral("chooseExemptionsButton"));
    m_chooseExemptions->setToolTip(tr("Choose the exemptions this question relies on"));
    auto *exemptionsLayout = new QHBoxLayout(m_exemptionsRow);
    exemptionsLayout->setContentsMargins(0, 0, 0, 0);
    exemptionsLayout->addWidget(m_exemptions, 1);
    exemptionsLayout->addWidget(m_chooseExemptions, 0, Qt::AlignTop);

    m_withheldBanner = new WrappedLabel(QString(), this);
    m_withheldBanner->setObjectName(QStringLiteral("withheldBanner"));
    m_withheldBanner->setStyleSheet(QStringLiteral(
        "QLabel#withheldBanner { background: #fff1c2; color: #3d3000; border: 1px solid #d9a800;"
        " border-radius: 3px; padding: 6px; }"));

    m_answerBox = new QWidget(this);
    m_answer = makeTextBox<AnswerEdit>(QStringLiteral("answerEdit"), 5, 4, m_answerBox);
    m_answer->setPlaceholderText(tr("The authority's answer to this question"));
    m_answerBox->setSizePolicy(m_answer->sizePolicy());

    m_redactButton = FormWidgets::textButton(QStringLiteral("redactButton"), m_answerBox);
    auto *redactRow = new QHBoxLayout;
    redactRow->addStretch(1);
    redactRow->addWidget(m_redactButton);
    auto *answerLayout = new QVBoxLayout(m_answerBox);
    answerLayout->setContentsMargins(0, 0, 0, 0);
    answerLayout->addWidget(m_answer, 1);
    answerLayout->addLayout(redactRow);
    m_noQuestionNote =
        new WrappedLabel(tr("This request has no questions. Add one with Add Question "
                            "(Ctrl+Return)."),
                         this);
    m_combinedNote = new QLabel(tr("Answered by the combined response below."), this);
    m_sourceNote = new WrappedLabel(QString(), this);
    m_sourceNote->setObjectName(QStringLiteral("answerSourceNote"));
    m_sourceNote->setTextFormat(Qt::PlainText);
    m_sourceNote->setStyleSheet(QStringLiteral(
        "QLabel#answerSourceNote { background: #e8f1fb; color: #0b2e4f; border: 1px solid #8fb3d9;"
        " border-radius: 3px; padding: 4px 6px; }"));

    m_form = new QFormLayout(this);
    m_form->addRow(m_noQuestionNote);
    auto addRow = [this](const QString &text, QWidget *field) {
        auto *label = new QLabel(text, field->parentWidget());
        label->setBuddy(field);
        m_form->addRow(label, field);
    };
    addRow(tr("Section &heading:"), m_section);
    addRow(tr("&Label:"), m_label);
    addRow(tr("Con&dition:"), m_condition);
    addRow(tr("Question &text:"), m_text);
    addRow(tr("&Choices:"), m_choices);
    addRow(tr("The letter &says:"), m_disposition);
    auto *exemptionsLabel = new QLabel(tr("Exemptions:"), this);
    exemptionsLabel->setBuddy(m_chooseExemptions);
    m_form->addRow(exemptionsLabel, m_exemptionsRow);
    m_form->addRow(m_withheldBanner);
    auto *answerLabel = new QLabel(tr("Ans&wer:"), this);
    answerLabel->setBuddy(m_answer);
    m_form->addRow(answerLabel, m_answerBox);
    m_form->addRow(QString(), m_sourceNote);
    m_form->addRow(m_combinedNote);
    m_form->setRowVisible(m_sourceNote, false);
}

void QuestionForm::showSource()
{
    const AnswerSource source = m_row >= 0 && m_row < m_document->questionCount()
                                    ? m_document->question(m_row).reusedFrom
                                    : AnswerSource();
    const bool shown = !source.isEmpty() && !m_combined;
    if (shown) {
        const QString answered = source.answered.isValid()
                                     ? tr(", answered %1").arg(QLocale().toString(
                                           source.answered, QStringLiteral("d MMMM yyyy")))
                                     : QString();
        m_sourceNote->setWrappedText(
            tr("This answer was copied from request %1, question %2%3. Check that it still "
               "holds: figures and names may have changed since.")
                .arg(source.reference, source.question, answered));
    }
    m_form->setRowVisible(m_sourceNote, shown);
}

void QuestionForm::connectEdits()
{
    auto line = [this](QLineEdit *edit, QField field) {
        connect(edit, &QLineEdit::textEdited, this, [this, field](const QString &value) {
            editQuestion(field, value);
        });
    };
    line(m_section, QField::Section);
    line(m_label, QField::Label);
    line(m_condition, QField::Condition);

    connect(m_text, &QPlainTextEdit::textChanged, this, [this] {
        editQuestion(QField::Text, m_text->toPlainText());
    });
    connect(m_choices, &QPlainTextEdit::textChanged, this, [this] {
        editQuestion(QField::Choices, choicesFromText(m_choices->toPlainText()));
    });
    connect(m_answer, &QPlainTextEdit::textChanged, this, [this] {
        editQuestion(QField::Answer, m_answer->toPlainText());
    });

    connect(m_disposition, &QComboBox::currentIndexChanged, this, [this] {
        if (m_updating)
            return;
        m_document->finishTyping();
        editQuestion(QField::Disposition, m_disposition->currentData().toInt());
    });
    connect(m_chooseExemptions, &QPushButton::clicked, this, &QuestionForm::chooseExemptions);
}

void QuestionForm::setRow(int row)
{
    m_row = row;
    showQuestion();
}

void QuestionForm::setCatalogue(const ExemptionCatalogue &catalogue, const QString &problem)
{
    m_catalogue = catalogue;
    m_catalogueProblem = problem;
    showDisposition();
    showSpans();
}

Regime QuestionForm::regime() const
{
    return Regime(m_document->value(Field::Regime).toInt());
}

void QuestionForm::setRedactAction(QAction *action)
{
    m_answer->setRedactAction(action);
    m_redactButton->setDefaultAction(action);
}

void QuestionForm::setCombined(bool combined)
{
    m_form->setRowVisible(m_answerBox, !combined);
    m_form->setRowVisible(m_combinedNote, combined);
    m_combined = combined;
    showSource();
}

bool QuestionForm::answerShown() const
{
    return m_answerBox->isVisibleTo(this);
}

void QuestionForm::editQuestion(QField field, const QVariant &value)
{
    if (!m_updating)
        m_document->setQuestionValue(m_row, field, value);
}

void QuestionForm::showQuestion()
{
    const int row = m_row;
    const bool hasQuestion = row >= 0;
    m_form->setRowVisible(m_noQuestionNote, m_document->questionCount() == 0);
    for (QWidget *w : {static_cast<QWidget *>(m_section),
                       static_cast<QWidget *>(m_label),
                       static_cast<QWidget *>(m_condition),
                       static_cast<QWidget *>(m_text),
                       static_cast<QWidget *>(m_choices),
                       static_cast<QWidget *>(m_disposition),
                       static_cast<QWidget *>(m_chooseExemptions),
                       static_cast<QWidget *>(m_answer)}) {
        w->setEnabled(hasQuestion);
    }
    for (QField f : {QField::Section,
                     QField::Label,
                     QField::Condition,
                     QField::Text,
                     QField::Choices,
                     QField::Answer}) {
        showQuestionValue(row, f);
    }
    showDisposition();
    showSpans();
    showSource();
}

void QuestionForm::showQuestionValue(int row, QField field)
{
    if (row != m_row)
        return; // the list shows it; the fields show the current question only
    const QScopedValueRollback<bool> guard(m_updating, true);
    const QVariant value = m_document->questionValue(row, field);
    switch (field) {
    case QField::Section:
        syncLineEdit(m_section, value.toString());
        break;
    case QField::Label:
        syncLineEdit(m_label, value.toString());
        break;
    case QField::Condition:
        syncLineEdit(m_condition, value.toString());
        break;
    case QField::Text:
        syncPlainTextEdit(m_text, value.toString());
        break;
    case QField::Choices: {
        // The box may hold a trailing empty line the user is about to type into; only replace
        // its text when the choices really differ.
        const QStringList choices = value.toStringList();
        if (choicesFromText(m_choices->toPlainText()) != choices)
            syncPlainTextEdit(m_choices, choices.join(QLatin1Char('\n')));
        break;
    }
    case QField::Answer:
        syncPlainTextEdit(m_answer, value.toString());
        // Replacing the text drops the highlight: an undo brings text and spans back together.
        showSpans();
        showSource();
        break;
    case QField::Disposition:
    case QField::Exemptions:
        showDisposition();
        break;
    case QField::Redactions:
        showSpans();
        showDisposition();
        break;
    }
}

QWidget *QuestionForm::widgetFor(QField field) const
{
    switch (field) {
    case QField::Section:
        return m_section;
    case QField::Label:
        return m_label;
    case QField::Condition:
        return m_condition;
    case QField::Text:
        return m_text;
    case QField::Choices:
        return m_choices;
    case QField::Answer:
    case QField::Redactions:
        return m_answer;
    case QField::Disposition:
        return m_disposition;
    case QField::Exemptions:
        return m_chooseExemptions;
    }
    return nullptr;
}

QWidget *QuestionForm::questionTextWidget() const
{
    return m_text;
}

QList<QWidget *> QuestionForm::focusChain() const
{
    return {m_section,
            m_label,
            m_condition,
            m_text,
            m_choices,
            m_disposition,
            m_chooseExemptions,
            m_answer,
            m_redactButton};
}

void QuestionForm::showDisposition()
{
    const int row = m_row;
    if (row < 0) {
        const QScopedValueRollback<bool> guard(m_updating, true);
        m_disposition->setCurrentIndex(0);
        m_exemptions->setWrappedText(QString());
        m_form->setRowVisible(m_withheldBanner, false);
        return;
    }
    const Question &question = m_document->question(row);
    {
        const QScopedValueRollback<bool> guard(m_updating, true);
        m_disposition->setCurrentIndex(m_disposition->findData(int(question.disposition)));
    }

    // The question's own exemptions, then those of its withheld passages: all of them reach
    // the letter's refusal notices.
    QStringList described;
    for (const QString &code : question.exemptions) {
        const Exemption *entry = m_catalogue.find(regime(), code);
        const QString name = ExemptionChooser::describe(m_catalogue, regime(), code);
        described.append(
            entry ? tr("%1 (%2)").arg(name, exemptionKindShortName(entry->kind).toLower())
                  : name);
    }
    QStringList fromPassages;
    for (const Redaction &span : question.redactions) {
        if (!question.exemptions.contains(span.exemption)
            && !fromPassages.contains(span.exemption)) {
            fromPassages.append(span.exemption);
        }
    }
    for (const QString &code : std::as_const(fromPassages)) {
        described.append(tr("%1 (for withheld text)")
                             .arg(ExemptionChooser::describe(m_catalogue, regime(), code)));
    }
    m_exemptions->setWrappedText(described.isEmpty() ? tr("None chosen") : described.join(u"; "));
    if (!m_catalogueProblem.isEmpty())
        m_exemptions->setToolTip(
            tr("The exemption catalogue is incomplete: %1").arg(m_catalogueProblem));
    else
        m_exemptions->setToolTip(QString());

    // The answer box stays editable for internal notes, but nobody should think it is sent.
    QString banner;
    switch (question.disposition) {
    case Disposition::Withheld:
        banner = question.exemptions.isEmpty()
                     ? tr("This answer is not sent: the letter says it is withheld, but no "
                          "exemption is chosen yet. Choose one above.")
                     : tr("This answer is not sent: the letter says it is withheld under %1. "
                          "Anything typed here stays internal.")
                           .arg(joinedLabels(question.exemptions));
        break;
    case Disposition::NotHeld:
        banner = tr("This answer is not sent: the letter says the information is not held. "
                    "Anything typed here stays internal.");
        break;
    case Disposition::NeitherConfirmNorDeny:
        banner = question.exemptions.isEmpty()
                     ? tr("This answer is not sent: the letter neither confirms nor denies "
                          "that the information is held. Choose the exemption that allows "
                          "this above.")
                     : tr("This answer is not sent: the letter neither confirms nor denies "
                          "that the information is held, under %1.")
                           .arg(joinedLabels(question.exemptions));
        break;
    case Disposition::Answered:
    case Disposition::PartWithheld:
        break;
    }
    m_withheldBanner->setWrappedText(banner);
    m_form->setRowVisible(m_withheldBanner, !banner.isEmpty());
}

void QuestionForm::showSpans()
{
    const int row = m_row;
    if (row < 0) {
        m_answer->setSpans({}, {});
        return;
    }
    const QList<Redaction> &spans = m_document->question(row).redactions;
    QStringList labels;
    for (const Redaction &span : spans) {
        labels.append(tr("Withheld under %1. Right-click to release it.")
                          .arg(ExemptionChooser::describe(m_catalogue, regime(), span.exemption)));
    }
    m_answer->setSpans(spans, labels);
}

void QuestionForm::chooseExemptions()
{
    const int row = m_row;
    if (row < 0)
        return;
    ExemptionChooser chooser(m_catalogue,
                             regime(),
                             m_document->question(row).exemptions,
                             ExemptionChooser::Mode::Several,
                             this);
    if (chooser.exec() != QDialog::Accepted)
        return;
    m_document->finishTyping();
    m_document->setQuestionValue(row, QField::Exemptions, chooser.selectedCodes());
}

} // namespace foidesk

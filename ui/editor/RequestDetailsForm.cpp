#include "editor/RequestDetailsForm.h"

#include "clock/ClockEventsPanel.h"

#include "widgets/DateField.h"
#include "widgets/FormWidgets.h"

#include "widgets/WidgetSync.h"
#include "model/RequestEnums.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScopedValueRollback>
#include <QTimer>
#include <QVBoxLayout>

namespace foidesk {

namespace {

using Field = RequestDocument::Field;

void selectData(QComboBox *combo, int value)
{
    combo->setCurrentIndex(combo->findData(value));
}

} // namespace

RequestDetailsForm::RequestDetailsForm(RequestDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
{
    buildLayout();
    connectEdits();
    connect(m_document, &RequestDocument::valueChanged, this, &RequestDetailsForm::showValue);
    connect(m_document, &RequestDocument::reset, this, &RequestDetailsForm::refresh);
    refresh();
}

void RequestDetailsForm::buildLayout()
{
    auto *details = new QGroupBox(tr("Request details"), this);
    m_reference = new QLineEdit(details);
    m_reference->setObjectName(QStringLiteral("referenceEdit"));
    m_reference->setPlaceholderText(tr("Required, for example 6370952"));
    m_referenceTaken = new QLabel(details);
    m_referenceTaken->setObjectName(QStringLiteral("referenceTakenLabel"));
    m_referenceTaken->setWordWrap(true);
    m_referenceTaken->setTextFormat(Qt::PlainText);
    m_referenceTaken->setStyleSheet(QStringLiteral("color: #a4262c;")); // readable dark red
    m_referenceTaken->hide();
    m_referenceTimer = new QTimer(this);
    m_referenceTimer->setSingleShot(true);
    m_referenceTimer->setInterval(300);
    connect(m_referenceTimer, &QTimer::timeout, this, &RequestDetailsForm::checkReference);
    m_title = new QLineEdit(details);
    m_title->setObjectName(QStringLiteral("titleEdit"));
    m_title->setPlaceholderText(tr("A few words saying what the request is about"));

    m_introduction = new QPlainTextEdit(details);
    m_introduction->setObjectName(QStringLiteral("introductionEdit"));
    m_introduction->setUndoRedoEnabled(false); // the document's history has it
    m_introduction->setTabChangesFocus(true);
    m_introduction->setPlaceholderText(
        tr("Optional: the requester's words before the questions, quoted before them in the "
           "letter"));
    m_introduction->setFixedHeight(fontMetrics().lineSpacing() * 3 + 12);

    m_regime = new QComboBox(details);
    m_regime->setObjectName(QStringLiteral("regimeCombo"));
    for (Regime r : allRegimes()) {
        m_regime->addItem(tr("%1 (%2)").arg(regimeDisplayName(r), regimeShortName(r)), int(r));
    }

    m_received = new DateField(QStringLiteral("receivedEdit"), details);
    m_received->setPlaceholderText(tr("Not set"));

    m_status = new QComboBox(details);
    m_status->setObjectName(QStringLiteral("statusCombo"));
    for (RequestStatus s : allStatuses())
        m_status->addItem(statusDisplayName(s), int(s));

    m_held = new QComboBox(details);
    m_held->setObjectName(QStringLiteral("heldCombo"));
    for (Held h : allHeldValues())
        m_held->addItem(heldDisplayName(h), int(h));

    m_officer = new QComboBox(details);
    m_officer->setObjectName(QStringLiteral("officerCombo"));
    m_officer->setEditable(true);
    m_officer->setInsertPolicy(QComboBox::NoInsert);
    m_officer->lineEdit()->setPlaceholderText(tr("Choose from the staff register or type a name"));

    m_letterDateCheck = new QCheckBox(tr("&Letter date:"), details);
    m_letterDateCheck->setObjectName(QStringLiteral("letterDateCheck"));
    m_letterDateCheck->setToolTip(tr("Tick to date the response letter; leave unticked while "
                                     "the letter has not been sent."));
    m_letterDate = new DateField(QStringLiteral("letterDateEdit"), details);
    m_letterFinal = new QCheckBox(tr("Letter is &final (exports without the DRAFT mark)"),
                                  details);
    m_letterFinal->setObjectName(QStringLiteral("letterFinalCheck"));
    m_letterFinal->setToolTip(tr("Leave unticked while the letter is being drafted or reviewed: "
                                 "every page of a draft carries a DRAFT mark."));

    auto *detailsForm = new QFormLayout(details);
    detailsForm->addRow(FormWidgets::buddyLabel(tr("&Reference:"), m_reference), m_reference);
    detailsForm->addRow(QString(), m_referenceTaken);
    detailsForm->addRow(FormWidgets::buddyLabel(tr("&Title:"), m_title), m_title);
    detailsForm->addRow(FormWidgets::buddyLabel(tr("I&ntroduction:"), m_introduction),
                        m_introduction);
    detailsForm->addRow(FormWidgets::buddyLabel(tr("Re&gime:"), m_regime), m_regime);
    detailsForm->addRow(FormWidgets::buddyLabel(tr("Date recei&ved:"), m_received), m_received);
    detailsForm->addRow(m_letterDateCheck, m_letterDate);
    detailsForm->addRow(QString(), m_letterFinal);
    detailsForm->addRow(FormWidgets::buddyLabel(tr("&Status:"), m_status), m_status);
    detailsForm->addRow(FormWidgets::buddyLabel(tr("&Held:"), m_held), m_held);
    detailsForm->addRow(FormWidgets::buddyLabel(tr("Assigned &officer:"), m_officer), m_officer);

    m_clock = new ClockEventsPanel(m_document, this);

    auto *requester = new QGroupBox(tr("Requester"), this);
    auto *privacyNote = new QLabel(tr("Personal data: used to handle this request and never "
                                      "published in the disclosure log or any export."),
                                   requester);
    privacyNote->setObjectName(QStringLiteral("personalDataNote"));
    privacyNote->setWordWrap(true);
    QFont noteFont = privacyNote->font();
    noteFont.setItalic(true);
    privacyNote->setFont(noteFont);

    m_requesterName = new QLineEdit(requester);
    m_requesterName->setObjectName(QStringLiteral("requesterNameEdit"));
    m_requesterEmail = new QLineEdit(requester);
    m_requesterEmail->setObjectName(QStringLiteral("requesterEmailEdit"));
    m_requesterAddress = new QPlainTextEdit(requester);
    m_requesterAddress->setObjectName(QStringLiteral("requesterAddressEdit"));
    m_requesterAddress->setUndoRedoEnabled(false);
    m_requesterAddress->setTabChangesFocus(true);
    m_requesterAddress->setMaximumHeight(fontMetrics().lineSpacing() * 6);
    m_requesterKind = new QComboBox(requester);
    m_requesterKind->setObjectName(QStringLiteral("requesterKindCombo"));
    for (RequesterKind k : allRequesterKinds())
        m_requesterKind->addItem(requesterKindDisplayName(k), int(k));

    // Long entries ("Environmental Information (Scotland) Regulations 2004") must not make the
    // whole page wider than the editor beside the letter preview.
    for (QComboBox *combo : {m_regime, m_status, m_held, m_officer, m_requesterKind}) {
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(16);
    }
    auto *requesterForm = new QFormLayout(requester);
    requesterForm->addRow(privacyNote);
    requesterForm->addRow(FormWidgets::buddyLabel(tr("&Name:"), m_requesterName), m_requesterName);
    requesterForm->addRow(FormWidgets::buddyLabel(tr("&Email:"), m_requesterEmail), m_requesterEmail);
    requesterForm->addRow(FormWidgets::buddyLabel(tr("Postal a&ddress:"), m_requesterAddress),
                          m_requesterAddress);
    requesterForm->addRow(FormWidgets::buddyLabel(tr("&Kind:"), m_requesterKind), m_requesterKind);

    auto *publication = new QGroupBox(tr("Publication"), this);
    publication->setObjectName(QStringLiteral("publicationGroup"));
    m_notForPublication = new QCheckBox(tr("Not for &publication in the disclosure log"),
                                        publication);
    m_notForPublication->setObjectName(QStringLiteral("notForPublicationCheck"));
    m_notForPublicationReason = new QLineEdit(publication);
    m_notForPublicationReason->setObjectName(QStringLiteral("notForPublicationReasonEdit"));
    m_notForPublicationReason->setPlaceholderText(
        tr("Why, for example: the requester asked for their own personal data"));
    m_publishAfterCheck = new QCheckBox(tr("Publish a&fter:"), publication);
    m_publishAfterCheck->setObjectName(QStringLiteral("publishAfterCheck"));
    m_publishAfterCheck->setToolTip(tr("Tick to keep the request out of the published log "
                                       "until this day."));
    m_publishAfter = new DateField(QStringLiteral("publishAfterEdit"), publication);
    auto *publicationForm = new QFormLayout(publication);
    publicationForm->addRow(m_notForPublication);
    publicationForm->addRow(FormWidgets::buddyLabel(tr("Reas&on:"), m_notForPublicationReason),
                            m_notForPublicationReason);
    publicationForm->addRow(m_publishAfterCheck, m_publishAfter);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(details);
    layout->addWidget(m_clock);
    layout->addWidget(requester);
    layout->addWidget(publication);
    layout->addStretch(1);

    const QList<QWidget *> order = inputWidgets();
    for (qsizetype i = 1; i < order.size(); ++i)
        setTabOrder(order.at(i - 1), order.at(i));
}

void RequestDetailsForm::connectEdits()
{
    auto text = [this](QLineEdit *lineEdit, Field field) {
        connect(lineEdit, &QLineEdit::textEdited, this, [this, field](const QString &value) {
            edit(field, value);
        });
    };
    text(m_reference, Field::Reference);
    connect(m_reference, &QLineEdit::textEdited, m_referenceTimer, qOverload<>(&QTimer::start));
    text(m_title, Field::Title);
    text(m_requesterName, Field::RequesterName);
    text(m_requesterEmail, Field::RequesterEmail);
    text(m_notForPublicationReason, Field::NotForPublicationReason);
    connect(m_notForPublication, &QCheckBox::toggled, this, [this](bool on) {
        edit(Field::NotForPublication, on);
    });
    connect(m_publishAfterCheck, &QCheckBox::toggled, this, [this](bool on) {
        if (on && !m_publishAfter->date().isValid())
            m_publishAfter->setDate(QDate::currentDate());
        edit(Field::PublishAfter, on ? m_publishAfter->date() : QDate());
    });
    connect(m_publishAfter, &DateField::dateChanged, this, [this](QDate date) {
        if (m_publishAfterCheck->isChecked())
            edit(Field::PublishAfter, date);
    });

    auto choice = [this](QComboBox *combo, Field field) {
        connect(combo, &QComboBox::currentIndexChanged, this, [this, combo, field](int index) {
            if (index >= 0)
                edit(field, combo->itemData(index).toInt());
        });
    };
    choice(m_regime, Field::Regime);
    choice(m_held, Field::Held);
    choice(m_requesterKind, Field::RequesterKind);

    connect(m_status, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (index < 0 || m_updating)
            return;
        const auto status = RequestStatus(m_status->itemData(index).toInt());
        const std::optional<QString> refusal =
            m_statusGate ? m_statusGate(status) : std::optional<QString>();
        if (refusal) {
            // Put the box back before saying why, so that nothing shows a status the request
            // does not have; no command was pushed, so the history is as it was.
            showValue(Field::Status);
            Q_EMIT statusRefused(*refusal);
            return;
        }
        edit(Field::Status, int(status));
    });
    connect(m_officer, &QComboBox::currentTextChanged, this, [this](const QString &value) {
        edit(Field::Officer, value);
    });
    connect(m_received, &DateField::dateChanged, this, [this](QDate date) {
        edit(Field::Received, date);
    });
    connect(m_letterDateCheck, &QCheckBox::toggled, this, [this](bool on) {
        if (on && !m_letterDate->date().isValid())
            m_letterDate->setDate(QDate::currentDate());
        edit(Field::LetterDate, on ? m_letterDate->date() : QDate());
    });
    connect(m_letterDate, &DateField::dateChanged, this, [this](QDate date) {
        // Clearing the letter date is unticking it.
        if (m_letterDateCheck->isChecked())
            edit(Field::LetterDate, date);
    });
    connect(m_letterFinal, &QCheckBox::toggled, this, [this](bool on) {
        edit(Field::LetterFinal, on);
    });
    connect(m_requesterAddress, &QPlainTextEdit::textChanged, this, [this] {
        edit(Field::RequesterAddress, m_requesterAddress->toPlainText());
    });
    connect(m_introduction, &QPlainTextEdit::textChanged, this, [this] {
        edit(Field::Introduction, m_introduction->toPlainText());
    });
}

void RequestDetailsForm::edit(Field field, const QVariant &value)
{
    if (!m_updating)
        m_document->setValue(field, value);
}

void RequestDetailsForm::refresh()
{
    if (m_referenceTaken) {
        m_referenceTimer->stop();
        m_referenceTaken->hide();
    }
    for (Field f : {Field::Reference,
                    Field::Title,
                    Field::Introduction,
                    Field::Regime,
                    Field::Received,
                    Field::Status,
                    Field::Held,
                    Field::Officer,
                    Field::LetterDate,
                    Field::LetterFinal,
                    Field::RequesterName,
                    Field::RequesterEmail,
                    Field::RequesterAddress,
                    Field::RequesterKind,
                    Field::NotForPublication,
                    Field::NotForPublicationReason,
                    Field::PublishAfter}) {
        showValue(f);
    }
}

void RequestDetailsForm::showValue(Field field)
{
    const QScopedValueRollback<bool> guard(m_updating, true);
    const QVariant value = m_document->value(field);
    switch (field) {
    case Field::Reference:
        syncLineEdit(m_reference, value.toString());
        m_referenceTimer->start(); // undo and redo change it too
        break;
    case Field::Title:
        syncLineEdit(m_title, value.toString());
        break;
    case Field::Regime:
        selectData(m_regime, value.toInt());
        break;
    case Field::Received:
        if (m_received->date() != value.toDate() || m_received->lineEdit()->text().isEmpty())
            m_received->setDate(value.toDate());
        break;
    case Field::Status:
        selectData(m_status, value.toInt());
        break;
    case Field::Held:
        selectData(m_held, value.toInt());
        break;
    case Field::Officer:
        if (m_officer->currentText() != value.toString())
            m_officer->setCurrentText(value.toString());
        break;
    case Field::LetterDate: {
        const QDate date = value.toDate();
        m_letterDateCheck->setChecked(date.isValid());
        m_letterDate->setEnabled(date.isValid());
        if (m_letterDate->date() != date || !date.isValid())
            m_letterDate->setDate(date.isValid() ? date : QDate::currentDate());
        break;
    }
    case Field::LetterFinal:
        m_letterFinal->setChecked(value.toBool());
        break;
    case Field::RequesterName:
        syncLineEdit(m_requesterName, value.toString());
        break;
    case Field::RequesterEmail:
        syncLineEdit(m_requesterEmail, value.toString());
        break;
    case Field::RequesterAddress:
        syncPlainTextEdit(m_requesterAddress, value.toString());
        break;
    case Field::RequesterKind:
        selectData(m_requesterKind, value.toInt());
        break;
    case Field::Introduction:
        syncPlainTextEdit(m_introduction, value.toString());
        break;
    case Field::NotForPublication:
        m_notForPublication->setChecked(value.toBool());
        m_notForPublicationReason->setEnabled(value.toBool()
                                              || !m_document->value(Field::NotForPublicationReason)
                                                      .toString()
                                                      .isEmpty());
        break;
    case Field::NotForPublicationReason:
        syncLineEdit(m_notForPublicationReason, value.toString());
        break;
    case Field::PublishAfter: {
        const QDate date = value.toDate();
        m_publishAfterCheck->setChecked(date.isValid());
        m_publishAfter->setEnabled(date.isValid());
        if (m_publishAfter->date() != date || !date.isValid())
            m_publishAfter->setDate(date.isValid() ? date : QDate::currentDate());
        break;
    }
    case Field::CombinedEnabled:
    case Field::CombinedResponse:
        break;
    }
}

void RequestDetailsForm::setStatusGate(StatusGate gate)
{
    m_statusGate = std::move(gate);
}

void RequestDetailsForm::setReferenceCheck(ReferenceCheck check)
{
    m_referenceCheck = std::move(check);
}

void RequestDetailsForm::checkReference()
{
    m_referenceTimer->stop();
    const QString reference = m_reference->text().trimmed();
    const QString problem =
        m_referenceCheck && !reference.isEmpty() ? m_referenceCheck(reference) : QString();
    m_referenceTaken->setText(problem);
    m_referenceTaken->setVisible(!problem.isEmpty());
}

void RequestDetailsForm::setOfficerNames(const QStringList &names)
{
    const QScopedValueRollback<bool> guard(m_updating, true);
    const QString current = m_document->value(Field::Officer).toString();
    m_officer->clear();
    m_officer->addItems(names);
    m_officer->setCurrentText(current);
}

QWidget *RequestDetailsForm::widgetFor(Field field) const
{
    switch (field) {
    case Field::Reference:
        return m_reference;
    case Field::Title:
        return m_title;
    case Field::Regime:
        return m_regime;
    case Field::Received:
        return m_received;
    case Field::Status:
        return m_status;
    case Field::Held:
        return m_held;
    case Field::Officer:
        return m_officer;
    case Field::LetterDate:
        return m_letterDate->isEnabled() ? static_cast<QWidget *>(m_letterDate) : m_letterDateCheck;
    case Field::LetterFinal:
        return m_letterFinal;
    case Field::RequesterName:
        return m_requesterName;
    case Field::RequesterEmail:
        return m_requesterEmail;
    case Field::RequesterAddress:
        return m_requesterAddress;
    case Field::RequesterKind:
        return m_requesterKind;
    case Field::Introduction:
        return m_introduction;
    case Field::NotForPublication:
        return m_notForPublication;
    case Field::NotForPublicationReason:
        return m_notForPublicationReason;
    case Field::PublishAfter:
        return m_publishAfter->isEnabled() ? static_cast<QWidget *>(m_publishAfter)
                                           : m_publishAfterCheck;
    case Field::CombinedEnabled:
    case Field::CombinedResponse:
        return nullptr;
    }
    return nullptr;
}

QList<QWidget *> RequestDetailsForm::inputWidgets() const
{
    const QList<QWidget *> clock = m_clock->inputWidgets();
    QList<QWidget *> inputs{m_reference,
                            m_title,
                            m_introduction,
                            m_regime,
                            m_received->lineEdit(),
                            m_letterDateCheck,
                            m_letterDate->lineEdit(),
                            m_letterFinal,
                            m_status,
                            m_held,
                            m_officer};
    // The statutory clock comes between the request's details and the requester.
    inputs += clock;
    inputs +=
        QList<QWidget *>{m_requesterName, m_requesterEmail, m_requesterAddress, m_requesterKind};
    inputs += QList<QWidget *>{m_notForPublication,
                               m_notForPublicationReason,
                               m_publishAfterCheck,
                               m_publishAfter->lineEdit()};
    return inputs;
}

QWidget *RequestDetailsForm::firstInput() const
{
    return m_reference;
}

QWidget *RequestDetailsForm::lastInput() const
{
    return m_requesterKind;
}

} // namespace foidesk

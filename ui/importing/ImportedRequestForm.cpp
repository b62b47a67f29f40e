#include "importing/ImportedRequestForm.h"

#include "model/RequestEnums.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTableWidget>
#include <QVBoxLayout>

namespace foidesk {

namespace {

enum Column
{
    SectionColumn,
    LabelColumn,
    ConditionColumn,
    TextColumn,
    AnswerColumn,
    ExemptionsColumn
};

QLineEdit *lineEdit(const QString &objectName, QWidget *parent)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setClearButtonEnabled(true);
    return edit;
}

} // namespace

ImportedRequestForm::ImportedRequestForm(QWidget *parent)
    : QWidget(parent)
    , m_reference(lineEdit(QStringLiteral("importReferenceEdit"), this))
    , m_title(lineEdit(QStringLiteral("importTitleEdit"), this))
    , m_received(lineEdit(QStringLiteral("importReceivedEdit"), this))
    , m_letterDate(lineEdit(QStringLiteral("importLetterDateEdit"), this))
    , m_regime(new QComboBox(this))
    , m_held(new QComboBox(this))
    , m_requester(lineEdit(QStringLiteral("importRequesterEdit"), this))
    , m_questions(new QTableWidget(0, 6, this))
    , m_combined(new QLabel(this))
    , m_notes(new QLabel(this))
{
    m_regime->setObjectName(QStringLiteral("importRegimeCombo"));
    m_regime->addItem(tr("(not found: choose one)"));
    for (const Regime regime : allRegimes())
        m_regime->addItem(regimeDisplayName(regime), regimeCode(regime));
    m_held->setObjectName(QStringLiteral("importHeldCombo"));
    m_held->addItem(tr("(not found)"), QString());
    m_held->addItem(tr("All of it"), QStringLiteral("all"));
    m_held->addItem(tr("Some of it"), QStringLiteral("some"));
    m_held->addItem(tr("None of it"), QStringLiteral("none"));
    m_held->addItem(tr("Neither confirmed nor denied"), QStringLiteral("ncnd"));

    m_questions->setObjectName(QStringLiteral("importQuestionsTable"));
    m_questions->setHorizontalHeaderLabels({tr("Section"),
                                            tr("Label"),
                                            tr("Condition"),
                                            tr("Question"),
                                            tr("Answer"),
                                            tr("Exemptions")});
    m_questions->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_questions->horizontalHeader()->setSectionResizeMode(TextColumn, QHeaderView::Stretch);
    m_questions->horizontalHeader()->setSectionResizeMode(AnswerColumn, QHeaderView::Stretch);
    m_questions->setWordWrap(true);
    m_questions->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_questions->setMinimumHeight(160);

    m_combined->setObjectName(QStringLiteral("importCombinedLabel"));
    m_combined->setWordWrap(true);
    m_notes->setObjectName(QStringLiteral("importNotesLabel"));
    m_notes->setWordWrap(true);
    m_notes->setTextFormat(Qt::PlainText);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("&Reference:"), m_reference);
    form->addRow(tr("&Title:"), m_title);
    form->addRow(tr("Date &received:"), m_received);
    form->addRow(tr("&Letter dated:"), m_letterDate);
    form->addRow(tr("&Law:"), m_regime);
    form->addRow(tr("&Held:"), m_held);
    form->addRow(tr("Re&quester:"), m_requester);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    auto *questionsLabel = new QLabel(tr("&Questions and answers:"), this);
    questionsLabel->setBuddy(m_questions);
    layout->addWidget(questionsLabel);
    layout->addWidget(m_questions, 1);
    layout->addWidget(m_combined);
    layout->addWidget(m_notes);
}

void ImportedRequestForm::setLetter(const ImportedLetter &letter)
{
    m_letter = letter;
    const Request &r = letter.request;
    const QString notFound = tr("not found in the letter");
    const QString dateNotFound = tr("not found (YYYY-MM-DD)");
    m_reference->setText(r.reference);
    m_reference->setPlaceholderText(tr("not found: give the reference to create the request"));
    m_title->setText(r.title);
    m_title->setPlaceholderText(notFound);
    m_received->setText(r.received.toString(Qt::ISODate));
    m_received->setPlaceholderText(dateNotFound);
    m_letterDate->setText(r.letterDate.toString(Qt::ISODate));
    m_letterDate->setPlaceholderText(dateNotFound);
    m_regime->setCurrentIndex(
        letter.isMissing(QStringLiteral("regime")) ? 0 : m_regime->findData(regimeCode(r.regime)));
    m_held->setCurrentIndex(std::max(0, m_held->findData(heldCode(r.held))));
    m_requester->setText(r.requester.name);
    m_requester->setPlaceholderText(notFound);
    fillQuestions(r.questions);
    m_combined->setVisible(!r.combinedResponse.isEmpty());
    m_combined->setText(
        tr("One answer for all the questions: %1").arg(r.combinedResponse.left(300)));
    QStringList notes = letter.notes;
    if (!letter.exemptions.isEmpty())
        notes.prepend(
            tr("Exemptions cited: %1.").arg(letter.exemptions.join(QStringLiteral(", "))));
    m_notes->setText(notes.isEmpty()
                         ? QString()
                         : QStringLiteral("\u2022 ") + notes.join(QStringLiteral("\n\u2022 ")));
}

void ImportedRequestForm::fillQuestions(const QList<Question> &questions)
{
    m_questions->setRowCount(int(questions.size()));
    for (int row = 0; row < questions.size(); ++row) {
        const Question &q = questions[row];
        const QStringList cells = {q.section,
                                   q.label,
                                   q.condition,
                                   q.text,
                                   q.answer,
                                   q.exemptions.join(QStringLiteral(", "))};
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells[column]);
            // The codes come from the catalogue; they are changed in the editor afterwards.
            if (column == ExemptionsColumn)
                item->setFlags(item->flags() & ~Qt::ItemIsEditable);
            m_questions->setItem(row, column, item);
        }
    }
    m_questions->setColumnWidth(SectionColumn, 80);
    m_questions->setColumnWidth(LabelColumn, 42);
    m_questions->setColumnWidth(ConditionColumn, 60);
    m_questions->setColumnWidth(ExemptionsColumn, 75);
}

Result<Request> ImportedRequestForm::request() const
{
    Request r = m_letter.request;
    r.reference = m_reference->text().trimmed();
    if (r.reference.isEmpty()) {
        return Error(ErrorKind::BadInput,
                     QStringLiteral("reference: ")
                         + tr("the letter gives no reference; type the request's reference"));
    }
    r.title = m_title->text().trimmed();
    const auto date = [](const QLineEdit *edit, QDate *out) {
        const QString text = edit->text().trimmed();
        *out = text.isEmpty() ? QDate() : QDate::fromString(text, Qt::ISODate);
        return text.isEmpty() || out->isValid();
    };
    if (!date(m_received, &r.received))
        return Error(ErrorKind::BadInput,
                     QStringLiteral("received: ") + tr("write the date as YYYY-MM-DD"));
    if (!date(m_letterDate, &r.letterDate))
        return Error(ErrorKind::BadInput,
                     QStringLiteral("letter_date: ") + tr("write the date as YYYY-MM-DD"));
    if (m_regime->currentIndex() <= 0) {
        return Error(
            ErrorKind::BadInput,
            QStringLiteral("regime: ")
                + tr("the letter names no law; choose the one the request was handled under"));
    }
    r.regime = regimeFromCode(m_regime->currentData().toString()).value_or(Regime::FOIA);
    r.held = heldFromCode(m_held->currentData().toString()).value_or(Held::Undecided);
    r.requester.name = m_requester->text().trimmed();
    for (int row = 0; row < m_questions->rowCount() && row < r.questions.size(); ++row) {
        Question &q = r.questions[row];
        const auto cell = [&](int column) {
            const QTableWidgetItem *item = m_questions->item(row, column);
            return item ? item->text().trimmed() : QString();
        };
        q.section = cell(SectionColumn);
        q.label = cell(LabelColumn);
        q.condition = cell(ConditionColumn);
        q.text = cell(TextColumn);
        q.answer = cell(AnswerColumn);
        if (q.text.isEmpty()) {
            return Error(ErrorKind::BadInput,
                         QStringLiteral("questions: ")
                             + tr("question %1 has no text").arg(row + 1));
        }
    }
    return r;
}

void ImportedRequestForm::focusField(const QString &field)
{
    if (field == u"reference")
        m_reference->setFocus();
    else if (field == u"received")
        m_received->setFocus();
    else if (field == u"letter_date")
        m_letterDate->setFocus();
    else if (field == u"regime")
        m_regime->setFocus();
    else if (field == u"questions")
        m_questions->setFocus();
}

} // namespace foidesk

#include "settings/RedactionPolicyForm.h"

#include "profile/OrganisationProfile.h"

#include <QComboBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QVBoxLayout>

namespace foidesk {

namespace {

QString joinedNames(const QStringList &names)
{
    if (names.size() <= 1)
        return names.value(0);
    QStringList head = names;
    const QString last = head.takeLast();
    return RedactionPolicyForm::tr("%1 and %2").arg(head.join(QStringLiteral(", ")), last);
}

} // namespace

RedactionPolicyForm::RedactionPolicyForm(QWidget *parent)
    : SettingsPage(parent)
    , m_list(new QListWidget(this))
    , m_add(new QPushButton(tr("&Add Grade"), this))
    , m_remove(new QPushButton(tr("&Remove"), this))
    , m_up(new QPushButton(tr("Move &Up"), this))
    , m_down(new QPushButton(tr("Move &Down"), this))
    , m_threshold(new QComboBox(this))
    , m_summary(new QLabel(this))
    , m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("redactionPolicyForm"));

    auto *law = new QLabel(
        tr("Section 40(2) of the Freedom of Information Act (regulation 13 of the EIR) protects "
           "personal data, including the names of staff, where disclosing them would be unfair. "
           "The law sets no grade above which a name may be published: it is for your "
           "organisation to decide, usually by how far a post carries public accountability. "
           "As officers type, FOI Desk suggests withholding the names in the staff register "
           "at or below the grade set here. Suggestions are only offered; nothing is withheld "
           "until an officer accepts it."),
        this);
    law->setObjectName(QStringLiteral("policyExplanation"));
    law->setWordWrap(true);

    auto *gradesBox = new QGroupBox(tr("Grades, most senior first"), this);
    m_list->setObjectName(QStringLiteral("gradeList"));
    m_list->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                            | QAbstractItemView::SelectedClicked);
    m_list->setToolTip(tr("Double-click a grade, or press F2, to rename it"));
    m_add->setObjectName(QStringLiteral("addGradeButton"));
    m_remove->setObjectName(QStringLiteral("removeGradeButton"));
    m_up->setObjectName(QStringLiteral("moveGradeUpButton"));
    m_down->setObjectName(QStringLiteral("moveGradeDownButton"));
    auto *buttons = new QVBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addSpacing(8);
    buttons->addWidget(m_up);
    buttons->addWidget(m_down);
    buttons->addStretch(1);
    auto *gradesLayout = new QHBoxLayout(gradesBox);
    gradesLayout->addWidget(m_list, 1);
    gradesLayout->addLayout(buttons);

    auto *thresholdBox = new QGroupBox(tr("Names suggested for withholding"), this);
    auto *thresholdLabel = new QLabel(
        tr("Suggest withholding the names of staff at this &grade and below:"), thresholdBox);
    thresholdLabel->setWordWrap(true);
    thresholdLabel->setBuddy(m_threshold);
    m_threshold->setObjectName(QStringLiteral("withholdFromGradeCombo"));
    m_threshold->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_summary->setObjectName(QStringLiteral("policySummaryLabel"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    QFont summaryFont = m_summary->font();
    summaryFont.setItalic(true);
    m_summary->setFont(summaryFont);
    auto *thresholdRow = new QHBoxLayout;
    thresholdRow->addWidget(m_threshold);
    thresholdRow->addStretch(1);
    auto *thresholdLayout = new QVBoxLayout(thresholdBox);
    thresholdLayout->addWidget(thresholdLabel);
    thresholdLayout->addLayout(thresholdRow);
    thresholdLayout->addWidget(m_summary);

    m_message->setObjectName(QStringLiteral("policyMessageLabel"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->hide();

    // The list is short; side by side, the grades and the line drawn through them read as one.
    gradesBox->setMaximumWidth(460);
    auto *gradesColumn = new QVBoxLayout;
    gradesColumn->addWidget(gradesBox, 1);
    gradesColumn->addWidget(m_message);
    auto *thresholdColumn = new QVBoxLayout;
    thresholdColumn->addWidget(thresholdBox);
    thresholdColumn->addStretch(1);
    auto *columns = new QHBoxLayout;
    columns->addLayout(gradesColumn, 1);
    columns->addLayout(thresholdColumn, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(law);
    layout->addSpacing(6);
    layout->addLayout(columns, 1);

    connect(m_list, &QListWidget::currentRowChanged, this, [this] { updateButtons(); });
    connect(m_list, &QListWidget::itemChanged, this, [this](QListWidgetItem *item) {
        if (!m_filling)
            onItemChanged(m_list->row(item));
    });
    connect(m_add, &QPushButton::clicked, this, &RedactionPolicyForm::addGrade);
    connect(m_remove, &QPushButton::clicked, this, &RedactionPolicyForm::removeSelectedGrade);
    connect(m_up, &QPushButton::clicked, this, [this] { moveSelectedGrade(-1); });
    connect(m_down, &QPushButton::clicked, this, [this] { moveSelectedGrade(1); });
    connect(m_threshold, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_filling)
            updateSummary();
    });

    setGrades({}, QString());
}

RedactionPolicyForm::~RedactionPolicyForm() = default;

void RedactionPolicyForm::setProfile(const OrganisationProfile &profile)
{
    setGrades(profile.grades, profile.withholdFromGrade);
    showMessage(QString());
}

void RedactionPolicyForm::applyTo(OrganisationProfile *profile) const
{
    profile->grades = m_grades;
    profile->withholdFromGrade = withholdFromGrade();
}

bool RedactionPolicyForm::showField(const QString &field)
{
    if (!field.startsWith(QLatin1String("redaction_policy")))
        return false;
    m_list->setFocus(Qt::OtherFocusReason);
    return true;
}

QStringList RedactionPolicyForm::grades() const
{
    return m_grades;
}

QString RedactionPolicyForm::withholdFromGrade() const
{
    return m_threshold->currentData().toString();
}

QString RedactionPolicyForm::message() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

void RedactionPolicyForm::setGrades(const QStringList &grades, const QString &threshold)
{
    {
        const QScopedValueRollback<bool> guard(m_filling, true);
        const int row = m_list->currentRow();
        m_grades = grades;
        m_list->clear();
        for (const QString &grade : grades) {
            auto *item = new QListWidgetItem(grade, m_list);
            item->setFlags(item->flags() | Qt::ItemIsEditable);
        }
        if (!grades.isEmpty())
            m_list->setCurrentRow(qBound(0, row, int(grades.size()) - 1));
    }
    fillThreshold(threshold);
    updateButtons();
}

void RedactionPolicyForm::fillThreshold(const QString &select)
{
    {
        const QScopedValueRollback<bool> guard(m_filling, true);
        m_threshold->clear();
        m_threshold->addItem(tr("No grade: every name not marked senior"), QString());
        for (const QString &grade : std::as_const(m_grades))
            m_threshold->addItem(grade, grade);
        // A threshold that is no longer a grade falls back to the register's senior marks.
        const int index = m_threshold->findData(select);
        m_threshold->setCurrentIndex(index >= 0 ? index : 0);
    }
    updateSummary();
}

void RedactionPolicyForm::addGrade()
{
    QString name = tr("New grade");
    for (int n = 2; m_grades.contains(name); ++n)
        name = tr("New grade %1").arg(n);
    const int row = m_list->currentRow() >= 0 ? m_list->currentRow() + 1 : int(m_grades.size());
    QStringList grades = m_grades;
    grades.insert(row, name);
    setGrades(grades, withholdFromGrade());
    m_list->setCurrentRow(row);
    m_list->setFocus(Qt::OtherFocusReason);
    m_list->editItem(m_list->item(row));
}

void RedactionPolicyForm::removeSelectedGrade()
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_grades.size())
        return;
    QStringList grades = m_grades;
    const QString removed = grades.takeAt(row);
    QString threshold = withholdFromGrade();
    if (threshold == removed) {
        // The line moves to the next grade down, so that no more names are published than
        // before; with none below, to the register's senior marks.
        threshold = grades.value(row);
        showMessage(threshold.isEmpty()
                        ? tr("%1 was the grade names are withheld from; now every name not "
                             "marked senior is suggested.")
                              .arg(removed)
                        : tr("%1 was the grade names are withheld from; it is now %2.")
                              .arg(removed, threshold));
    } else {
        showMessage(QString());
    }
    setGrades(grades, threshold);
}

void RedactionPolicyForm::moveSelectedGrade(int delta)
{
    const int row = m_list->currentRow();
    const int to = row + delta;
    if (row < 0 || to < 0 || to >= m_grades.size())
        return;
    QStringList grades = m_grades;
    grades.move(row, to);
    setGrades(grades, withholdFromGrade());
    m_list->setCurrentRow(to);
}

QString RedactionPolicyForm::renameGrade(int row, const QString &name)
{
    if (row < 0 || row >= m_grades.size())
        return QString();
    const QString trimmed = name.trimmed();
    const QString old = m_grades.at(row);
    QString problem;
    if (trimmed.isEmpty()) {
        problem = tr("A grade needs a name; %1 keeps its name.").arg(old);
    } else {
        for (int i = 0; i < m_grades.size(); ++i) {
            if (i != row && m_grades.at(i).compare(trimmed, Qt::CaseInsensitive) == 0)
                problem = tr("There is already a grade called %1: give each grade its own name.")
                              .arg(m_grades.at(i));
        }
    }
    QStringList grades = m_grades;
    if (problem.isEmpty())
        grades[row] = trimmed;
    QString threshold = withholdFromGrade();
    if (problem.isEmpty() && threshold == old)
        threshold = trimmed;
    setGrades(grades, threshold);
    m_list->setCurrentRow(row);
    showMessage(problem);
    return problem;
}

void RedactionPolicyForm::onItemChanged(int row)
{
    if (row < 0 || row >= m_grades.size())
        return;
    const QString typed = m_list->item(row)->text();
    if (typed == m_grades.at(row))
        return;
    // Rebuilt after the editor has closed: the list is in the middle of committing its data.
    QMetaObject::invokeMethod(
        this, [this, row, typed] { renameGrade(row, typed); }, Qt::QueuedConnection);
}

void RedactionPolicyForm::updateButtons()
{
    const int row = m_list->currentRow();
    const bool any = row >= 0 && row < m_grades.size();
    m_remove->setEnabled(any);
    m_up->setEnabled(any && row > 0);
    m_down->setEnabled(any && row < m_grades.size() - 1);
}

void RedactionPolicyForm::updateSummary()
{
    const QString threshold = withholdFromGrade();
    const qsizetype at = m_grades.indexOf(threshold);
    // The grades whose names are suggested are set in italics in the list.
    for (int row = 0; row < m_list->count(); ++row) {
        QListWidgetItem *item = m_list->item(row);
        const bool suggested = at >= 0 && row >= at;
        QFont font = m_list->font();
        font.setItalic(suggested);
        const QSignalBlocker blocker(m_list);
        item->setFont(font);
        item->setToolTip(suggested ? tr("Names of staff at this grade are suggested for "
                                        "withholding")
                                   : tr("Names of staff at this grade are not suggested"));
    }
    if (threshold.isEmpty() || at < 0) {
        m_summary->setText(tr("The names of staff in the register who are not marked senior are "
                              "suggested for withholding, whatever their grade."));
        return;
    }
    const QStringList withheld = m_grades.mid(at);
    const QStringList named = m_grades.mid(0, at);
    QString text =
        tr("Suggested for withholding: names of staff at %1.").arg(joinedNames(withheld));
    if (!named.isEmpty())
        text += QLatin1Char(' ') + tr("Names at %1 are not suggested.").arg(joinedNames(named));
    m_summary->setText(text);
}

void RedactionPolicyForm::showMessage(const QString &message)
{
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
}

} // namespace foidesk

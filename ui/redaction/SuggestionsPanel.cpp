#include "redaction/SuggestionsPanel.h"

#include "redaction/RedactionsPanel.h"
#include "store/Store.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <algorithm>

namespace foidesk {

namespace {

using Field = RequestDocument::Field;
using QField = RequestDocument::QuestionField;

enum Column
{
    KindColumn,
    TextColumn,
    QuestionColumn,
    ReasonColumn
};
constexpr int IndexRole = Qt::UserRole;

} // namespace

SuggestionsPanel::SuggestionsPanel(RequestDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
{
    m_timer = new QTimer(this);
    m_timer->setObjectName(QStringLiteral("suggestionScanTimer"));
    m_timer->setSingleShot(true);
    m_timer->setInterval(ScanDelayMs);
    connect(m_timer, &QTimer::timeout, this, &SuggestionsPanel::scanNow);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("suggestionSummary"));
    m_summary->setWordWrap(true);

    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("suggestionList"));
    m_list->setHeaderLabels({tr("Kind"), tr("Text"), tr("Question"), tr("Why")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAlternatingRowColors(true);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setAccessibleName(tr("Suggested redactions"));
    m_list->header()->setStretchLastSection(true);
    m_list->header()->setSectionResizeMode(KindColumn, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(TextColumn, QHeaderView::Interactive);
    m_list->header()->setSectionResizeMode(QuestionColumn, QHeaderView::ResizeToContents);
    m_list->header()->resizeSection(TextColumn, 160);

    m_accept = new QPushButton(tr("Accept"), this);
    m_accept->setObjectName(QStringLiteral("acceptSuggestionButton"));
    m_accept->setToolTip(tr("Withhold the selected suggestions"));
    m_acceptAll = new QPushButton(tr("Accept All"), this);
    m_acceptAll->setObjectName(QStringLiteral("acceptAllSuggestionsButton"));
    m_acceptAll->setToolTip(tr("Withhold every suggestion in the list, as one step that Undo "
                               "reverses"));
    m_dismiss = new QPushButton(tr("Dismiss"), this);
    m_dismiss->setObjectName(QStringLiteral("dismissSuggestionButton"));
    m_dismiss->setToolTip(tr("Leave the selected text in the letter; it is not suggested again "
                             "for this request"));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_accept);
    buttons->addWidget(m_acceptAll);
    buttons->addStretch(1);
    buttons->addWidget(m_dismiss);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);

    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &SuggestionsPanel::updateButtons);
    connect(m_list, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        const int index = item ? item->data(KindColumn, IndexRole).toInt() : -1;
        if (index < 0 || index >= m_suggestions.size())
            return;
        const RedactionSuggestion &s = m_suggestions.at(index);
        Q_EMIT jumpRequested(s.question, s.start, s.length);
    });
    connect(m_accept, &QPushButton::clicked, this, [this] { accept(selectedIndexes()); });
    connect(m_acceptAll, &QPushButton::clicked, this, [this] {
        QList<int> all;
        for (int i = 0; i < m_suggestions.size(); ++i)
            all.append(i);
        accept(all);
    });
    connect(m_dismiss, &QPushButton::clicked, this, [this] { dismiss(selectedIndexes()); });

    connect(m_document, &RequestDocument::reset, this, [this] {
        // Decisions about a request that was never saved go with it.
        m_pending.clear();
        loadStoreData();
        scanNow();
    });
    connect(m_document, &RequestDocument::questionValueChanged, this, [this](int, QField field) {
        if (field == QField::Answer || field == QField::Redactions || field == QField::Disposition)
            scheduleScan();
    });
    connect(m_document, &RequestDocument::questionInserted, this, &SuggestionsPanel::scheduleScan);
    connect(m_document, &RequestDocument::questionRemoved, this, &SuggestionsPanel::scheduleScan);
    connect(m_document, &RequestDocument::questionMoved, this, &SuggestionsPanel::scheduleScan);
    connect(m_document, &RequestDocument::valueChanged, this, [this](Field field) {
        if (field == Field::Regime)
            scheduleScan();
    });
    // The first save gives the request an id: decisions taken before it are recorded then.
    connect(m_document, &RequestDocument::modificationChanged, this, [this] { flushPending(); });

    scanNow();
}

void SuggestionsPanel::setStore(Store *store)
{
    if (m_store)
        disconnect(m_store, nullptr, this, nullptr);
    m_store = store;
    if (m_store) {
        connect(m_store, &Store::staffChanged, this, [this] {
            loadStoreData();
            scheduleScan();
        });
        connect(m_store, &Store::profileChanged, this, [this] {
            loadStoreData();
            scheduleScan();
        });
    }
    loadStoreData();
    scanNow();
}

QString SuggestionsPanel::decisionUser() const
{
    // The officer assigned to the request is the person working on it; the account name is
    // the fallback so that a decision is never recorded as nobody's.
    const QString officer = m_document->value(Field::Officer).toString().trimmed();
    if (!officer.isEmpty())
        return officer;
    QString account = qEnvironmentVariable("USERNAME"); // Windows
    if (account.isEmpty())
        account = qEnvironmentVariable("USER");
    return account.isEmpty() ? tr("unknown user") : account;
}

void SuggestionsPanel::loadStoreData()
{
    m_staff.clear();
    m_grades.clear();
    m_withholdFromGrade.clear();
    m_stored.clear();
    m_loadProblem.clear();
    if (!m_store)
        return;
    QStringList problems;
    const Result<QList<StaffMember>> staff = m_store->staff();
    if (staff.ok())
        m_staff = staff.value();
    else
        problems.append(tr("The staff register could not be read, so staff names are not "
                           "checked: %1")
                            .arg(staff.errorMessage()));
    const Result<OrganisationProfile> profile = m_store->profile();
    if (profile.ok()) {
        m_grades = profile->grades;
        m_withholdFromGrade = profile->withholdFromGrade;
    } else {
        problems.append(tr("The redaction policy could not be read, so every name in the staff "
                           "register not marked senior is checked: %1")
                            .arg(profile.errorMessage()));
    }
    const qint64 id = m_document->requestId();
    if (id != 0) {
        const Result<QList<SuggestionDecision>> decisions = m_store->suggestionDecisions(id);
        if (decisions.ok())
            m_stored = decisions.value();
        else
            problems.append(tr("Earlier decisions could not be read, so dismissed suggestions "
                               "may be offered again: %1")
                                .arg(decisions.errorMessage()));
    }
    m_loadProblem = problems.join(QLatin1Char(' '));
}

void SuggestionsPanel::scheduleScan()
{
    m_timer->start();
}

Request SuggestionsPanel::scannedRequest() const
{
    // request() leaves out questions with no content, which would shift the question numbers
    // of the suggestions against the editor's rows: take every row as it is.
    Request request = m_document->request();
    request.questions.clear();
    for (int row = 0; row < m_document->questionCount(); ++row)
        request.questions.append(m_document->question(row));
    return request;
}

void SuggestionsPanel::scanNow()
{
    m_timer->stop();
    flushPending();
    QList<SuggestionDecision> dismissed;
    for (const QList<SuggestionDecision> *list : {&m_stored, &m_pending}) {
        for (const SuggestionDecision &decision : *list) {
            if (decision.action == SuggestionDecision::Action::Dismissed)
                dismissed.append(decision);
        }
    }
    const SuggestionScanner scanner(m_staff, m_grades, m_withholdFromGrade);
    m_suggestions = scanner.scan(scannedRequest(), dismissed);
    showSuggestions();
}

void SuggestionsPanel::showSuggestions()
{
    const int previous =
        m_list->currentItem() ? m_list->indexOfTopLevelItem(m_list->currentItem()) : -1;
    m_list->clear();
    for (int i = 0; i < m_suggestions.size(); ++i) {
        const RedactionSuggestion &s = m_suggestions.at(i);
        auto *item = new QTreeWidgetItem(m_list);
        item->setText(KindColumn, SuggestionScanner::kindDisplayName(s.kind));
        item->setText(TextColumn, s.text.simplified());
        item->setToolTip(TextColumn, s.text);
        const Question &question = m_document->question(s.question);
        item->setText(QuestionColumn,
                      question.label.trimmed().isEmpty() ? QString::number(s.question + 1)
                                                         : question.label.trimmed());
        item->setText(ReasonColumn, s.reason);
        item->setToolTip(ReasonColumn, s.reason);
        item->setData(KindColumn, IndexRole, i);
    }
    if (previous >= 0 && m_list->topLevelItemCount() > 0)
        m_list->setCurrentItem(
            m_list->topLevelItem(qMin(previous, m_list->topLevelItemCount() - 1)));

    QString summary = m_suggestions.isEmpty()
                          ? tr("No personal data found in the answers that is not withheld.")
                          : tr("%n passage(s) may be personal data. Nothing is withheld until "
                               "you accept.",
                               nullptr,
                               int(m_suggestions.size()));
    if (!m_loadProblem.isEmpty())
        summary += QLatin1Char(' ') + m_loadProblem;
    m_summary->setText(summary);
    updateButtons();
    Q_EMIT suggestionsChanged(int(m_suggestions.size()));
}

void SuggestionsPanel::updateButtons()
{
    const bool selected = !m_list->selectedItems().isEmpty();
    m_accept->setEnabled(selected);
    m_dismiss->setEnabled(selected);
    m_acceptAll->setEnabled(!m_suggestions.isEmpty());
}

QList<int> SuggestionsPanel::selectedIndexes() const
{
    QList<int> indexes;
    const QList<QTreeWidgetItem *> items = m_list->selectedItems();
    for (const QTreeWidgetItem *item : items)
        indexes.append(item->data(KindColumn, IndexRole).toInt());
    std::sort(indexes.begin(), indexes.end());
    return indexes;
}

void SuggestionsPanel::accept(const QList<int> &indexes)
{
    if (indexes.isEmpty())
        return;
    // The list is made when typing pauses: if the answers changed since, the offsets may no
    // longer point at the suggested text. Never withhold anything but what was shown.
    QList<RedactionsPanel::Passage> passages;
    QList<SuggestionDecision> decisions;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int index : indexes) {
        const RedactionSuggestion &s = m_suggestions.at(index);
        if (s.question >= m_document->questionCount()
            || m_document->question(s.question).answer.mid(s.start, s.length) != s.text) {
            scanNow();
            Q_EMIT statusMessage(tr("The answers changed since the suggestions were listed. The "
                                    "list is up to date now: check it and accept again."));
            return;
        }
        passages.append({s.question, Redaction{s.start, s.length, s.exemption}});
        decisions.append({SuggestionDecision::Action::Accepted,
                          s.kind,
                          s.text,
                          s.exemption,
                          s.question,
                          now,
                          decisionUser()});
    }
    const QString undoText =
        passages.size() == 1
            ? tr("Withhold suggested text")
            : tr("Withhold %n suggested passage(s)", nullptr, int(passages.size()));
    RedactionsPanel::withhold(m_document, passages, undoText);
    record(decisions);
    scanNow();
    Q_EMIT statusMessage(tr("Withheld %n suggested passage(s)", nullptr, int(passages.size())));
}

void SuggestionsPanel::dismiss(const QList<int> &indexes)
{
    if (indexes.isEmpty())
        return;
    QList<SuggestionDecision> decisions;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int index : indexes) {
        const RedactionSuggestion &s = m_suggestions.at(index);
        decisions.append({SuggestionDecision::Action::Dismissed,
                          s.kind,
                          s.text,
                          s.exemption,
                          s.question,
                          now,
                          decisionUser()});
    }
    record(decisions);
    scanNow();
}

void SuggestionsPanel::record(const QList<SuggestionDecision> &decisions)
{
    if (!m_store || m_document->requestId() == 0) {
        m_pending.append(decisions);
        return;
    }
    for (const SuggestionDecision &decision : decisions) {
        const Result<void> recorded =
            m_store->recordSuggestionDecision(m_document->requestId(), decision);
        if (recorded.ok()) {
            m_stored.append(decision);
        } else {
            // Kept, and tried again at the next scan.
            m_pending.append(decision);
            Q_EMIT statusMessage(tr("The decision on \u201c%1\u201d could not be recorded yet: %2")
                                     .arg(decision.text, recorded.errorMessage()));
        }
    }
}

void SuggestionsPanel::flushPending()
{
    if (!m_store || m_document->requestId() == 0 || m_pending.isEmpty())
        return;
    const QList<SuggestionDecision> pending = std::exchange(m_pending, {});
    record(pending);
}

} // namespace foidesk

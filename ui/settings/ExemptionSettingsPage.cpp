#include "settings/ExemptionSettingsPage.h"

#include "widgets/FormWidgets.h"

#include "profile/OrganisationProfile.h"
#include "model/RequestEnums.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScopedValueRollback>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace foidesk {

namespace {

enum Column
{
    CodeColumn,
    TitleColumn,
    KindColumn,
    WordingColumn
};

constexpr int LocalRole = Qt::UserRole;
constexpr int KeyRole = Qt::UserRole + 1; // the index into the local list, or the code

} // namespace

ExemptionSettingsPage::ExemptionSettingsPage(QWidget *parent)
    : SettingsPage(parent)
    , m_regime(new QComboBox(this))
    , m_filter(new QLineEdit(this))
    , m_list(new QTreeWidget(this))
    , m_catalogueMessage(new QLabel(this))
    , m_add(new QPushButton(tr("&Add Your Own"), this))
    , m_remove(new QPushButton(tr("Remo&ve"), this))
    , m_heading(new QLabel(this))
    , m_origin(new QLabel(this))
    , m_code(new QLineEdit(this))
    , m_entryRegime(new QComboBox(this))
    , m_title(new QLineEdit(this))
    , m_citation(new QLineEdit(this))
    , m_kind(new QComboBox(this))
    , m_reasoning(FormWidgets::textBox(QStringLiteral("exemptionReasoningEdit"), 5, FormWidgets::History::Own, this))
    , m_publicInterestLabel(new QLabel(tr("&Public interest:"), this))
    , m_publicInterest(FormWidgets::textBox(QStringLiteral("exemptionPublicInterestEdit"), 5, FormWidgets::History::Own, this))
    , m_restore(new QPushButton(tr("Restore De&fault"), this))
    , m_details(new QWidget(this))
{
    setObjectName(QStringLiteral("exemptionSettingsPage"));

    const Result<ExemptionCatalogue> shipped = ExemptionCatalogue::shipped();
    if (shipped)
        m_shipped = shipped.value();
    else
        m_catalogueError = shipped.errorMessage();

    auto *intro = new QLabel(tr("The exemptions a response can rely on. Letters use the reasoning "
                                "below when an officer writes none of their own; edit it to "
                                "your organisation's wording, and add exemptions of your own."),
                             this);
    intro->setWordWrap(true);

    m_regime->setObjectName(QStringLiteral("exemptionRegimeCombo"));
    m_entryRegime->setObjectName(QStringLiteral("exemptionEntryRegimeCombo"));
    for (Regime regime : allRegimes()) {
        m_regime->addItem(tr("%1 (%2)").arg(regimeDisplayName(regime), regimeShortName(regime)),
                          int(regime));
        m_entryRegime->addItem(regimeShortName(regime), int(regime));
    }
    m_filter->setObjectName(QStringLiteral("exemptionFilterEdit"));
    m_filter->setPlaceholderText(tr("Filter by code or title"));
    m_filter->setClearButtonEnabled(true);

    m_list->setObjectName(QStringLiteral("exemptionList"));
    m_list->setColumnCount(4);
    m_list->setHeaderLabels({tr("Code"), tr("Title"), tr("Kind"), tr("Wording")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAllColumnsShowFocus(true);
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(CodeColumn, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(TitleColumn, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(KindColumn, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(WordingColumn, QHeaderView::ResizeToContents);

    m_catalogueMessage->setObjectName(QStringLiteral("catalogueMessageLabel"));
    m_catalogueMessage->setWordWrap(true);
    m_catalogueMessage->setTextFormat(Qt::PlainText);
    m_catalogueMessage->setVisible(!m_catalogueError.isEmpty());
    m_catalogueMessage->setText(
        tr("The shipped catalogue could not be read (%1); only your own exemptions are shown.")
            .arg(m_catalogueError));

    m_add->setObjectName(QStringLiteral("addLocalExemptionButton"));
    m_add->setToolTip(tr("Add an exemption of your own to the regime shown"));
    m_remove->setObjectName(QStringLiteral("removeLocalExemptionButton"));
    m_remove->setToolTip(tr("Remove the selected exemption of your own"));

    auto *listPane = new QWidget(this);
    auto *regimeRow = new QHBoxLayout;
    auto *regimeLabel = new QLabel(tr("&Law:"), listPane);
    regimeLabel->setBuddy(m_regime);
    regimeRow->addWidget(regimeLabel);
    regimeRow->addWidget(m_regime, 1);
    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(m_add);
    listButtons->addWidget(m_remove);
    listButtons->addStretch(1);
    auto *listLayout = new QVBoxLayout(listPane);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addLayout(regimeRow);
    listLayout->addWidget(m_filter);
    listLayout->addWidget(m_list, 1);
    listLayout->addWidget(m_catalogueMessage);
    listLayout->addLayout(listButtons);

    m_details->setObjectName(QStringLiteral("exemptionDetails"));
    QFont headingFont = m_heading->font();
    headingFont.setBold(true);
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.15);
    m_heading->setFont(headingFont);
    m_heading->setWordWrap(true);
    m_heading->setTextFormat(Qt::PlainText);
    m_origin->setObjectName(QStringLiteral("exemptionOriginLabel"));
    m_origin->setWordWrap(true);
    m_origin->setTextFormat(Qt::PlainText);
    QFont originFont = m_origin->font();
    originFont.setItalic(true);
    m_origin->setFont(originFont);

    m_code->setObjectName(QStringLiteral("exemptionCodeEdit"));
    m_code->setPlaceholderText(tr("As letters and files cite it, for example s31(1)(a)"));
    m_title->setObjectName(QStringLiteral("exemptionTitleEdit"));
    m_citation->setObjectName(QStringLiteral("exemptionCitationEdit"));
    m_citation->setPlaceholderText(tr("How the letter names it, in full"));
    m_kind->setObjectName(QStringLiteral("exemptionKindCombo"));
    for (Exemption::Kind kind : allExemptionKinds()) {
        m_kind->addItem(exemptionKindDisplayName(kind), int(kind));
    }
    m_reasoning->setToolTip(tr("May use the letter placeholders, such as {organisation}, and "
                               "{questions} for the questions it applies to."));
    m_publicInterest->setToolTip(tr("A starting point the officer completes for each request: "
                                    "the arguments for disclosure, those for withholding, and "
                                    "why withholding wins."));
    m_publicInterestLabel->setBuddy(m_publicInterest);
    m_restore->setObjectName(QStringLiteral("restoreExemptionDefaultButton"));
    m_restore->setToolTip(tr("Put the wording shipped with FOI Desk back"));

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto addRow = [form, this](const QString &text, QWidget *field) {
        auto *label = new QLabel(text, m_details);
        label->setBuddy(field);
        form->addRow(label, field);
    };
    addRow(tr("Co&de:"), m_code);
    addRow(tr("Re&gime:"), m_entryRegime);
    addRow(tr("&Title:"), m_title);
    addRow(tr("&Citation:"), m_citation);
    addRow(tr("&Kind:"), m_kind);
    addRow(tr("&Reasoning:"), m_reasoning);
    form->addRow(m_publicInterestLabel, m_publicInterest);
    auto *restoreRow = new QHBoxLayout;
    restoreRow->addStretch(1);
    restoreRow->addWidget(m_restore);

    auto *detailsLayout = new QVBoxLayout(m_details);
    detailsLayout->setContentsMargins(0, 0, 0, 0);
    detailsLayout->addWidget(m_heading);
    detailsLayout->addWidget(m_origin);
    detailsLayout->addLayout(form, 1);
    detailsLayout->addLayout(restoreRow);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(listPane);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 5);
    splitter->setStretchFactor(1, 6);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(splitter, 1);

    connect(m_regime, &QComboBox::currentIndexChanged, this, [this] { fillList(); });
    connect(m_filter, &QLineEdit::textChanged, this, [this] { fillList(); });
    connect(m_list, &QTreeWidget::currentItemChanged, this, [this] { showSelected(); });
    connect(m_reasoning, &QPlainTextEdit::textChanged, this, &ExemptionSettingsPage::onTextEdited);
    connect(
        m_publicInterest, &QPlainTextEdit::textChanged, this, &ExemptionSettingsPage::onTextEdited);
    for (QLineEdit *edit : {m_code, m_title, m_citation}) {
        connect(edit, &QLineEdit::textEdited, this, &ExemptionSettingsPage::onLocalFieldEdited);
    }
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_showing)
            onLocalFieldEdited();
    });
    connect(m_entryRegime, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_showing)
            onLocalFieldEdited();
    });
    connect(m_restore, &QPushButton::clicked, this, &ExemptionSettingsPage::restoreDefault);
    connect(m_add, &QPushButton::clicked, this, &ExemptionSettingsPage::addLocal);
    connect(m_remove, &QPushButton::clicked, this, &ExemptionSettingsPage::removeSelected);

    fillList();
}

ExemptionSettingsPage::~ExemptionSettingsPage() = default;

void ExemptionSettingsPage::setProfile(const OrganisationProfile &profile)
{
    m_overrides = profile.exemptionOverrides;
    m_local = profile.localExemptions;
    fillList();
}

void ExemptionSettingsPage::applyTo(OrganisationProfile *profile) const
{
    profile->exemptionOverrides = m_overrides;
    profile->localExemptions = m_local;
}

bool ExemptionSettingsPage::showField(const QString &field)
{
    static const QRegularExpression localField(
        QStringLiteral("^exemptions\\.local\\[(\\d+)\\](?:\\.([a-z_]+))?$"));
    static const QRegularExpression overrideField(
        QStringLiteral("^exemptions\\.overrides\\.(.+?)(?:\\.(reasoning|public_interest))?$"));
    if (const QRegularExpressionMatch match = localField.match(field); match.hasMatch()) {
        const int index = match.captured(1).toInt();
        if (index < 0 || index >= m_local.size())
            return false;
        selectLocal(index);
        const QString key = match.captured(2);
        QWidget *widget = m_code;
        if (key == QLatin1String("title"))
            widget = m_title;
        else if (key == QLatin1String("citation"))
            widget = m_citation;
        else if (key == QLatin1String("reasoning"))
            widget = m_reasoning;
        else if (key == QLatin1String("public_interest"))
            widget = m_publicInterest;
        widget->setFocus(Qt::OtherFocusReason);
        return true;
    }
    if (const QRegularExpressionMatch match = overrideField.match(field); match.hasMatch()) {
        const QString code = match.captured(1);
        for (Regime regime : allRegimes()) {
            if (m_shipped.find(regime, code) && selectExemption(regime, code)) {
                (match.captured(2) == QLatin1String("public_interest") ? m_publicInterest
                                                                       : m_reasoning)
                    ->setFocus(Qt::OtherFocusReason);
                return true;
            }
        }
    }
    return false;
}

void ExemptionSettingsPage::selectLocal(int index)
{
    if (index < 0 || index >= m_local.size())
        return;
    m_regime->setCurrentIndex(m_regime->findData(int(m_local.at(index).regime)));
    if (!m_filter->text().isEmpty())
        m_filter->clear();
    for (int row = 0; row < m_list->topLevelItemCount(); ++row) {
        QTreeWidgetItem *item = m_list->topLevelItem(row);
        if (item->data(0, LocalRole).toBool() && item->data(0, KeyRole).toInt() == index) {
            m_list->setCurrentItem(item);
            m_list->scrollToItem(item);
        }
    }
}

bool ExemptionSettingsPage::selectExemption(Regime regime, const QString &code)
{
    m_regime->setCurrentIndex(m_regime->findData(int(regime)));
    if (!m_filter->text().isEmpty())
        m_filter->clear();
    for (int row = 0; row < m_list->topLevelItemCount(); ++row) {
        QTreeWidgetItem *item = m_list->topLevelItem(row);
        if (item->text(CodeColumn) == code) {
            m_list->setCurrentItem(item);
            m_list->scrollToItem(item);
            return true;
        }
    }
    return false;
}

std::optional<Exemption> ExemptionSettingsPage::currentExemption() const
{
    const Selected s = selected();
    if (s.local)
        return m_local.value(s.index);
    if (const Exemption *entry = shippedEntry(s.regime, s.code))
        return withOverride(*entry);
    return std::nullopt;
}

Regime ExemptionSettingsPage::shownRegime() const
{
    return Regime(m_regime->currentData().toInt());
}

ExemptionSettingsPage::Selected ExemptionSettingsPage::selected() const
{
    Selected s;
    const QTreeWidgetItem *item = m_list->currentItem();
    if (!item)
        return s;
    s.regime = shownRegime();
    s.local = item->data(0, LocalRole).toBool();
    if (s.local) {
        s.index = item->data(0, KeyRole).toInt();
        s.code = m_local.value(s.index).code;
    } else {
        s.code = item->data(0, KeyRole).toString();
    }
    return s;
}

const Exemption *ExemptionSettingsPage::shippedEntry(Regime regime, const QString &code) const
{
    return m_shipped.find(regime, code);
}

Exemption ExemptionSettingsPage::withOverride(const Exemption &shipped) const
{
    Exemption entry = shipped;
    const auto it = m_overrides.constFind(shipped.code);
    if (it != m_overrides.constEnd()) {
        if (!it->reasoning.isEmpty())
            entry.reasoning = it->reasoning;
        if (!it->publicInterest.isEmpty())
            entry.publicInterest = it->publicInterest;
    }
    return entry;
}

QString ExemptionSettingsPage::regimesWithCode(const QString &code) const
{
    QStringList names;
    for (Regime regime : allRegimes()) {
        if (m_shipped.find(regime, code))
            names.append(regimeShortName(regime));
    }
    if (names.size() <= 1)
        return names.value(0);
    const QString last = names.takeLast();
    return tr("%1 and %2").arg(names.join(QStringLiteral(", ")), last);
}

void ExemptionSettingsPage::updateItem(QTreeWidgetItem *item,
                                       const Exemption &entry,
                                       bool local) const
{
    item->setText(CodeColumn, entry.code);
    item->setText(TitleColumn, entry.title);
    item->setToolTip(TitleColumn, entry.citation);
    item->setText(KindColumn, exemptionKindShortName(entry.kind));
    QString wording;
    if (local)
        wording = tr("Your own exemption");
    else if (m_overrides.contains(entry.code))
        wording = tr("Your wording");
    else
        wording = tr("Shipped");
    item->setText(WordingColumn, wording);
    QFont font = item->font(CodeColumn);
    font.setBold(local || m_overrides.contains(entry.code));
    for (int column = 0; column < m_list->columnCount(); ++column)
        item->setFont(column, font);
}

void ExemptionSettingsPage::fillList()
{
    const Selected before = selected();
    const Regime regime = shownRegime();
    const QString filter = m_filter->text().trimmed();
    auto matches = [&filter](const Exemption &entry) {
        return filter.isEmpty() || entry.code.contains(filter, Qt::CaseInsensitive)
               || entry.title.contains(filter, Qt::CaseInsensitive);
    };

    const QSignalBlocker blocker(m_list);
    m_list->clear();
    QTreeWidgetItem *select = nullptr;
    for (const Exemption &shipped : m_shipped.forRegime(regime)) {
        bool replaced = false;
        for (const Exemption &local : std::as_const(m_local))
            replaced = replaced || (local.regime == regime && local.code == shipped.code);
        if (replaced || !matches(shipped))
            continue;
        auto *item = new QTreeWidgetItem(m_list);
        item->setData(0, LocalRole, false);
        item->setData(0, KeyRole, shipped.code);
        updateItem(item, withOverride(shipped), false);
        if (!before.local && before.code == shipped.code)
            select = item;
    }
    for (int i = 0; i < m_local.size(); ++i) {
        const Exemption &local = m_local.at(i);
        if (local.regime != regime || !matches(local))
            continue;
        auto *item = new QTreeWidgetItem(m_list);
        item->setData(0, LocalRole, true);
        item->setData(0, KeyRole, i);
        updateItem(item, local, true);
        if (before.local && before.index == i)
            select = item;
    }
    if (!select)
        select = m_list->topLevelItem(0);
    m_list->setCurrentItem(select);
    showSelected();
}

void ExemptionSettingsPage::showSelected()
{
    const QScopedValueRollback<bool> guard(m_showing, true);
    const Selected s = selected();
    const std::optional<Exemption> entry = currentExemption();
    m_details->setEnabled(entry.has_value());
    if (!entry) {
        m_heading->setText(m_list->topLevelItemCount() == 0 && !m_filter->text().isEmpty()
                               ? tr("No exemption matches the filter.")
                               : tr("No exemption selected."));
        m_origin->clear();
        for (QLineEdit *edit : {m_code, m_title, m_citation})
            edit->clear();
        m_reasoning->clear();
        m_publicInterest->clear();
        updateButtons();
        return;
    }

    m_heading->setText(entry->title.isEmpty() ? entry->code
                                              : tr("%1 \u2014 %2").arg(entry->code, entry->title));
    if (s.local) {
        m_origin->setText(tr("Added by your organisation. Officers can choose it for requests "
                             "under %1.")
                              .arg(regimeShortName(entry->regime)));
    } else {
        const QString regimes = regimesWithCode(entry->code);
        m_origin->setText(
            regimes.contains(QLatin1Char(' '))
                ? tr("Shipped with FOI Desk. Your wording is used wherever %1 is cited, under %2.")
                      .arg(entry->code, regimes)
                : tr("Shipped with FOI Desk. Edit the wording below to make it your own."));
    }
    // The shipped entry's facts are fixed; only its wording is the authority's to change.
    for (QLineEdit *edit : {m_code, m_title, m_citation})
        edit->setEnabled(s.local);
    m_entryRegime->setEnabled(s.local);
    m_kind->setEnabled(s.local);
    m_code->setText(entry->code);
    m_title->setText(entry->title);
    m_citation->setText(entry->citation);
    m_entryRegime->setCurrentIndex(m_entryRegime->findData(int(entry->regime)));
    m_kind->setCurrentIndex(m_kind->findData(int(entry->kind)));

    if (s.local) {
        m_reasoning->setPlainText(entry->reasoning);
        m_publicInterest->setPlainText(entry->publicInterest);
        m_reasoning->setPlaceholderText(tr("Why the exemption applies, in your own words."));
    } else {
        // The shipped wording is shown as text to edit; the override holds only what differs.
        m_reasoning->setPlainText(entry->reasoning);
        m_publicInterest->setPlainText(entry->publicInterest);
        const Exemption *shipped = shippedEntry(s.regime, s.code);
        m_reasoning->setPlaceholderText(shipped ? shipped->reasoning : QString());
    }
    const bool qualified = entry->kind == Exemption::Kind::Qualified;
    m_publicInterestLabel->setEnabled(qualified);
    m_publicInterest->setEnabled(qualified);
    m_publicInterest->setPlaceholderText(
        qualified ? tr("The arguments for disclosure, those for withholding, and why withholding "
                       "wins.")
                  : tr("Not needed: only qualified exemptions take a public interest test."));
    updateButtons();
}

void ExemptionSettingsPage::onTextEdited()
{
    if (m_showing)
        return;
    const Selected s = selected();
    if (s.local) {
        if (s.index < 0 || s.index >= m_local.size())
            return;
        m_local[s.index].reasoning = m_reasoning->toPlainText();
        m_local[s.index].publicInterest = m_publicInterest->toPlainText();
        return;
    }
    const Exemption *shipped = shippedEntry(s.regime, s.code);
    if (!shipped)
        return;
    // An emptied box means the shipped wording: a letter always has some reasoning to give.
    ExemptionReasoning wording{m_reasoning->toPlainText(), m_publicInterest->toPlainText()};
    if (wording.reasoning.trimmed().isEmpty())
        wording.reasoning = shipped->reasoning;
    if (wording.publicInterest.trimmed().isEmpty())
        wording.publicInterest = shipped->publicInterest;
    if (wording.reasoning == shipped->reasoning
        && wording.publicInterest == shipped->publicInterest) {
        m_overrides.remove(s.code);
    } else {
        // Both paragraphs are kept, so that the override reads the same whichever one changed.
        m_overrides.insert(s.code, wording);
    }
    if (QTreeWidgetItem *item = m_list->currentItem())
        updateItem(item, withOverride(*shipped), false);
    updateButtons();
}

void ExemptionSettingsPage::onLocalFieldEdited()
{
    if (m_showing)
        return;
    const Selected s = selected();
    if (!s.local || s.index < 0 || s.index >= m_local.size())
        return;
    Exemption &entry = m_local[s.index];
    entry.code = m_code->text().trimmed();
    entry.title = m_title->text();
    entry.citation = m_citation->text();
    entry.kind = Exemption::Kind(m_kind->currentData().toInt());
    const auto regime = Regime(m_entryRegime->currentData().toInt());
    if (regime != entry.regime) {
        entry.regime = regime;
        // Follow the entry to the list of its new regime.
        const QSignalBlocker blocker(m_regime);
        m_regime->setCurrentIndex(m_regime->findData(int(regime)));
        fillList();
        for (int row = 0; row < m_list->topLevelItemCount(); ++row) {
            QTreeWidgetItem *item = m_list->topLevelItem(row);
            if (item->data(0, LocalRole).toBool() && item->data(0, KeyRole).toInt() == s.index)
                m_list->setCurrentItem(item);
        }
        return;
    }
    if (QTreeWidgetItem *item = m_list->currentItem())
        updateItem(item, entry, true);
    {
        const QScopedValueRollback<bool> guard(m_showing, true);
        m_heading->setText(entry.title.isEmpty() ? entry.code
                                                 : tr("%1 \u2014 %2").arg(entry.code, entry.title));
        const bool qualified = entry.kind == Exemption::Kind::Qualified;
        m_publicInterestLabel->setEnabled(qualified);
        m_publicInterest->setEnabled(qualified);
    }
}

void ExemptionSettingsPage::restoreDefault()
{
    const Selected s = selected();
    if (s.local || !m_overrides.contains(s.code))
        return;
    m_overrides.remove(s.code);
    if (QTreeWidgetItem *item = m_list->currentItem()) {
        if (const Exemption *shipped = shippedEntry(s.regime, s.code))
            updateItem(item, *shipped, false);
    }
    showSelected();
}

void ExemptionSettingsPage::addLocal()
{
    Exemption entry;
    entry.regime = shownRegime();
    entry.kind = Exemption::Kind::Qualified;
    entry.local = true;
    entry.title = tr("New exemption");
    m_local.append(entry);
    const int index = int(m_local.size() - 1);
    m_filter->clear();
    fillList();
    selectLocal(index);
    m_code->setFocus(Qt::OtherFocusReason);
}

void ExemptionSettingsPage::removeSelected()
{
    const Selected s = selected();
    if (!s.local || s.index < 0 || s.index >= m_local.size())
        return;
    m_local.removeAt(s.index);
    m_list->setCurrentItem(nullptr);
    fillList();
}

void ExemptionSettingsPage::updateButtons()
{
    const Selected s = selected();
    const bool any = m_list->currentItem() != nullptr;
    m_remove->setEnabled(any && s.local);
    m_restore->setEnabled(any && !s.local && m_overrides.contains(s.code));
    m_restore->setVisible(!s.local);
}

} // namespace foidesk

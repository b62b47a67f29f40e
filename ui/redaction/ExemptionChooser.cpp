#include "redaction/ExemptionChooser.h"

#include "model/RequestEnums.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace foidesk {

namespace {

enum Column
{
    CodeColumn,
    TitleColumn,
    KindColumn
};
constexpr int CodeRole = Qt::UserRole;
constexpr int SearchRole = Qt::UserRole + 1;

QString folded(const QString &text)
{
    return text.toCaseFolded().simplified();
}

} // namespace

QString
ExemptionChooser::describe(const ExemptionCatalogue &catalogue, Regime regime, const QString &code)
{
    if (const Exemption *entry = catalogue.find(regime, code))
        return tr("%1 %2").arg(ExemptionCatalogue::shortLabel(code), entry->title);
    return tr("%1 (not in the catalogue)").arg(code);
}

QString ExemptionChooser::pickFromMenu(const ExemptionCatalogue &catalogue,
                                       Regime regime,
                                       const QStringList &codes,
                                       const QPoint &globalPos,
                                       QWidget *parent)
{
    QMenu menu(parent);
    menu.setObjectName(QStringLiteral("redactExemptionMenu"));
    menu.addSection(tr("Withhold under"));
    QAction *first = nullptr;
    for (const QString &code : codes) {
        QAction *action = menu.addAction(describe(catalogue, regime, code));
        action->setData(code);
        action->setObjectName(QStringLiteral("withholdUnder:") + code);
        if (!first)
            first = action;
    }
    menu.setDefaultAction(first);
    menu.addSeparator();
    QAction *other = menu.addAction(tr("&Other Exemption\u2026"));
    other->setObjectName(QStringLiteral("withholdUnderOther"));

    // Highlighted once shown, so that Enter takes it straight away.
    if (first)
        QTimer::singleShot(0, &menu, [&menu, first] { menu.setActiveAction(first); });
    QAction *chosen = menu.exec(globalPos);
    if (!chosen)
        return QString();
    if (chosen != other)
        return chosen->data().toString();

    ExemptionChooser chooser(catalogue, regime, codes.mid(0, 1), Mode::One, parent);
    if (chooser.exec() != QDialog::Accepted)
        return QString();
    const QStringList picked = chooser.selectedCodes();
    return picked.isEmpty() ? QString() : picked.constFirst();
}

ExemptionChooser::ExemptionChooser(const ExemptionCatalogue &catalogue,
                                   Regime regime,
                                   const QStringList &selected,
                                   Mode mode,
                                   QWidget *parent)
    : QDialog(parent)
    , m_catalogue(catalogue)
    , m_regime(regime)
    , m_mode(mode)
    , m_initial(selected)
{
    setObjectName(QStringLiteral("exemptionChooser"));
    setWindowTitle(mode == Mode::Several ? tr("Choose Exemptions") : tr("Choose an Exemption"));

    auto *intro = new QLabel(this);
    intro->setWordWrap(true);
    intro->setText(mode == Mode::Several
                       ? tr("Tick each exemption this question relies on under the %1. "
                            "Qualified exemptions need a public interest test in the letter.")
                             .arg(regimeDisplayName(regime))
                       : tr("Choose the exemption under the %1 that this text is withheld under.")
                             .arg(regimeDisplayName(regime)));

    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("exemptionFilter"));
    m_filter->setPlaceholderText(tr("Type to filter, for example 40(2) or commercial"));
    m_filter->setClearButtonEnabled(true);
    m_filter->installEventFilter(this);
    auto *filterLabel = new QLabel(tr("&Find:"), this);
    filterLabel->setBuddy(m_filter);

    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("exemptionList"));
    m_list->setHeaderLabels({tr("Code"), tr("Title"), tr("Kind")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAlternatingRowColors(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(CodeColumn, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(TitleColumn, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(KindColumn, QHeaderView::ResizeToContents);

    m_noMatch = new QLabel(tr("No exemption matches what you typed. Clear the box to see them "
                              "all."),
                           this);
    m_noMatch->setObjectName(QStringLiteral("noExemptionMatch"));
    m_noMatch->setWordWrap(true);
    m_noMatch->hide();

    const QList<Exemption> entries = m_catalogue.forRegime(regime);
    // Codes already chosen that this catalogue does not know (a local exemption since removed,
    // an imported code) stay visible, so they can be unticked.
    for (const QString &code : selected) {
        if (!m_catalogue.find(regime, code))
            addRow(code, tr("Not in the catalogue"), QString(), code);
    }
    for (const Exemption &entry : entries) {
        addRow(entry.code,
               entry.title,
               exemptionKindShortName(entry.kind),
               QStringList{entry.code,
                           ExemptionCatalogue::shortLabel(entry.code),
                           entry.title,
                           entry.citation,
                           exemptionKindShortName(entry.kind)}
                   .join(QLatin1Char(' ')));
    }
    if (entries.isEmpty()) {
        m_noMatch->setText(tr("The exemption catalogue has no entries for the %1. Check the "
                              "Exemptions page in Settings.")
                               .arg(regimeDisplayName(regime)));
        m_noMatch->show();
    }

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setObjectName(QStringLiteral("exemptionChooserOk"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(filterLabel);
    filterRow->addWidget(m_filter, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(filterRow);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_noMatch);
    layout->addWidget(buttons);

    connect(m_filter, &QLineEdit::textChanged, this, [this] { applyFilter(); });
    connect(m_list, &QTreeWidget::currentItemChanged, this, [this] { updateOkButton(); });
    if (mode == Mode::One) {
        connect(m_list, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
            if (item && !item->isHidden())
                accept();
        });
    }

    if (mode == Mode::One && !selected.isEmpty()) {
        for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
            if (m_list->topLevelItem(i)->data(CodeColumn, CodeRole).toString()
                == selected.constFirst()) {
                m_list->setCurrentItem(m_list->topLevelItem(i));
                break;
            }
        }
    }
    if (!m_list->currentItem() && m_list->topLevelItemCount() > 0)
        m_list->setCurrentItem(m_list->topLevelItem(0));
    updateOkButton();
    m_filter->setFocus(Qt::OtherFocusReason);
    resize(640, 460);
}

void ExemptionChooser::addRow(const QString &code,
                              const QString &title,
                              const QString &kind,
                              const QString &searchText)
{
    auto *item = new QTreeWidgetItem(m_list);
    item->setText(CodeColumn, ExemptionCatalogue::shortLabel(code));
    item->setText(TitleColumn, title);
    item->setText(KindColumn, kind);
    item->setToolTip(TitleColumn, title);
    item->setData(CodeColumn, CodeRole, code);
    item->setData(CodeColumn, SearchRole, folded(searchText));
    if (m_mode == Mode::Several) {
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(CodeColumn, m_initial.contains(code) ? Qt::Checked : Qt::Unchecked);
    }
}

void ExemptionChooser::setFilterText(const QString &text)
{
    m_filter->setText(text);
}

void ExemptionChooser::applyFilter()
{
    const QString typed = m_filter->text().trimmed();
    // What a person types for a code ("section 40(2)", "reg. 13") names exactly one entry.
    const std::optional<QString> exact =
        typed.isEmpty() ? std::nullopt : m_catalogue.canonicalCode(m_regime, typed);
    const QStringList words = folded(typed).split(QLatin1Char(' '), Qt::SkipEmptyParts);

    QTreeWidgetItem *firstShown = nullptr;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_list->topLevelItem(i);
        bool shown = true;
        if (exact) {
            shown = item->data(CodeColumn, CodeRole).toString() == *exact;
        } else {
            const QString haystack = item->data(CodeColumn, SearchRole).toString();
            for (const QString &word : words) {
                if (!haystack.contains(word)) {
                    shown = false;
                    break;
                }
            }
        }
        item->setHidden(!shown);
        if (shown && !firstShown)
            firstShown = item;
    }
    const bool catalogueEmpty = m_list->topLevelItemCount() == 0;
    m_noMatch->setVisible(catalogueEmpty || !firstShown);
    if (m_list->currentItem() == nullptr || m_list->currentItem()->isHidden())
        m_list->setCurrentItem(firstShown);
    updateOkButton();
}

void ExemptionChooser::updateOkButton()
{
    if (m_mode == Mode::One) {
        QTreeWidgetItem *current = m_list->currentItem();
        m_ok->setEnabled(current && !current->isHidden());
    }
}

QStringList ExemptionChooser::selectedCodes() const
{
    if (m_mode == Mode::One) {
        QTreeWidgetItem *current = m_list->currentItem();
        if (!current || current->isHidden())
            return {};
        return {current->data(CodeColumn, CodeRole).toString()};
    }
    QStringList ticked;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = m_list->topLevelItem(i);
        if (item->checkState(CodeColumn) == Qt::Checked)
            ticked.append(item->data(CodeColumn, CodeRole).toString());
    }
    QStringList ordered;
    for (const QString &code : m_initial) {
        if (ticked.contains(code) && !ordered.contains(code))
            ordered.append(code);
    }
    for (const QString &code : std::as_const(ticked)) {
        if (!ordered.contains(code))
            ordered.append(code);
    }
    return ordered;
}

bool ExemptionChooser::eventFilter(QObject *watched, QEvent *event)
{
    // Up and Down in the filter box move through the list, so the keyboard never has to
    // leave the box: type, arrow to the row, Enter (or Space to tick).
    if (watched == m_filter && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        switch (key->key()) {
        case Qt::Key_Up:
        case Qt::Key_Down:
        case Qt::Key_PageUp:
        case Qt::Key_PageDown:
            QCoreApplication::sendEvent(m_list, event);
            return true;
        case Qt::Key_Space:
            if (m_mode == Mode::Several && m_filter->text().isEmpty() && m_list->currentItem()) {
                QTreeWidgetItem *item = m_list->currentItem();
                item->setCheckState(CodeColumn,
                                    item->checkState(CodeColumn) == Qt::Checked ? Qt::Unchecked
                                                                                : Qt::Checked);
                return true;
            }
            break;
        default:
            break;
        }
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace foidesk

#include "settings/TemplateEditor.h"

#include "wording/LetterTemplate.h"
#include "profile/OrganisationProfile.h"

#include <QFont>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTextCursor>
#include <QVBoxLayout>

namespace foidesk {

namespace {

constexpr int KeyRole = Qt::UserRole;

QString placeholderToken(const QString &name)
{
    return QLatin1Char('{') + name + QLatin1Char('}');
}

} // namespace

TemplateEditor::TemplateEditor(QWidget *parent)
    : SettingsPage(parent)
    , m_list(new QListWidget(this))
    , m_title(new QLabel(this))
    , m_keyLabel(new QLabel(this))
    , m_edit(new QPlainTextEdit(this))
    , m_check(new QLabel(this))
    , m_placeholders(new QListWidget(this))
    , m_insert(new QPushButton(tr("I&nsert Placeholder"), this))
    , m_restore(new QPushButton(tr("Restore &Default"), this))
{
    setObjectName(QStringLiteral("templateEditor"));
    if (const Result<OrganisationProfile> defaults = OrganisationProfile::defaults())
        m_defaults = defaults->templates;

    m_list->setObjectName(QStringLiteral("templateList"));
    m_list->setUniformItemSizes(true);
    for (const QString &key : OrganisationProfile::templateKeys()) {
        auto *item = new QListWidgetItem(OrganisationProfile::templateDescription(key), m_list);
        item->setData(KeyRole, key);
    }
    auto *listLabel = new QLabel(tr("&Templates"), this);
    listLabel->setBuddy(m_list);

    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setObjectName(QStringLiteral("templateTitleLabel"));
    m_title->setWordWrap(true);
    m_keyLabel->setObjectName(QStringLiteral("templateKeyLabel"));
    m_keyLabel->setForegroundRole(QPalette::PlaceholderText);

    m_edit->setObjectName(QStringLiteral("templateTextEdit"));
    m_edit->setTabChangesFocus(true);
    m_title->setBuddy(m_edit);

    m_check->setObjectName(QStringLiteral("templateCheckLabel"));
    m_check->setWordWrap(true);
    m_check->setTextFormat(Qt::PlainText);

    m_placeholders->setObjectName(QStringLiteral("placeholderList"));
    for (const QString &name : LetterTemplate::knownPlaceholders()) {
        auto *item = new QListWidgetItem(
            tr("%1 \u2014 %2")
                .arg(placeholderToken(name), LetterTemplate::describePlaceholder(name)),
            m_placeholders);
        item->setData(KeyRole, name);
    }
    m_placeholders->setCurrentRow(0);
    auto *placeholdersLabel = new QLabel(tr("&Placeholders, filled in from the request and the "
                                            "organisation when a letter is made:"),
                                         this);
    placeholdersLabel->setWordWrap(true);
    placeholdersLabel->setBuddy(m_placeholders);

    m_insert->setObjectName(QStringLiteral("insertPlaceholderButton"));
    m_insert->setToolTip(tr("Insert the selected placeholder at the cursor (or double-click it)"));
    m_restore->setObjectName(QStringLiteral("restoreDefaultButton"));
    m_restore->setToolTip(tr("Put back the wording FOI Desk ships with, for this template only"));

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(listLabel);
    leftLayout->addWidget(m_list);

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_title);
    rightLayout->addWidget(m_keyLabel);
    rightLayout->addWidget(m_edit, 3);
    rightLayout->addWidget(m_check);
    rightLayout->addSpacing(6);
    rightLayout->addWidget(placeholdersLabel);
    rightLayout->addWidget(m_placeholders, 2);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_insert);
    buttons->addStretch(1);
    buttons->addWidget(m_restore);
    rightLayout->addLayout(buttons);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("templateSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    connect(m_list, &QListWidget::currentRowChanged, this, [this] { showCurrent(); });
    connect(m_edit, &QPlainTextEdit::textChanged, this, &TemplateEditor::onTextEdited);
    connect(m_insert, &QPushButton::clicked, this, [this] {
        if (const QListWidgetItem *item = m_placeholders->currentItem())
            insertPlaceholder(item->data(KeyRole).toString());
    });
    connect(m_placeholders, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        insertPlaceholder(item->data(KeyRole).toString());
    });
    connect(m_restore, &QPushButton::clicked, this, &TemplateEditor::restoreDefault);

    m_list->setCurrentRow(0);
}

TemplateEditor::~TemplateEditor() = default;

void TemplateEditor::setProfile(const OrganisationProfile &profile)
{
    setTemplates(profile.templates);
}

void TemplateEditor::applyTo(OrganisationProfile *profile) const
{
    profile->templates = templates();
}

bool TemplateEditor::showField(const QString &field)
{
    const QString prefix = QStringLiteral("templates.");
    if (!field.startsWith(prefix))
        return false;
    selectTemplate(field.mid(prefix.size()));
    m_edit->setFocus(Qt::OtherFocusReason);
    return true;
}

void TemplateEditor::setTemplates(const QMap<QString, QString> &templates)
{
    m_texts = templates;
    for (int row = 0; row < m_list->count(); ++row)
        updateItemLook(row);
    showCurrent();
}

QMap<QString, QString> TemplateEditor::templates() const
{
    return m_texts;
}

void TemplateEditor::selectTemplate(const QString &key)
{
    for (int row = 0; row < m_list->count(); ++row) {
        if (m_list->item(row)->data(KeyRole).toString() == key) {
            m_list->setCurrentRow(row);
            m_list->scrollToItem(m_list->item(row));
            return;
        }
    }
}

QString TemplateEditor::currentKey() const
{
    const QListWidgetItem *item = m_list->currentItem();
    return item ? item->data(KeyRole).toString() : QString();
}

void TemplateEditor::restoreDefault()
{
    if (currentKey().isEmpty())
        return;
    // Through the cursor, so that Undo in the text box brings the edited wording back.
    QTextCursor cursor(m_edit->document());
    cursor.select(QTextCursor::Document);
    cursor.insertText(defaultText(currentKey()));
}

void TemplateEditor::insertPlaceholder(const QString &name)
{
    if (currentKey().isEmpty())
        return;
    m_edit->insertPlainText(placeholderToken(name));
    m_edit->setFocus(Qt::OtherFocusReason);
}

void TemplateEditor::showCurrent()
{
    const QString key = currentKey();
    m_showing = true;
    m_title->setText(key.isEmpty() ? QString() : OrganisationProfile::templateDescription(key));
    m_keyLabel->setText(key.isEmpty() ? QString() : tr("Template \"%1\"").arg(key));
    m_edit->setPlainText(m_texts.value(key));
    m_edit->setEnabled(!key.isEmpty());
    m_showing = false;
    updateCheck();
}

void TemplateEditor::onTextEdited()
{
    if (m_showing || currentKey().isEmpty())
        return;
    m_texts.insert(currentKey(), m_edit->toPlainText());
    updateItemLook(m_list->currentRow());
    updateCheck();
}

void TemplateEditor::updateCheck()
{
    const QString key = currentKey();
    const QString text = m_edit->toPlainText();
    m_restore->setEnabled(!key.isEmpty() && m_defaults.contains(key) && text != defaultText(key));
    QString error;
    const std::optional<QStringList> used = LetterTemplate::placeholders(text, &error);
    if (!used) {
        m_check->setText(tr("Cannot be used yet: %1").arg(error));
        m_check->setStyleSheet(QStringLiteral("color: #b3261e;"));
        return;
    }
    m_check->setStyleSheet(QString());
    if (text.trimmed().isEmpty()) {
        m_check->setText(tr("Empty: this part is left out of the letter."));
    } else if (used->isEmpty()) {
        m_check->setText(tr("Uses no placeholders."));
    } else {
        QStringList tokens;
        for (const QString &name : *used)
            tokens.append(placeholderToken(name));
        m_check->setText(tr("Uses %1.").arg(tokens.join(QStringLiteral(", "))));
    }
}

void TemplateEditor::updateItemLook(int row)
{
    QListWidgetItem *item = m_list->item(row);
    if (!item)
        return;
    const QString key = item->data(KeyRole).toString();
    const bool changed = m_texts.value(key) != defaultText(key);
    QFont font = m_list->font();
    font.setBold(changed);
    item->setFont(font);
    const QString description = OrganisationProfile::templateDescription(key);
    item->setToolTip(changed ? tr("%1\nChanged from the shipped wording").arg(description)
                             : description);
}

QString TemplateEditor::defaultText(const QString &key) const
{
    return m_defaults.value(key);
}

} // namespace foidesk

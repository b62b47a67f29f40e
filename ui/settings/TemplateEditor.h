#pragma once

#include <QMap>
#include <QString>
#include "settings/SettingsPage.h"

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace foidesk {

// The "Letter wording" page of the settings: every template of the organisation profile in a
// list, an editor for the one selected, the placeholders it may use (insertable), a live check
// of its braces and placeholders, and a way back to the shipped wording.
class TemplateEditor : public SettingsPage
{
    Q_OBJECT

public:
    explicit TemplateEditor(QWidget *parent = nullptr);
    ~TemplateEditor() override;

    void setProfile(const OrganisationProfile &profile) override;
    void applyTo(OrganisationProfile *profile) const override;
    bool showField(const QString &field) override;

    // Shows templates (key -> wording); keys left out are offered empty.
    void setTemplates(const QMap<QString, QString> &templates);
    // The wording as edited: every key that was given or has been typed into.
    QMap<QString, QString> templates() const;

    // Selects the template key in the list and shows it in the editor.
    void selectTemplate(const QString &key);
    QString currentKey() const;
    // Puts the shipped wording back into the selected template (undoable in the text box).
    void restoreDefault();
    // Inserts "{name}" at the cursor of the template being edited.
    void insertPlaceholder(const QString &name);

    QPlainTextEdit *textEdit() const { return m_edit; }

private:
    void showCurrent();
    void onTextEdited();
    void updateCheck();
    void updateItemLook(int row);
    QString defaultText(const QString &key) const;

    QMap<QString, QString> m_texts;
    QMap<QString, QString> m_defaults;
    bool m_showing = false;

    QListWidget *m_list;
    QLabel *m_title;
    QLabel *m_keyLabel;
    QPlainTextEdit *m_edit;
    QLabel *m_check;
    QListWidget *m_placeholders;
    QPushButton *m_insert;
    QPushButton *m_restore;
};

} // namespace foidesk

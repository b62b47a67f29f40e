#pragma once

#include "editing/RequestDocument.h"

#include <QList>
#include <QPointer>
#include <QStringList>
#include <QWidget>
#include <memory>
#include <optional>

class QGroupBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTimer;
class QVBoxLayout;

namespace foidesk {

class LetterComposer;
class UndoKeyFilter;
struct OrganisationProfile;
struct ReleaseCheckResult;

// The "Refusal reasons" page of the request editor: one section for every exemption the request
// relies on, in the order the questions first use it, with the officer's reasoning and, for a
// qualified exemption, the public interest test the refusal notice must give (FOIA s17(3),
// EIR reg 14(3)). Above them, what the letter check still wants; below, the last release check
// of the exported letter. Edits go through the document, so they are undoable like any other.
class RefusalReasonsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit RefusalReasonsPanel(RequestDocument *document, QWidget *parent = nullptr);
    ~RefusalReasonsPanel() override;

    // The organisation profile whose catalogue (with its own wording and local exemptions) and
    // letter check apply.
    void setProfile(const OrganisationProfile &profile);
    // The last release check of this request's letter; nullopt when there has been none.
    void setReleaseCheck(const std::optional<ReleaseCheckResult> &check);
    // The boxes the panel creates for each exemption are handed to filter, so that Undo and
    // Redo reach the document's history rather than the box's own.
    void setUndoKeyFilter(UndoKeyFilter *filter);

    // The exemption codes shown, in order (request.exemptionsUsed() as of the last refresh).
    QStringList shownCodes() const;
    // What the letter check of the refusals asks for, as of the last refresh.
    QStringList problems() const { return m_problems; }

    // The reasoning and public interest boxes of one exemption; nullptr when it is not shown
    // or (for the public interest) when it needs no public interest test.
    QPlainTextEdit *reasoningEdit(const QString &code) const;
    QPlainTextEdit *publicInterestEdit(const QString &code) const;

    // Brings the section of code into view and puts the cursor in its reasoning box.
    void focusExemption(const QString &code);

    // Brings everything up to date with the document now, instead of after the current
    // burst of changes.
    void refreshNow();

Q_SIGNALS:
    // The number of refusal problems changed (for the tab title).
    void problemCountChanged(int count);

private:
    struct Section;

    void scheduleRefresh();
    void rebuildSections(const QStringList &codes);
    void updateSection(Section &section);
    void showReasoning(const QString &code);
    void editReasoning(const QString &code);
    void useDefault(const QString &code, bool publicInterest);
    void updateProblems();
    void updateReleaseCheck();
    Section *section(const QString &code) const;
    QString questionNames(const QString &code) const;

    RequestDocument *m_document;
    std::unique_ptr<LetterComposer> m_composer;
    std::unique_ptr<ReleaseCheckResult> m_releaseCheck; // null when there has been none
    QPointer<UndoKeyFilter> m_keyFilter;
    QList<std::shared_ptr<Section>> m_sections;
    QStringList m_problems;
    bool m_updating = false;

    QTimer *m_refreshTimer;
    QLabel *m_problemsLabel;
    QLabel *m_emptyLabel;
    QWidget *m_sectionsHost;
    QVBoxLayout *m_sectionsLayout;
    QGroupBox *m_releaseBox;
    QLabel *m_releaseLabel;
};

} // namespace foidesk

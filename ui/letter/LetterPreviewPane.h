#pragma once

#include "letter/LetterDocument.h"

#include <QPointer>
#include <QStringList>
#include <QWidget>
#include <memory>

class QAction;
class QLabel;
class QPrinter;
class QPrintPreviewWidget;
class QStackedWidget;
class QTextEdit;
class QTimer;
class QToolButton;

namespace foidesk {

struct OrganisationProfile;
class RequestDocument;
class Store;

// The response letter of the request in the editor, shown page by page as it will print.
// It follows the editor a short while after the last change (so typing never waits for a
// render) and does no work at all while it is hidden.
class LetterPreviewPane : public QWidget
{
    Q_OBJECT

public:
    // How long after the last change the letter is drawn again.
    static constexpr int DebounceMs = 400;

    explicit LetterPreviewPane(QWidget *parent = nullptr);
    ~LetterPreviewPane() override;

    // Follows editor's request with store's organisation profile; either may be null, which
    // shows the empty state. Both must outlive the pane or be replaced before they go.
    void setSource(Store *store, RequestDocument *document);

    // Draws the letter again after the debounce delay (restarting it when already waiting).
    void scheduleUpdate();
    // Draws the letter now, if the pane is visible; otherwise on its next showing.
    void updateNow();

    QPrintPreviewWidget *previewWidget() const { return m_preview; }
    // How many times the letter has been drawn, and how many pages it had the last time (the
    // supervisor view is drawn as one flowing text, not pages).
    int renderCount() const { return m_renderCount; }
    int pageCount() const;
    // What the letter still needs before it can be sent, as of the last drawing.
    QStringList problems() const { return m_problems; }
    // The letter as last drawn.
    const LetterDocument &letter() const { return m_letter; }

    // The supervisor view (View > Show Withheld Text): the letter is shown with its withheld
    // text highlighted and labelled, under a banner saying it is not for sending. Off at every
    // start; while it is on, printing and export are refused (see LetterActions).
    QAction *showWithheldAction() const { return m_showWithheldAction; }
    bool showsWithheld() const;
    void setShowWithheld(bool on);

Q_SIGNALS:
    // The letter has been drawn again.
    void rendered(int pageCount);
    // The supervisor view was switched on or off.
    void showWithheldChanged(bool on);

protected:
    void showEvent(QShowEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildUi();
    void reloadProfile();
    void paintLetter(QPrinter *printer);
    void showRevealed();
    void afterRender();
    void updateZoomLabel();

    QPointer<Store> m_store;
    QPointer<RequestDocument> m_document;
    std::unique_ptr<OrganisationProfile> m_profile;
    QString m_profileError;

    std::unique_ptr<QPrinter> m_printer;
    QTimer *m_debounce;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_emptyLabel = nullptr;
    QWidget *m_previewPage = nullptr;
    QPrintPreviewWidget *m_preview = nullptr;
    QLabel *m_stateLabel = nullptr;
    QLabel *m_problemsLabel = nullptr;
    QLabel *m_zoomLabel = nullptr;
    QToolButton *m_fitWidthButton = nullptr;
    QAction *m_showWithheldAction = nullptr;
    QLabel *m_supervisorBanner = nullptr;
    QTextEdit *m_revealView = nullptr;
    QWidget *m_zoomControls = nullptr;
    LetterDocument m_letter;

    bool m_stale = true;
    bool m_draftShown = true;
    int m_renderCount = 0;
    QStringList m_problems;
};

} // namespace foidesk

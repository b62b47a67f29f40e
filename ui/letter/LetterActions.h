#pragma once

#include "letter/LetterDocument.h"
#include "model/Request.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>
#include <optional>

class QAction;
class QLabel;
class QPrinter;
class QWidget;

namespace foidesk {

class AppSettings;
class RequestDocument;
class Store;
struct ReleaseCheckResult;

// The response letter's commands for the main window: Export PDF, Print and Print Preview,
// with everything they ask and report. They act on the request as it stands in its editing
// session, unsaved edits included, so what goes out is what the preview shows.
class LetterActions : public QObject
{
    Q_OBJECT

public:
    // window parents the dialogs and message boxes; settings must outlive this object.
    LetterActions(AppSettings *settings, QWidget *window);
    ~LetterActions() override;

    // The log and the editing session to act on; called again whenever the window replaces
    // them.
    void setSource(Store *store, RequestDocument *document);

    QAction *exportPdfAction() const { return m_exportPdfAction; }
    QAction *printAction() const { return m_printAction; }
    QAction *printPreviewAction() const { return m_printPreviewAction; }
    // A status-bar hint, visible while the log still uses the shipped placeholder wording.
    QLabel *profileHint() const { return m_profileHint; }


    // While the supervisor view shows withheld text on screen, Export, Print and Print Preview
    // are disabled (and refused if called): nothing shown that way may leave the screen.
    void setWithheldShown(bool shown);
    bool withheldShown() const { return m_withheldShown; }

    // Asks where to save and exports the letter there.
    void exportPdf();
    // Exports the letter to path without asking where: draft unless the request is marked
    // final. A final letter with gaps is refused, listing them, with the choice to export it
    // as a draft. The file is read back and checked for every withheld string
    // (exportCheckedPdf); a file in which any is found is deleted and the findings are shown.
    // The check of a final letter is announced by finalLetterChecked(), for the editor to keep
    // with the request (RequestEditor::recordReleaseCheck).
    // Reports success or failure in a message box. Returns true when written and checked.
    bool exportPdfTo(const QString &path);
    void print();
    void printPreview();

    // The final letter last exported in this session for the request with this reference
    // (offered by Mark as Sent); empty when none was.
    QString lastFinalLetter(const QString &reference) const { return m_finalLetters.value(reference); }

Q_SIGNALS:
    void statusMessage(const QString &message);
    // A final letter was exported and read back; result is its release check.
    void finalLetterChecked(const foidesk::ReleaseCheckResult &result);
    // The status-bar hint's "Set up now" was clicked.
    void settingsRequested();

private:
    struct Output
    {
        LetterDocument letter;
        bool draft = true;
    };
    // Says that the supervisor view is on and nothing can be printed or exported; true when
    // it is (and the caller must stop).
    bool refuseWhileWithheldShown(const QString &title);
    void reportLeak(const Output &output,
                    const QString &path,
                    const QString &message,
                    const ReleaseCheckResult &check);
    // The letter to print or export, or nothing when the user cancelled or it cannot be
    // composed. A final letter with gaps asks whether to go on with a draft; title is that
    // question's window title.
    std::optional<Output> letterToOutput(const QString &title, bool forExport);
    // Review is on and the request is not approved (nor sent or closed): its final letter
    // waits for a supervisor.
    bool awaitsApproval(const Request &request) const;
    // Paints output on printer; false, after saying why, when it could not.
    bool paintOn(QPrinter *printer, const Output &output);
    void preparePrinter(QPrinter *printer, const Output &output) const;
    void updateActions();
    void updateProfileHint();

    AppSettings *m_settings;
    QWidget *m_window;
    QPointer<Store> m_store;
    QPointer<RequestDocument> m_document;

    QAction *m_exportPdfAction;
    QAction *m_printAction;
    QAction *m_printPreviewAction;
    QLabel *m_profileHint;
    bool m_withheldShown = false;
    QHash<QString, QString> m_finalLetters;
};

} // namespace foidesk

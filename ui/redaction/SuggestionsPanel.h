#pragma once

#include "editing/RequestDocument.h"
#include "redaction/SuggestionScanner.h"

#include <QList>
#include <QWidget>

class QLabel;
class QPushButton;
class QTimer;
class QTreeWidget;

namespace foidesk {

class Store;

// Personal data in the answers that is not withheld yet: names of staff below the policy's
// grade, email addresses, telephone numbers, postcodes, and text withheld in another answer.
// The answers are scanned again once typing pauses; nothing is withheld until the officer
// clicks Accept or Accept All. Each accept and dismiss is recorded with the request (kept
// until its first save when it has not been saved yet); a dismissed text is not offered again.
class SuggestionsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit SuggestionsPanel(RequestDocument *document, QWidget *parent = nullptr);

    // The store gives the staff register, the redaction policy and the decisions taken
    // before. Without one, names are not suggested and decisions are kept in memory only.
    void setStore(Store *store);

    // Scans now instead of after the pause (also used when a request is opened).
    void scanNow();
    const QList<RedactionSuggestion> &suggestions() const { return m_suggestions; }
    // Decisions taken on a request that has not been saved yet, recorded at its first save.
    const QList<SuggestionDecision> &pendingDecisions() const { return m_pending; }

    // The name decisions are recorded under: the request's officer, or else the name the
    // operating system gives the signed-in user.
    QString decisionUser() const;

    // How long typing must pause before the answers are scanned again.
    static constexpr int ScanDelayMs = 500;

Q_SIGNALS:
    void jumpRequested(int row, qsizetype start, qsizetype length);
    void statusMessage(const QString &message);
    void suggestionsChanged(int count);

private:
    void scheduleScan();
    void loadStoreData();
    void accept(const QList<int> &indexes);
    void dismiss(const QList<int> &indexes);
    void record(const QList<SuggestionDecision> &decisions);
    void flushPending();
    void showSuggestions();
    void updateButtons();
    QList<int> selectedIndexes() const;
    Request scannedRequest() const;

    RequestDocument *m_document;
    Store *m_store = nullptr;
    QTimer *m_timer = nullptr;

    QList<StaffMember> m_staff;
    QStringList m_grades;
    QString m_withholdFromGrade;
    QList<SuggestionDecision> m_stored; // read from the store for the open request
    QList<SuggestionDecision> m_pending;
    QList<RedactionSuggestion> m_suggestions;
    QString m_loadProblem;

    QLabel *m_summary = nullptr;
    QTreeWidget *m_list = nullptr;
    QPushButton *m_accept = nullptr;
    QPushButton *m_acceptAll = nullptr;
    QPushButton *m_dismiss = nullptr;
};

} // namespace foidesk

#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QListView;
class QModelIndex;
class QTimer;

namespace foidesk {

class SearchResultsModel;
class Store;
struct SearchHit;

// Search the Log (Ctrl+F): a search box whose results follow the typing, and the list of
// results (SearchResultsModel, drawn by SearchResultDelegate). Down from the box goes into the
// results, Enter or a double click opens one, Escape closes the panel. The results are
// searched again whenever the store says the log changed, so they never point at what is gone.
class SearchPanel : public QWidget
{
    Q_OBJECT

public:
    explicit SearchPanel(QWidget *parent = nullptr);
    ~SearchPanel() override;

    // A pause in the typing this long runs the search.
    static constexpr int SearchDelayMs = 150;
    // At most this many results are shown, the most relevant.
    static constexpr int ResultLimit = 50;

    // The log searched; nullptr while there is none (during a restore).
    void setStore(Store *store);

    QLineEdit *searchEdit() const { return m_edit; }
    QListView *resultsView() const { return m_view; }
    SearchResultsModel *resultsModel() const { return m_model; }
    // What the line under the box says: how many results, or why there are none.
    QString message() const;

    // Puts the cursor in the box with its text selected, searching again first so that the
    // results are current.
    void focusSearch();
    // Runs the search for the text in the box now, without waiting for a pause.
    void searchNow();
    // Says why a result could not be opened, and searches again.
    void showProblem(const QString &message);

Q_SIGNALS:
    // The user chose a result: open request id at question questionIndex (-1: the request).
    // reference is the one the result showed, to check the request is still that one.
    void openRequested(qint64 requestId, const QString &reference, int questionIndex);
    // Escape: the window hides the panel and gives the focus back.
    void closeRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void scheduleRefresh();
    void openIndex(const QModelIndex &index);
    void setMessage(const QString &message, bool problem = false);

    Store *m_store = nullptr;
    QLineEdit *m_edit;
    QLabel *m_message;
    QListView *m_view;
    SearchResultsModel *m_model;
    QTimer *m_timer;
    QString m_searched;   // the text the results are for
    bool m_stale = false; // the log changed while the panel was hidden
};

} // namespace foidesk

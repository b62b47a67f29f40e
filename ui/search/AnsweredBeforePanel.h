#pragma once

#include "editing/RequestDocument.h"
#include "store/SimilarQuestions.h"

#include <QList>
#include <QWidget>

class QLabel;
class QTextBrowser;
class QTimer;
class QUrl;

namespace foidesk {

class ExemptionCatalogue;
class Store;

// Earlier answers to questions like the one being written ("Answered before in 6370952,
// 22 June 2020"), looked up in the log's index once typing in the question pauses. Use This
// Answer copies the answer in with its withheld passages and exemptions, as one undo step, and
// records where it came from; the request's reference opens it. Withheld passages of the
// earlier answer are shown as their labels, never as text.
class AnsweredBeforePanel : public QWidget
{
    Q_OBJECT

public:
    explicit AnsweredBeforePanel(RequestDocument *document, QWidget *parent = nullptr);

    void setStore(Store *store);
    // The question whose text is looked up: a row of the document, or -1 for none.
    void setRow(int row);
    // The catalogue that names the exemptions of withheld passages.
    void setCatalogue(const ExemptionCatalogue *catalogue);

    // Looks up now instead of after the pause.
    void lookUpNow();
    const QList<SimilarQuestion> &found() const { return m_found; }
    // Copies the answer of found().at(index) into the current question, as the link does.
    // Returns false, after saying why, when it could not.
    bool useAnswer(int index);

    QTextBrowser *view() const { return m_view; }

    // How long typing must pause before the log is asked.
    static constexpr int LookUpDelayMs = 300;
    // How many earlier answers are offered at most.
    static constexpr int MaxShown = 5;

Q_SIGNALS:
    void countChanged(int count);
    void statusMessage(const QString &message);
    // The officer asked to see the earlier request at that question.
    void openRequested(qint64 requestId, const QString &reference, int questionIndex);

private:
    void scheduleLookUp();
    void show();
    void linkActivated(const QUrl &url);
    QString answerHtml(const SimilarQuestion &similar) const;

    RequestDocument *m_document;
    Store *m_store = nullptr;
    const ExemptionCatalogue *m_catalogue = nullptr;
    int m_row = -1;
    QString m_lookedUp; // the question text the results are for
    QString m_problem;  // why the log could not be asked, shown instead of results
    QList<SimilarQuestion> m_found;
    QTimer *m_timer;
    QLabel *m_intro;
    QTextBrowser *m_view;
};

} // namespace foidesk

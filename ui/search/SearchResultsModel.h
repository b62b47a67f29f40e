#pragma once

#include "store/SearchTable.h"

#include <QAbstractListModel>
#include <QList>
#include <QStringList>

namespace foidesk {

class Store;

// The results of a search of the log, one row per hit (a question of a request, or the request
// itself), for SearchPanel's list. The delegate draws a row from the roles below; DisplayRole
// is the whole row as one line of plain text, which is also what a screen reader announces.
class SearchResultsModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role
    {
        RequestIdRole = Qt::UserRole + 1, // qint64
        ReferenceRole,                    // "6370952"
        ReceivedRole,                     // QDate, invalid when not known
        TitleRole,
        StatusRole,             // the status as shown in the list ("In progress")
        QuestionIndexRole,      // int, -1 when the request itself matched
        WhereRole,              // "Question 3 (Chatbots)", or "Request"
        HeadingRole,            // SearchText: the question, or the title
        DetailRole,             // SearchText: part of the answer or the response
        SnippetTextRole,        // the heading and detail as plain text
        MatchedWordsRole,       // QStringList: the words found, as they are written
        ShowsWithheldRole,      // bool: the row shows text an exemption withholds
        WithheldWordsRole,      // QStringList: that withheld text, piece by piece
        WithheldExemptionsRole, // QStringList: the exemptions it is withheld under
    };

    explicit SearchResultsModel(QObject *parent = nullptr);

    // The hits to show; the exemptions of any withheld text in them are read from store.
    void setHits(const QList<SearchHit> &hits, const Store *store);
    void clear();
    const SearchHit &hitAt(int row) const { return m_rows.at(row).hit; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    // "Question 3", with the section when there is one.
    static QString whereText(const SearchHit &hit);

private:
    struct Row
    {
        SearchHit hit;
        QStringList exemptions; // of the withheld text the row shows
    };
    QList<Row> m_rows;
};

} // namespace foidesk

Q_DECLARE_METATYPE(foidesk::SearchText)

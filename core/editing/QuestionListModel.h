#pragma once

#include "editing/RequestDocument.h"

#include <QAbstractListModel>

namespace foidesk {

// The questions of the request being edited, one row each, for the editor's list. Read-only
// except for reordering: a drag and drop or moveRows() pushes a move command on the document's
// undo stack, so a reorder is undone like any other edit.
class QuestionListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role
    {
        SectionRole = Qt::UserRole + 1,
        LabelRole,
        TextRole,
        AnswerRole,
        // True when this question's section heading differs from the previous question's: the
        // first question of a group, where the heading is shown.
        StartsSectionRole,
    };

    explicit QuestionListModel(RequestDocument *document, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;

    Qt::DropActions supportedDropActions() const override;
    Qt::DropActions supportedDragActions() const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    bool canDropMimeData(const QMimeData *data,
                         Qt::DropAction action,
                         int row,
                         int column,
                         const QModelIndex &parent) const override;
    // Moves the dragged question so that it lands before row (the end when row is -1).
    // Returns false for data that is not a question of this list or a drop that moves nothing.
    bool dropMimeData(const QMimeData *data,
                      Qt::DropAction action,
                      int row,
                      int column,
                      const QModelIndex &parent) override;
    // One question at a time (count must be 1); destinationChild counts before the move, as in
    // beginMoveRows(). Returns false when that would move nothing.
    bool moveRows(const QModelIndex &sourceParent,
                  int sourceRow,
                  int count,
                  const QModelIndex &destinationParent,
                  int destinationChild) override;

    // The text the list shows for a question: label, condition and the first line of its text.
    static QString summary(const Question &question);

    static QString mimeType();

private:
    void emitRowsChanged(int first, int last);

    RequestDocument *m_document;
};

} // namespace foidesk

#include "editing/QuestionListModel.h"

#include <QDataStream>
#include <QIODevice>
#include <QMimeData>

namespace foidesk {

namespace {

// Ties the drag to the document it came from, so that a question dragged from another
// editor window is not mistaken for one of ours.
struct DraggedRow
{
    quintptr document = 0;
    int row = -1;
};

QByteArray encode(const DraggedRow &dragged)
{
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    out << quint64(dragged.document) << qint32(dragged.row);
    return bytes;
}

DraggedRow decode(const QByteArray &bytes)
{
    QDataStream in(bytes);
    quint64 document = 0;
    qint32 row = -1;
    in >> document >> row;
    if (in.status() != QDataStream::Ok)
        return {};
    return {quintptr(document), row};
}

} // namespace

QuestionListModel::QuestionListModel(RequestDocument *document, QObject *parent)
    : QAbstractListModel(parent)
    , m_document(document)
{
    connect(m_document, &RequestDocument::aboutToReset, this, [this] { beginResetModel(); });
    connect(m_document, &RequestDocument::reset, this, [this] { endResetModel(); });

    connect(m_document, &RequestDocument::questionAboutToBeInserted, this, [this](int row) {
        beginInsertRows(QModelIndex(), row, row);
    });
    connect(m_document, &RequestDocument::questionInserted, this, [this](int row) {
        endInsertRows();
        // The next question may now start (or no longer start) a section.
        emitRowsChanged(row + 1, row + 1);
    });
    connect(m_document, &RequestDocument::questionAboutToBeRemoved, this, [this](int row) {
        beginRemoveRows(QModelIndex(), row, row);
    });
    connect(m_document, &RequestDocument::questionRemoved, this, [this](int row) {
        endRemoveRows();
        emitRowsChanged(row, row);
    });
    connect(m_document, &RequestDocument::questionAboutToBeMoved, this, [this](int from, int to) {
        beginMoveRows(QModelIndex(), from, from, QModelIndex(), to > from ? to + 1 : to);
    });
    connect(m_document, &RequestDocument::questionMoved, this, [this](int from, int to) {
        endMoveRows();
        emitRowsChanged(qMin(from, to), qMax(from, to) + 1);
    });
    connect(m_document,
            &RequestDocument::questionValueChanged,
            this,
            [this](int row, RequestDocument::QuestionField field) {
                switch (field) {
                case RequestDocument::QuestionField::Section:
                    emitRowsChanged(row, row + 1);
                    break;
                case RequestDocument::QuestionField::Label:
                case RequestDocument::QuestionField::Text:
                case RequestDocument::QuestionField::Answer:
                case RequestDocument::QuestionField::Disposition:
                case RequestDocument::QuestionField::Exemptions:
                case RequestDocument::QuestionField::Redactions:
                    emitRowsChanged(row, row);
                    break;
                case RequestDocument::QuestionField::Condition:
                case RequestDocument::QuestionField::Choices:
                    break;
                }
            });
}

int QuestionListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_document->questionCount();
}

QVariant QuestionListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const Question &q = m_document->question(row);
    const bool startsSection = !q.section.trimmed().isEmpty()
                               && (row == 0 || m_document->question(row - 1).section != q.section);
    switch (role) {
    case Qt::DisplayRole:
        // Every question shows its own heading, so that a row reads the same wherever it is
        // dragged to.
        if (!q.section.trimmed().isEmpty())
            return tr("%1 \u203a %2").arg(q.section.trimmed(), summary(q));
        return summary(q);
    case Qt::ToolTipRole:
        return q.text;
    case SectionRole:
        return q.section;
    case LabelRole:
        return q.label;
    case TextRole:
        return q.text;
    case AnswerRole:
        return q.answer;
    case StartsSectionRole:
        return startsSection;
    default:
        return {};
    }
}

Qt::ItemFlags QuestionListModel::flags(const QModelIndex &index) const
{
    // Drops land between rows, never onto a question.
    if (!index.isValid())
        return Qt::ItemIsDropEnabled;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled
           | Qt::ItemNeverHasChildren;
}

QHash<int, QByteArray> QuestionListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(SectionRole, "section");
    names.insert(LabelRole, "label");
    names.insert(TextRole, "text");
    names.insert(AnswerRole, "answer");
    names.insert(StartsSectionRole, "startsSection");
    return names;
}

Qt::DropActions QuestionListModel::supportedDropActions() const
{
    return Qt::MoveAction;
}

Qt::DropActions QuestionListModel::supportedDragActions() const
{
    return Qt::MoveAction;
}

QStringList QuestionListModel::mimeTypes() const
{
    return {mimeType()};
}

QMimeData *QuestionListModel::mimeData(const QModelIndexList &indexes) const
{
    if (indexes.size() != 1 || !indexes.first().isValid())
        return nullptr;
    auto *data = new QMimeData;
    data->setData(mimeType(), encode({quintptr(m_document), indexes.first().row()}));
    return data;
}

bool QuestionListModel::canDropMimeData(const QMimeData *data,
                                        Qt::DropAction action,
                                        int row,
                                        int column,
                                        const QModelIndex &parent) const
{
    Q_UNUSED(row)
    Q_UNUSED(column)
    Q_UNUSED(parent)
    if (!data || action != Qt::MoveAction || !data->hasFormat(mimeType()))
        return false;
    const DraggedRow dragged = decode(data->data(mimeType()));
    return dragged.document == quintptr(m_document) && dragged.row >= 0 && dragged.row < rowCount();
}

bool QuestionListModel::dropMimeData(
    const QMimeData *data, Qt::DropAction action, int row, int column, const QModelIndex &parent)
{
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    const DraggedRow dragged = decode(data->data(mimeType()));
    int destination = row;
    if (parent.isValid())
        destination = parent.row(); // dropped onto a question: it goes before that one
    if (destination < 0 || destination > rowCount())
        destination = rowCount();
    return moveRows(QModelIndex(), dragged.row, 1, QModelIndex(), destination);
}

bool QuestionListModel::moveRows(const QModelIndex &sourceParent,
                                 int sourceRow,
                                 int count,
                                 const QModelIndex &destinationParent,
                                 int destinationChild)
{
    if (sourceParent.isValid() || destinationParent.isValid() || count != 1)
        return false;
    if (sourceRow < 0 || sourceRow >= rowCount() || destinationChild < 0
        || destinationChild > rowCount())
        return false;
    // destinationChild is the gap before which the row goes; the final index is one less when
    // the row is moved down, because it leaves a gap above.
    const int to = destinationChild > sourceRow ? destinationChild - 1 : destinationChild;
    return m_document->moveQuestion(sourceRow, to);
}

QString QuestionListModel::summary(const Question &question)
{
    const QString firstLine = question.text.section(QLatin1Char('\n'), 0, 0).trimmed();
    const QString text = firstLine.isEmpty() ? tr("(no question text yet)") : firstLine;
    // The condition too, so that three "When would you want this?" rows can be told apart.
    QStringList parts{question.label.simplified(), question.condition.simplified(), text};
    parts.removeAll(QString());
    return parts.join(u' ');
}

QString QuestionListModel::mimeType()
{
    return QStringLiteral("application/x-foidesk-question-row");
}

void QuestionListModel::emitRowsChanged(int first, int last)
{
    first = qMax(first, 0);
    last = qMin(last, rowCount() - 1);
    if (first <= last)
        Q_EMIT dataChanged(index(first), index(last));
}

} // namespace foidesk

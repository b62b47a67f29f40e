#include "search/SearchPanel.h"

#include "search/SearchResultDelegate.h"
#include "search/SearchResultsModel.h"
#include "store/SearchQuery.h"
#include "store/Store.h"

#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QTimer>
#include <QVBoxLayout>

namespace foidesk {

namespace {

QString quoted(const QString &text)
{
    return QStringLiteral("\u201c") + text + QStringLiteral("\u201d");
}

} // namespace

SearchPanel::SearchPanel(QWidget *parent)
    : QWidget(parent)
    , m_edit(new QLineEdit(this))
    , m_message(new QLabel(this))
    , m_view(new QListView(this))
    , m_model(new SearchResultsModel(this))
    , m_timer(new QTimer(this))
{
    setObjectName(QStringLiteral("searchPanel"));

    m_edit->setObjectName(QStringLiteral("searchEdit"));
    m_edit->setPlaceholderText(tr("Words from a question, answer or title"));
    m_edit->setClearButtonEnabled(true);
    m_edit->setToolTip(tr("Every word must appear; the start of a word is enough (\"chat\" finds "
                          "\"chatbots\"). Put a phrase in double quotes. Accents do not matter."));
    m_edit->installEventFilter(this);

    m_message->setObjectName(QStringLiteral("searchMessage"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);

    m_view->setObjectName(QStringLiteral("searchResults"));
    m_view->setModel(m_model);
    m_view->setItemDelegate(new SearchResultDelegate(m_view));
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->setResizeMode(QListView::Adjust); // rows wrap again when the panel is resized
    m_view->setWordWrap(true);
    m_view->installEventFilter(this);
    connect(m_view, &QAbstractItemView::activated, this, &SearchPanel::openIndex);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(6);
    layout->addWidget(m_edit);
    layout->addWidget(m_message);
    layout->addWidget(m_view, 1);

    m_timer->setSingleShot(true);
    m_timer->setInterval(SearchDelayMs);
    connect(m_timer, &QTimer::timeout, this, &SearchPanel::searchNow);
    connect(m_edit, &QLineEdit::textChanged, m_timer, qOverload<>(&QTimer::start));

    setFocusProxy(m_edit);
    searchNow();
}

SearchPanel::~SearchPanel() = default;

void SearchPanel::setStore(Store *store)
{
    if (m_store)
        disconnect(m_store, nullptr, this, nullptr);
    m_store = store;
    if (m_store) {
        connect(m_store, &Store::requestCreated, this, &SearchPanel::scheduleRefresh);
        connect(m_store, &Store::requestSaved, this, &SearchPanel::scheduleRefresh);
        connect(m_store, &Store::requestDeleted, this, &SearchPanel::scheduleRefresh);
        connect(m_store, &Store::requestsChanged, this, &SearchPanel::scheduleRefresh);
    }
    searchNow();
}

QString SearchPanel::message() const
{
    return m_message->text();
}

void SearchPanel::focusSearch()
{
    if (m_stale)
        searchNow();
    m_edit->setFocus(Qt::ShortcutFocusReason);
    m_edit->selectAll();
}

void SearchPanel::scheduleRefresh()
{
    // A result must never stand for a request that changed or went: search again, now if the
    // panel is in view, else when it next is.
    if (isVisible())
        searchNow();
    else
        m_stale = true;
}

void SearchPanel::searchNow()
{
    m_timer->stop();
    m_stale = false;
    const QString typed = m_edit->text().trimmed();

    // Keep the same result current when the list is searched again.
    qint64 keptId = 0;
    int keptQuestion = -1;
    if (const QModelIndex current = m_view->currentIndex(); current.isValid()) {
        keptId = current.data(SearchResultsModel::RequestIdRole).toLongLong();
        keptQuestion = current.data(SearchResultsModel::QuestionIndexRole).toInt();
    }

    m_searched = typed;
    if (typed.isEmpty()) {
        m_model->clear();
        setMessage(tr("Type words from a reference, title, question or answer. Put a phrase in "
                      "double quotes."));
        return;
    }
    if (SearchQuery(typed).isEmpty()) {
        m_model->clear();
        setMessage(tr("No request matches %1: there is no word in it to look for. Type letters "
                      "or numbers.")
                       .arg(quoted(typed)),
                   true);
        return;
    }
    if (!m_store) {
        m_model->clear();
        setMessage(tr("No log is open to search."), true);
        return;
    }
    bool narrowed = false;
    const Result<QList<SearchHit>> hits =
        m_store->search(typed, ResultLimit, SearchScope::TypingNewest, &narrowed);
    if (!hits) {
        m_model->clear();
        setMessage(tr("The search could not be run: %1 Try again; if it keeps failing, restart "
                      "FOI Desk.")
                       .arg(hits.errorMessage()),
                   true);
        return;
    }
    m_model->setHits(hits.value(), m_store);
    const int count = m_model->rowCount();
    if (count == 0) {
        setMessage(tr("No request matches %1. Check the spelling, or use fewer words: every word "
                      "must appear.")
                       .arg(quoted(typed)),
                   true);
        return;
    }
    if (narrowed) {
        setMessage(tr("So many requests match that these are the best of the %L1 most recently logged. "
                      "Type more of the word, or add one, to search the whole log.")
                       .arg(SearchScope::TypingNewest));
    } else if (count >= ResultLimit) {
        setMessage(tr("The %1 most relevant results. Add a word to narrow the search.").arg(count));
    } else if (count == 1) {
        setMessage(tr("1 result. Enter opens the one selected."));
    } else {
        setMessage(tr("%1 results. Enter opens the one selected.").arg(count));
    }

    int row = 0;
    for (int i = 0; i < count; ++i) {
        const QModelIndex index = m_model->index(i);
        if (index.data(SearchResultsModel::RequestIdRole).toLongLong() == keptId
            && index.data(SearchResultsModel::QuestionIndexRole).toInt() == keptQuestion) {
            row = i;
            break;
        }
    }
    m_view->setCurrentIndex(m_model->index(row));
}

void SearchPanel::showProblem(const QString &message)
{
    searchNow();
    setMessage(message, true);
}

void SearchPanel::setMessage(const QString &message, bool problem)
{
    m_message->setText(message);
    QFont font = m_message->font();
    font.setBold(problem);
    m_message->setFont(font);
}

void SearchPanel::openIndex(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    // Results typed for but not yet searched would be the old ones: search first.
    if (m_timer->isActive() || m_edit->text().trimmed() != m_searched) {
        searchNow();
        return;
    }
    Q_EMIT openRequested(index.data(SearchResultsModel::RequestIdRole).toLongLong(),
                         index.data(SearchResultsModel::ReferenceRole).toString(),
                         index.data(SearchResultsModel::QuestionIndexRole).toInt());
}

bool SearchPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    auto *key = static_cast<QKeyEvent *>(event);
    if (key->key() == Qt::Key_Escape && key->modifiers() == Qt::NoModifier) {
        Q_EMIT closeRequested();
        return true;
    }
    if (watched == m_edit) {
        switch (key->key()) {
        case Qt::Key_Down:
        case Qt::Key_PageDown:
            if (m_timer->isActive())
                searchNow();
            if (m_model->rowCount() > 0) {
                if (!m_view->currentIndex().isValid())
                    m_view->setCurrentIndex(m_model->index(0));
                m_view->setFocus(Qt::TabFocusReason);
            }
            return true;
        case Qt::Key_Return:
        case Qt::Key_Enter:
            // What was typed is searched first, then the result selected (the first) opens.
            if (m_timer->isActive() || m_edit->text().trimmed() != m_searched)
                searchNow();
            openIndex(m_view->currentIndex());
            return true;
        default:
            break;
        }
    } else if (watched == m_view) {
        // Up from the first result goes back to the box.
        if (key->key() == Qt::Key_Up && m_view->currentIndex().row() <= 0) {
            m_edit->setFocus(Qt::TabFocusReason);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace foidesk

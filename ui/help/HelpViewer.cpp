#include "help/HelpViewer.h"

#include <QAbstractTextDocumentLayout>
#include <QDesktopServices>
#include <QFile>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QImage>
#include <QRegularExpression>
#include <QScreen>
#include <QScrollBar>
#include <QShortcut>
#include <QSplitter>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFrame>
#include <QTreeWidget>
#include <QUrl>

namespace foidesk {

namespace {

// Pictures are never shown narrower than this, however narrow the window (in
// device-independent pixels); below it they scroll sideways.
constexpr int MinImageWidth = 480;

} // namespace

HelpViewer::HelpViewer(QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_browser(new QTextBrowser(this))
    , m_contents(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("helpViewer"));
    setWindowTitle(tr("FOI Desk User Guide"));
    setAttribute(Qt::WA_DeleteOnClose);
    auto *closeKey = new QShortcut(QKeySequence::Cancel, this);
    connect(closeKey, &QShortcut::activated, this, &QWidget::close);

    m_browser->setObjectName(QStringLiteral("helpBrowser"));
    m_browser->setOpenLinks(false);
    m_browser->setSearchPaths({QStringLiteral(":/help")});
    connect(m_browser, &QTextBrowser::anchorClicked, this, &HelpViewer::followLink);

    m_contents->setObjectName(QStringLiteral("helpContents"));
    m_contents->setHeaderHidden(true);
    m_contents->setRootIsDecorated(false);
    m_contents->setIndentation(14);
    connect(m_contents, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        showSection(item->data(0, Qt::UserRole).toString());
    });
    connect(m_contents, &QTreeWidget::itemClicked, this, [this](QTreeWidgetItem *item) {
        showSection(item->data(0, Qt::UserRole).toString());
    });
    connect(
        m_browser->verticalScrollBar(), &QScrollBar::valueChanged, this, &HelpViewer::syncContents);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_contents);
    splitter->addWidget(m_browser);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    load();
    // The pictures follow the width of the view.
    m_browser->viewport()->installEventFilter(this);
    m_contents->resizeColumnToContents(0);
    const int contentsWidth = qMin(320, m_contents->columnWidth(0) + 40);
    // Wide enough for the pictures to be read, on any screen.
    QSize size(contentsWidth + 900, 820);
    if (const QScreen *screen = QGuiApplication::primaryScreen()) {
        const QSize available = screen->availableSize();
        size = size.boundedTo(QSize(available.width() * 9 / 10, available.height() * 9 / 10));
    }
    splitter->setSizes({contentsWidth, size.width() - contentsWidth});
    resize(size);
}

QString HelpViewer::guideResource()
{
    return QStringLiteral(":/help/user-guide.md");
}

QString HelpViewer::anchorFor(const QString &heading)
{
    QString anchor;
    for (const QChar c : heading.trimmed().toLower()) {
        if (c.isLetterOrNumber() || c == u'-' || c == u'_')
            anchor.append(c);
        else if (c.isSpace())
            anchor.append(u'-');
    }
    return anchor;
}

HelpViewer *HelpViewer::open(QWidget *from, const QString &section)
{
    QWidget *window = from ? from->window() : nullptr;
    HelpViewer *viewer =
        window ? window->findChild<HelpViewer *>(QString(), Qt::FindDirectChildrenOnly) : nullptr;
    if (!viewer)
        viewer = new HelpViewer(window);
    viewer->show();
    viewer->raise();
    viewer->activateWindow();
    viewer->showSection(section);
    return viewer;
}

void HelpViewer::load()
{
    QFile file(guideResource());
    QString text;
    if (file.open(QIODevice::ReadOnly))
        text = QString::fromUtf8(file.readAll());
    else
        text = tr("The user guide is missing from this installation of FOI Desk.");
    m_browser->document()->setMarkdown(text, QTextDocument::MarkdownDialectGitHub);
    markHeadings();
    fitImages();
}

void HelpViewer::markHeadings()
{
    QTextDocument *document = m_browser->document();
    QTreeWidgetItem *parent = nullptr;
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        const int level = block.blockFormat().headingLevel();
        if (level <= 0)
            continue;
        const QString anchor = anchorFor(block.text());
        if (anchor.isEmpty() || m_positions.contains(anchor))
            continue;
        QTextCursor cursor(block);
        cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
        QTextCharFormat format;
        format.setAnchor(true);
        format.setAnchorNames({anchor});
        cursor.mergeCharFormat(format);
        m_positions.insert(anchor, block.position());
        m_order.append(anchor);
        if (level == 1)
            continue; // the guide's title
        QTreeWidgetItem *item = nullptr;
        if (level == 2 || !parent) {
            item = new QTreeWidgetItem(m_contents, {block.text()});
            parent = item;
        } else {
            item = new QTreeWidgetItem(parent, {block.text()});
        }
        item->setData(0, Qt::UserRole, anchor);
        m_items.insert(anchor, item);
    }
    m_contents->expandAll();
}

// Shows each picture as wide as the view allows, and never wider than it was taken.
void HelpViewer::fitImages()
{
    QTextDocument *document = m_browser->document();
    const int available = qMax(
        MinImageWidth, m_browser->viewport()->width() - 2 * int(document->documentMargin()) - 16);
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (!fragment.isValid() || !fragment.charFormat().isImageFormat())
                continue;
            QTextImageFormat image = fragment.charFormat().toImageFormat();
            const QSize natural = QImage(QStringLiteral(":/help/") + image.name()).size();
            if (natural.isEmpty())
                continue;
            const int width = qMin(natural.width(), available);
            if (qRound(image.width()) == width)
                continue;
            image.setWidth(width);
            image.setHeight(double(natural.height()) * width / natural.width());
            QTextCursor cursor(document);
            cursor.setPosition(fragment.position());
            cursor.setPosition(fragment.position() + fragment.length(), QTextCursor::KeepAnchor);
            cursor.setCharFormat(image);
        }
    }
}

bool HelpViewer::showSection(const QString &section)
{
    if (section.isEmpty()) {
        m_browser->verticalScrollBar()->setValue(0);
        syncContents();
        return true;
    }
    if (!m_positions.contains(section))
        return false;
    keepLastSectionReachable();
    m_browser->scrollToAnchor(section);
    syncContents();
    return true;
}

QString HelpViewer::currentSection() const
{
    const int top = m_browser->verticalScrollBar()->value();
    QTextDocument *document = m_browser->document();
    QString current;
    for (const QString &anchor : m_order) {
        const QTextBlock block = document->findBlock(m_positions.value(anchor));
        const qreal y = document->documentLayout()->blockBoundingRect(block).top();
        if (y > top + 2)
            break;
        current = anchor;
    }
    return current;
}

void HelpViewer::followLink(const QUrl &url)
{
    if (url.scheme().isEmpty() && url.path().isEmpty() && url.hasFragment()) {
        showSection(url.fragment());
        return;
    }
    if (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https")
        || url.scheme() == QLatin1String("mailto"))
        QDesktopServices::openUrl(url);
}

bool HelpViewer::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_browser->viewport() && event->type() == QEvent::Resize) {
        // The section in view stays in view as the pictures and the room below change.
        const QString section = currentSection();
        fitImages();
        keepLastSectionReachable();
        if (!section.isEmpty())
            m_browser->scrollToAnchor(section);
    }
    return QWidget::eventFilter(watched, event);
}

// Room below the last section, so that any heading can be brought to the top of the view.
void HelpViewer::keepLastSectionReachable()
{
    QTextFrame *root = m_browser->document()->rootFrame();
    QTextFrameFormat format = root->frameFormat();
    const int room = m_browser->viewport()->height();
    if (int(format.bottomMargin()) != room) {
        format.setBottomMargin(room);
        root->setFrameFormat(format);
    }
}

void HelpViewer::syncContents()
{
    QTreeWidgetItem *item = m_items.value(currentSection());
    if (m_contents->currentItem() == item)
        return;
    const QSignalBlocker blocker(m_contents);
    if (item) {
        m_contents->setCurrentItem(item);
    } else {
        m_contents->setCurrentItem(nullptr);
        m_contents->clearSelection();
    }
}

} // namespace foidesk

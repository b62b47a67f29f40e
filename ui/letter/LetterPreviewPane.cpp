#include "letter/LetterPreviewPane.h"

#include "editing/RequestDocument.h"
#include "letter/LetterComposer.h"
#include "letter/LetterRenderer.h"
#include "profile/OrganisationProfile.h"
#include "store/Store.h"

#include <QAction>
#include <QGraphicsView>
#include <QHBoxLayout>
#include <QLabel>
#include <QPageLayout>
#include <QPageSize>
#include <QPrintPreviewWidget>
#include <QPrinter>
#include <QScrollBar>
#include <QStackedWidget>
#include <QTextDocument>
#include <QTextEdit>
#include <QEvent>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace foidesk {

namespace {

// The problems shown under the preview; the rest are in the tooltip.
constexpr int ShownProblems = 3;

QToolButton *makeToolButton(const QString &objectName,
                            const QString &text,
                            const QString &toolTip,
                            QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setObjectName(objectName);
    button->setText(text);
    button->setToolTip(toolTip);
    button->setAutoRaise(true);
    button->setFocusPolicy(Qt::StrongFocus);
    return button;
}

} // namespace

LetterPreviewPane::LetterPreviewPane(QWidget *parent)
    : QWidget(parent)
    , m_profile(std::make_unique<OrganisationProfile>())
    , m_printer(std::make_unique<QPrinter>(QPrinter::HighResolution))
    , m_debounce(new QTimer(this))
{
    setObjectName(QStringLiteral("letterPreviewPane"));
    // The preview only measures and records pages; PDF output needs no installed printer, and
    // the resolution of the PDF export keeps line breaks the same as in the exported file.
    m_printer->setOutputFormat(QPrinter::PdfFormat);
    m_printer->setResolution(600);
    m_printer->setFullPage(true);
    m_printer->setPageLayout(QPageLayout(QPageSize(QPageSize::A4),
                                         QPageLayout::Portrait,
                                         QMarginsF(0, 0, 0, 0),
                                         QPageLayout::Millimeter));

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(DebounceMs);
    connect(m_debounce, &QTimer::timeout, this, &LetterPreviewPane::updateNow);

    buildUi();
}

LetterPreviewPane::~LetterPreviewPane() = default;

void LetterPreviewPane::buildUi()
{
    m_emptyLabel = new QLabel(tr("Open a request to see its response letter here, page by "
                                 "page as it will print."),
                              this);
    m_emptyLabel->setObjectName(QStringLiteral("previewEmptyLabel"));
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setWordWrap(true);
    m_emptyLabel->setMargin(24);

    m_showWithheldAction = new QAction(tr("Show &Withheld Text"), this);
    m_showWithheldAction->setObjectName(QStringLiteral("showWithheldAction"));
    m_showWithheldAction->setCheckable(true);
    m_showWithheldAction->setChecked(false);
    m_showWithheldAction->setIconText(tr("Show Withheld Text (supervisor view)"));
    m_showWithheldAction->setToolTip(
        tr("Supervisor view: show the withheld text in the preview, highlighted and labelled. "
           "Printing and export are off while it is shown."));
    m_showWithheldAction->setStatusTip(m_showWithheldAction->toolTip());
    connect(m_showWithheldAction, &QAction::toggled, this, [this](bool on) {
        m_supervisorBanner->setVisible(on);
        Q_EMIT showWithheldChanged(on);
        // At once: a supervisor switching views should not look at the other one meanwhile.
        m_stale = true;
        updateNow();
    });

    m_previewPage = new QWidget(this);
    m_supervisorBanner = new QLabel(
        tr("Supervisor view \u2014 withheld text shown \u2014 not for sending. Export and Print are "
           "off until View > Show Withheld Text is switched off."),
        m_previewPage);
    m_supervisorBanner->setObjectName(QStringLiteral("supervisorBanner"));
    m_supervisorBanner->setAlignment(Qt::AlignCenter);
    m_supervisorBanner->setWordWrap(true);
    m_supervisorBanner->setTextFormat(Qt::PlainText);
    m_supervisorBanner->setContentsMargins(8, 6, 8, 6);
    m_supervisorBanner->setAutoFillBackground(true);
    {
        // The same strong colours in light and dark themes: it must not be missed.
        QPalette palette = m_supervisorBanner->palette();
        palette.setColor(QPalette::Window, QColor(0xb0, 0x1c, 0x1c));
        palette.setColor(QPalette::WindowText, Qt::white);
        m_supervisorBanner->setPalette(palette);
        QFont font = m_supervisorBanner->font();
        font.setBold(true);
        m_supervisorBanner->setFont(font);
    }
    m_supervisorBanner->hide();
    m_stateLabel = new QLabel(m_previewPage);
    m_stateLabel->setObjectName(QStringLiteral("previewStateLabel"));
    m_stateLabel->setTextFormat(Qt::PlainText);
    // A narrow pane cuts the state short rather than pushing the window wider.
    m_stateLabel->setMinimumWidth(0);
    m_stateLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);

    // The zoom controls act on the pages; the supervisor view has none, so they rest then.
    m_zoomControls = new QWidget(m_previewPage);
    auto *zoomOut = makeToolButton(
        QStringLiteral("previewZoomOutButton"), tr("\u2212"), tr("Zoom out"), m_zoomControls);
    m_zoomLabel = new QLabel(m_zoomControls);
    m_zoomLabel->setObjectName(QStringLiteral("previewZoomLabel"));
    m_zoomLabel->setAlignment(Qt::AlignCenter);
    m_zoomLabel->setMinimumWidth(
        m_zoomLabel->fontMetrics().horizontalAdvance(QStringLiteral("0000%")));
    auto *zoomIn = makeToolButton(
        QStringLiteral("previewZoomInButton"), tr("+"), tr("Zoom in"), m_zoomControls);
    m_fitWidthButton = makeToolButton(QStringLiteral("previewFitWidthButton"),
                                      tr("Fit Width"),
                                      tr("Fit the page to the width of the pane"),
                                      m_zoomControls);
    m_fitWidthButton->setCheckable(true);
    auto *fitPage = makeToolButton(QStringLiteral("previewFitPageButton"),
                                   tr("Whole Page"),
                                   tr("Show a whole page at once"),
                                   m_zoomControls);
    auto *showWithheld = new QToolButton(m_previewPage);
    showWithheld->setObjectName(QStringLiteral("showWithheldButton"));
    showWithheld->setDefaultAction(m_showWithheldAction);
    showWithheld->setToolButtonStyle(Qt::ToolButtonTextOnly);
    showWithheld->setAutoRaise(true);
    showWithheld->setFocusPolicy(Qt::StrongFocus);

    m_preview = new QPrintPreviewWidget(m_printer.get(), m_previewPage);
    m_preview->setObjectName(QStringLiteral("letterPreview"));
    m_preview->setViewMode(QPrintPreviewWidget::SinglePageView);
    m_preview->setZoomMode(QPrintPreviewWidget::FitToWidth);
    connect(m_preview, &QPrintPreviewWidget::paintRequested, this, &LetterPreviewPane::paintLetter);
    connect(m_preview, &QPrintPreviewWidget::previewChanged, this, [this] { updateZoomLabel(); });

    // The supervisor view is a text view, not pages: a document that reveals withheld text
    // must never be painted on a printer, and the print preview's pages belong to one.
    m_revealView = new QTextEdit(m_previewPage);
    m_revealView->setObjectName(QStringLiteral("supervisorView"));
    m_revealView->setReadOnly(true);
    // Read on screen only: nothing to select, copy or drag out of it.
    m_revealView->setTextInteractionFlags(Qt::NoTextInteraction);
    m_revealView->setContextMenuPolicy(Qt::NoContextMenu);
    m_revealView->setFrameShape(QFrame::NoFrame);
    m_revealView->hide();

    // QPrintPreviewWidget says nothing when its zoom changes, so the label is set by hand after
    // each change, and after a resize (Fit Width and Whole Page zoom with the pane).
    connect(zoomOut, &QToolButton::clicked, m_preview, [this] {
        m_preview->zoomOut(1.2);
        updateZoomLabel();
    });
    connect(zoomIn, &QToolButton::clicked, m_preview, [this] {
        m_preview->zoomIn(1.2);
        updateZoomLabel();
    });
    m_preview->installEventFilter(this);
    connect(m_fitWidthButton, &QToolButton::clicked, m_preview, [this] {
        m_preview->setZoomMode(QPrintPreviewWidget::FitToWidth);
        updateZoomLabel();
    });
    connect(fitPage, &QToolButton::clicked, m_preview, [this] {
        m_preview->setZoomMode(QPrintPreviewWidget::FitInView);
        updateZoomLabel();
    });

    m_problemsLabel = new QLabel(m_previewPage);
    m_problemsLabel->setObjectName(QStringLiteral("previewProblemsLabel"));
    m_problemsLabel->setTextFormat(Qt::PlainText);
    m_problemsLabel->setWordWrap(true);
    m_problemsLabel->setContentsMargins(8, 4, 8, 6);
    m_problemsLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(8, 4, 4, 4);
    bar->setSpacing(2);
    bar->addWidget(m_stateLabel, 1);
    auto *zoomBar = new QHBoxLayout(m_zoomControls);
    zoomBar->setContentsMargins(0, 0, 0, 0);
    zoomBar->setSpacing(2);
    zoomBar->addWidget(zoomOut);
    zoomBar->addWidget(m_zoomLabel);
    zoomBar->addWidget(zoomIn);
    zoomBar->addSpacing(6);
    zoomBar->addWidget(m_fitWidthButton);
    zoomBar->addWidget(fitPage);
    bar->addWidget(m_zoomControls);
    // On a line of its own, so that the pane can stay as narrow as it was.
    auto *supervisorBar = new QHBoxLayout;
    supervisorBar->setContentsMargins(4, 0, 4, 2);
    supervisorBar->addWidget(showWithheld);
    supervisorBar->addStretch(1);

    auto *pageLayout = new QVBoxLayout(m_previewPage);
    pageLayout->setContentsMargins(0, 0, 0, 0);
    pageLayout->setSpacing(0);
    pageLayout->addLayout(bar);
    pageLayout->addLayout(supervisorBar);
    pageLayout->addWidget(m_supervisorBanner);
    pageLayout->addWidget(m_preview, 1);
    pageLayout->addWidget(m_revealView, 1);
    pageLayout->addWidget(m_problemsLabel);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_emptyLabel);
    m_stack->addWidget(m_previewPage);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
}

void LetterPreviewPane::setSource(Store *store, RequestDocument *document)
{
    if (m_store)
        disconnect(m_store, nullptr, this, nullptr);
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_store = store;
    m_document = document;
    if (m_store) {
        connect(m_store, &Store::profileChanged, this, [this] {
            reloadProfile();
            scheduleUpdate();
        });
    }
    if (m_document) {
        connect(m_document, &RequestDocument::contentChanged, this, &LetterPreviewPane::scheduleUpdate);
        connect(m_document, &RequestDocument::openChanged, this, &LetterPreviewPane::scheduleUpdate);
    }
    reloadProfile();
    scheduleUpdate();
}

void LetterPreviewPane::reloadProfile()
{
    m_profileError.clear();
    Result<OrganisationProfile> profile =
        m_store ? m_store->profile() : OrganisationProfile::defaults();
    if (!profile) {
        // The letter can still be previewed with the shipped wording; the reason is shown.
        m_profileError = profile.errorMessage();
        profile = OrganisationProfile::defaults();
    }
    *m_profile = profile ? profile.value() : OrganisationProfile();
}

void LetterPreviewPane::scheduleUpdate()
{
    m_stale = true;
    // A hidden pane does nothing: it catches up when it is shown again.
    if (isVisible())
        m_debounce->start();
}

void LetterPreviewPane::updateNow()
{
    m_debounce->stop();
    if (!isVisible()) {
        m_stale = true;
        return;
    }
    m_stale = false;
    if (!m_document || !m_document->isOpen()) {
        m_stack->setCurrentWidget(m_emptyLabel);
        m_problems.clear();
        return;
    }
    m_stack->setCurrentWidget(m_previewPage);

    const bool reveal = showsWithheld();
    m_preview->setVisible(!reveal);
    m_revealView->setVisible(reveal);
    m_zoomControls->setEnabled(!reveal);
    if (reveal) {
        showRevealed();
        afterRender();
        return;
    }

    // Keep the reader's place: the pages are rebuilt, not scrolled.
    auto *view = m_preview->findChild<QGraphicsView *>();
    const int scrollY = view ? view->verticalScrollBar()->value() : 0;
    m_preview->updatePreview();
    if (view)
        view->verticalScrollBar()->setValue(scrollY);
    afterRender();
}

bool LetterPreviewPane::showsWithheld() const
{
    return m_showWithheldAction->isChecked();
}

void LetterPreviewPane::setShowWithheld(bool on)
{
    m_showWithheldAction->setChecked(on);
}

int LetterPreviewPane::pageCount() const
{
    return m_preview->pageCount();
}

bool LetterPreviewPane::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_preview && event->type() == QEvent::Resize) {
        // The preview fits its pages after it has taken the new size.
        QTimer::singleShot(0, this, &LetterPreviewPane::updateZoomLabel);
    }
    return QWidget::eventFilter(watched, event);
}

void LetterPreviewPane::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale) {
        // After the layout has settled, so that fitting to the width uses the final width.
        QTimer::singleShot(0, this, [this] {
            if (m_stale)
                updateNow();
        });
    }
}

void LetterPreviewPane::showRevealed()
{
    const Request request = m_document->request();
    ComposeOptions options;
    options.revealWithheld = true;
    m_letter = LetterComposer(*m_profile).compose(request, options);
    m_problems = m_letter.problems;
    if (!m_profileError.isEmpty())
        m_problems.prepend(m_profileError);
    m_draftShown = true;

    const int scrollY = m_revealView->verticalScrollBar()->value();
    std::unique_ptr<QTextDocument> document =
        LetterRenderer(m_letter).createTextDocument(m_revealView);
    // The view's first document belongs to its internal text control, which deletes it in
    // setDocument(); only the documents this pane gave it are this pane's to delete, and whose
    // they are must be asked before setDocument() may have deleted the old one.
    QTextDocument *old = m_revealView->document();
    const bool oldIsOurs = old && old->parent() == m_revealView;
    document->setDocumentMargin(document->documentMargin() + 16);
    document->setParent(m_revealView);
    m_revealView->setDocument(document.release());
    if (oldIsOurs)
        delete old;
    m_revealView->verticalScrollBar()->setValue(scrollY);
    ++m_renderCount;
}

void LetterPreviewPane::paintLetter(QPrinter *printer)
{
    if (!m_document || !m_document->isOpen())
        return;
    const Request request = m_document->request();
    // Always the letter as it will be sent: these pages are painted on a printer device.
    m_letter = LetterComposer(*m_profile).compose(request);
    const LetterDocument &letter = m_letter;
    m_problems = letter.problems;
    if (!m_profileError.isEmpty())
        m_problems.prepend(m_profileError);
    // A final letter with gaps would be refused at export, so it is shown as the draft it is.
    m_draftShown = !request.letterFinal || letter.hasProblems();
    const Result<int> pages = LetterRenderer(letter).paint(printer, m_draftShown);
    if (!pages)
        m_problems.prepend(pages.errorMessage());
    ++m_renderCount;
}

void LetterPreviewPane::afterRender()
{
    const bool markedFinal = m_document && m_document->request().letterFinal;
    const int pages = m_letter.revealsWithheld ? 0 : m_preview->pageCount();
    const QString pagesText = pages == 1 ? tr("1 page") : tr("%1 pages").arg(pages);
    if (m_letter.revealsWithheld) {
        m_stateLabel->setText(tr("Supervisor view, on screen only"));
        m_stateLabel->setToolTip(tr("Withheld text is shown highlighted. This view is never "
                                    "printed or exported; switch it off to send the letter."));
    } else if (!m_draftShown) {
        m_stateLabel->setText(tr("Final letter \u2014 %1").arg(pagesText));
        m_stateLabel->setToolTip(tr("The letter is marked final and complete: it prints and "
                                    "exports without the DRAFT mark."));
    } else if (markedFinal) {
        m_stateLabel->setText(tr("Marked final, not ready \u2014 %1").arg(pagesText));
        m_stateLabel->setToolTip(tr("The letter is marked final but still has gaps, listed "
                                    "below; it keeps the DRAFT mark until they are filled."));
    } else {
        m_stateLabel->setText(tr("Draft \u2014 %1").arg(pagesText));
        m_stateLabel->setToolTip(tr("Drafts carry a DRAFT mark. Tick \"Letter is final\" "
                                    "in the request details when the letter is ready to send."));
    }

    if (m_problems.isEmpty()) {
        m_problemsLabel->hide();
    } else {
        QStringList shown = m_problems.mid(0, ShownProblems);
        for (QString &line : shown)
            line.prepend(QStringLiteral("\u2022 "));
        if (m_problems.size() > ShownProblems)
            shown.append(tr("and %n more (hover to see them all)",
                            nullptr,
                            int(m_problems.size() - ShownProblems)));
        m_problemsLabel->setText(tr("Still to fill in:") + QLatin1Char('\n')
                                 + shown.join(QLatin1Char('\n')));
        m_problemsLabel->setToolTip(m_problems.join(QLatin1Char('\n')));
        m_problemsLabel->show();
    }
    updateZoomLabel();
    Q_EMIT rendered(pages);
}

void LetterPreviewPane::updateZoomLabel()
{
    m_zoomLabel->setText(tr("%1%").arg(qRound(m_preview->zoomFactor() * 100.0)));
    m_fitWidthButton->setChecked(m_preview->zoomMode() == QPrintPreviewWidget::FitToWidth);
}

} // namespace foidesk

#include "importing/LetterImportDialog.h"

#include "exemptions/ExemptionCatalogue.h"
#include "importing/ImportedRequestForm.h"
#include "store/Store.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QSplitter>
#include <QStyle>
#include <QTextCursor>
#include <QTextEdit>
#include <QVBoxLayout>

namespace foidesk {

namespace {

// One colour per kind of field, light enough to read black text on; the legend names them.
struct FieldColour
{
    const char *field;
    const char *colour;
    const char *name;
};

const FieldColour fieldColours[] = {
    {"reference", "#ffe066", QT_TRANSLATE_NOOP("foidesk::LetterImportDialog", "reference")},
    {"letter_date", "#a5d8ff", QT_TRANSLATE_NOOP("foidesk::LetterImportDialog", "letter date")},
    {"received", "#74c0fc", QT_TRANSLATE_NOOP("foidesk::LetterImportDialog", "received")},
    {"regime", "#b2f2bb", QT_TRANSLATE_NOOP("foidesk::LetterImportDialog", "law")},
    {"requester", "#eebefa", QT_TRANSLATE_NOOP("foidesk::LetterImportDialog", "requester")},
    {"questions", "#ffd8a8", QT_TRANSLATE_NOOP("foidesk::LetterImportDialog", "question")},
    {"answer", "#e9ecef", QT_TRANSLATE_NOOP("foidesk::LetterImportDialog", "answer")},
    {"exemptions", "#ffa8a8", QT_TRANSLATE_NOOP("foidesk::LetterImportDialog", "exemption")},
    {"held", "#d0bfff", QT_TRANSLATE_NOOP("foidesk::LetterImportDialog", "held")},
};

QColor colourOf(const QString &field)
{
    for (const FieldColour &c : fieldColours) {
        if (field == QLatin1String(c.field))
            return QColor(QLatin1String(c.colour));
    }
    return QColor(Qt::yellow);
}

} // namespace

QList<LetterImportDialog::Entry> LetterImportDialog::readFiles(const QStringList &files)
{
    QList<Entry> entries;
    const Result<ExemptionCatalogue> catalogue = ExemptionCatalogue::shipped();
    for (const QString &file : files) {
        Entry entry;
        entry.file = file;
        if (!catalogue) {
            entry.error = catalogue.errorMessage();
        } else if (Result<ImportedLetter> letter = LetterImporter::readFile(file, *catalogue)) {
            entry.letter = std::move(letter).value();
        } else {
            entry.error = letter.errorMessage();
            Result<ImportedLetter> legacy =
                LetterImporter::readFile(file, *catalogue, TextEncoding::Windows1252);
            if (legacy)
                entry.windows1252 = std::move(legacy).value();
        }
        entries.append(entry);
    }
    return entries;
}

LetterImportDialog::LetterImportDialog(Store *store, const QList<Entry> &entries, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_entries(entries)
    , m_list(new QListWidget(this))
    , m_text(new QTextEdit(this))
    , m_form(new ImportedRequestForm(this))
    , m_error(new QLabel(this))
    , m_legend(new QLabel(this))
    , m_create(new QPushButton(tr("&Create Request"), this))
    , m_readWindows1252(new QPushButton(tr("&Read as Windows-1252"), this))
{
    setObjectName(QStringLiteral("letterImportDialog"));
    setWindowTitle(tr("Import Letters"));

    m_list->setObjectName(QStringLiteral("letterList"));
    m_list->setMinimumWidth(200);
    m_list->setTextElideMode(Qt::ElideMiddle);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_text->setObjectName(QStringLiteral("letterText"));
    m_text->setReadOnly(true);
    m_text->setMinimumWidth(280);
    m_error->setObjectName(QStringLiteral("letterImportError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c92a2a;"));
    m_create->setObjectName(QStringLiteral("createRequestButton"));
    m_create->setDefault(true);
    m_readWindows1252->setObjectName(QStringLiteral("readWindows1252Button"));
    m_readWindows1252->setToolTip(tr("Read this file as Windows-1252 text, as older office "
                                     "software saved it; then check pound signs, quotes and "
                                     "accented names against the original"));
    m_readWindows1252->hide();

    QStringList legend;
    for (const FieldColour &c : fieldColours) {
        legend.append(QStringLiteral("<span style=\"background-color:%1\">&nbsp;%2&nbsp;</span>")
                          .arg(QLatin1String(c.colour), tr(c.name)));
    }
    m_legend->setObjectName(QStringLiteral("letterLegend"));
    m_legend->setWordWrap(true);
    m_legend->setText(tr("Found in the letter:") + QStringLiteral(" ")
                      + legend.join(QStringLiteral(" ")));

    auto *scroll = new QScrollArea(this);
    scroll->setWidget(m_form);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setMinimumWidth(360);

    auto *textSide = new QWidget(this);
    auto *textLayout = new QVBoxLayout(textSide);
    textLayout->setContentsMargins(0, 0, 0, 0);
    textLayout->addWidget(m_text, 1);
    textLayout->addWidget(m_legend);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("letterImportSplitter"));
    splitter->addWidget(m_list);
    splitter->addWidget(textSide);
    splitter->addWidget(scroll);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 3);
    splitter->setStretchFactor(2, 4);
    splitter->setChildrenCollapsible(false);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_readWindows1252, QDialogButtonBox::ActionRole);
    buttons->addButton(m_create, QDialogButtonBox::ActionRole);
    connect(m_readWindows1252, &QPushButton::clicked, this, &LetterImportDialog::readAsWindows1252);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_create, &QPushButton::clicked, this, &LetterImportDialog::createCurrent);

    auto *intro = new QLabel(tr("Check each request against its letter, correct what is wrong and "
                                "give what is missing, then create it. Created requests are "
                                "marked \"imported, check\" in their history."),
                             this);
    intro->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    for (int row = 0; row < m_entries.size(); ++row) {
        auto *item = new QListWidgetItem(QFileInfo(m_entries[row].file).fileName(), m_list);
        item->setToolTip(QDir::toNativeSeparators(m_entries[row].file));
        updateRow(row);
    }
    connect(m_list, &QListWidget::currentRowChanged, this, &LetterImportDialog::showEntry);

    // Large enough to read a letter beside its request, never larger than the screen.
    const QRect screen =
        (parent && parent->screen() ? parent->screen() : QGuiApplication::primaryScreen())
            ->availableGeometry();
    resize(std::min(1400, screen.width() * 9 / 10), std::min(860, screen.height() * 9 / 10));
    splitter->setSizes({220, width() * 4 / 10, width() * 5 / 10});
    if (!m_entries.isEmpty())
        m_list->setCurrentRow(0);
}

int LetterImportDialog::createdCount() const
{
    int count = 0;
    for (const Entry &entry : m_entries)
        count += entry.createdReference.isEmpty() ? 0 : 1;
    return count;
}

void LetterImportDialog::updateRow(int row)
{
    QListWidgetItem *item = m_list->item(row);
    const Entry &entry = m_entries[row];
    QStyle *style = QApplication::style();
    QString state;
    if (!entry.createdReference.isEmpty()) {
        state = tr("created as %1").arg(entry.createdReference);
        item->setIcon(style->standardIcon(QStyle::SP_DialogApplyButton));
    } else if (!entry.letter) {
        state = tr("not read");
        item->setIcon(style->standardIcon(QStyle::SP_MessageBoxCritical));
    } else if (entry.letter->request.reference.isEmpty()) {
        state = tr("needs a reference");
        item->setIcon(style->standardIcon(QStyle::SP_MessageBoxWarning));
    } else {
        state = tr("to check");
        item->setIcon(QIcon());
    }
    item->setText(QFileInfo(entry.file).fileName() + QStringLiteral("\n") + state);
}

void LetterImportDialog::showEntry(int row)
{
    m_current = row;
    m_error->clear();
    if (row < 0 || row >= m_entries.size())
        return;
    const Entry &entry = m_entries[row];
    m_form->setEnabled(entry.letter.has_value() && entry.createdReference.isEmpty());
    m_create->setEnabled(entry.letter.has_value() && entry.createdReference.isEmpty());
    m_readWindows1252->setVisible(!entry.letter && entry.windows1252.has_value());
    if (!entry.letter) {
        m_text->setPlainText(entry.error);
        m_form->setLetter(ImportedLetter());
        showError(entry.error);
        return;
    }
    m_form->setLetter(*entry.letter);
    highlight(*entry.letter);
}

void LetterImportDialog::readAsWindows1252()
{
    if (m_current < 0 || m_current >= m_entries.size())
        return;
    Entry &entry = m_entries[m_current];
    if (entry.letter || !entry.windows1252)
        return;
    entry.letter = std::move(entry.windows1252);
    entry.windows1252.reset();
    entry.error.clear();
    updateRow(m_current);
    showEntry(m_current);
}

void LetterImportDialog::highlight(const ImportedLetter &letter)
{
    m_text->setPlainText(letter.source.text);
    QTextCursor cursor(m_text->document());
    for (const FoundSpan &span : letter.spans) {
        cursor.setPosition(int(span.start));
        cursor.setPosition(int(span.start + span.length), QTextCursor::KeepAnchor);
        QTextCharFormat format;
        format.setBackground(colourOf(span.field));
        format.setToolTip(span.field);
        cursor.mergeCharFormat(format);
    }
    // Show the start of the request as asked, not the letterhead.
    for (const FoundSpan &span : letter.spans) {
        if (span.field == u"questions") {
            QTextCursor at(m_text->document());
            at.setPosition(int(span.start));
            m_text->setTextCursor(at);
            m_text->ensureCursorVisible();
            break;
        }
    }
}

void LetterImportDialog::showError(const QString &message)
{
    m_error->setText(message);
}

void LetterImportDialog::createCurrent()
{
    if (m_current < 0 || m_current >= m_entries.size() || !m_store)
        return;
    Entry &entry = m_entries[m_current];
    if (!entry.letter)
        return;
    const Result<Request> request = m_form->request();
    if (!request) {
        showError(request.errorMessage());
        m_form->focusField(request.errorMessage().section(QLatin1Char(':'), 0, 0));
        return;
    }
    const QString detail = LetterImporter::historyDetail(*entry.letter);
    Result<Request> stored = m_store->importRequest(*request, false, detail);
    if (!stored && stored.errorKind() == ErrorKind::Taken) {
        QMessageBox box(QMessageBox::Question,
                        tr("Import Letters"),
                        tr("A request with the reference %1 is already in the log. Replace it "
                           "with the one from %2?")
                            .arg(request->reference, QFileInfo(entry.file).fileName()),
                        QMessageBox::Yes | QMessageBox::No,
                        this);
        box.setObjectName(QStringLiteral("replaceImportedRequestBox"));
        box.setDefaultButton(QMessageBox::No);
        if (box.exec() != QMessageBox::Yes) {
            showError(tr("Nothing was created: the reference %1 is taken. Give another "
                         "reference to create it beside the existing one.")
                          .arg(request->reference));
            return;
        }
        stored = m_store->importRequest(*request, true, detail);
    }
    if (!stored) {
        showError(stored.errorMessage());
        return;
    }
    entry.createdReference = stored->reference;
    updateRow(m_current);
    Q_EMIT requestCreated(stored->reference);
    // On to the next letter still to check.
    for (int next = 1; next <= m_entries.size(); ++next) {
        const int row = (m_current + next) % int(m_entries.size());
        if (m_entries[row].letter && m_entries[row].createdReference.isEmpty()) {
            m_list->setCurrentRow(row);
            return;
        }
    }
    showEntry(m_current);
    m_error->setText(tr("Every letter that could be read has been imported."));
}

} // namespace foidesk

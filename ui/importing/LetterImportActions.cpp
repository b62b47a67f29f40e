#include "importing/LetterImportActions.h"

#include "importing/LetterImportDialog.h"
#include "store/Store.h"
#include "util/AppSettings.h"
#include "widgets/FileDialogs.h"

#include <QAction>
#include <QApplication>
#include <QCursor>
#include <QFileInfo>
#include <QGuiApplication>

namespace foidesk {

LetterImportActions::LetterImportActions(AppSettings *settings, QWidget *window)
    : QObject(window)
    , m_settings(settings)
    , m_window(window)
    , m_action(new QAction(tr("Import &Letters..."), this))
{
    m_action->setObjectName(QStringLiteral("importLettersAction"));
    m_action->setToolTip(tr("Create requests from past response letters (text, Markdown, HTML, "
                            "Word or PDF), checking each one first"));
    connect(m_action, &QAction::triggered, this, &LetterImportActions::chooseLetters);
}

void LetterImportActions::setStore(Store *store)
{
    m_store = store;
}

void LetterImportActions::chooseLetters()
{
    const QStringList files =
        FileDialogs::openFiles(m_window,
                               QStringLiteral("importLettersFileDialog"),
                               tr("Import Letters"),
                               m_settings->lastImportFolder(),
                               tr("Letters (*.txt *.md *.html *.htm *.docx *.pdf);;All files (*)"));
    if (files.isEmpty())
        return;
    m_settings->setLastImportFolder(QFileInfo(files.constFirst()).absolutePath());
    previewLetters(files);
}

void LetterImportActions::previewLetters(const QStringList &files)
{
    if (!m_store)
        return;
    QGuiApplication::setOverrideCursor(Qt::WaitCursor);
    const QList<LetterImportDialog::Entry> entries = LetterImportDialog::readFiles(files);
    QGuiApplication::restoreOverrideCursor();
    LetterImportDialog dialog(m_store, entries, m_window);
    connect(&dialog, &LetterImportDialog::requestCreated, this, [this](const QString &reference) {
        Q_EMIT requestsImported();
        Q_EMIT statusMessage(tr("Created request %1 from its letter; check it").arg(reference));
    });
    dialog.exec();
    Q_EMIT statusMessage(tr("%n request(s) created from letters", nullptr, dialog.createdCount()));
}

} // namespace foidesk

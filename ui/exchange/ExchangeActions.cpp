#include "exchange/ExchangeActions.h"

#include "exchange/ExampleRequests.h"
#include "exchange/ImportResultsDialog.h"
#include "exchange/RequestImporter.h"
#include "exchange/RequestJson.h"
#include "store/Store.h"
#include "util/AppSettings.h"
#include "widgets/FileDialogs.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QIcon>
#include <QKeySequence>
#include <QMessageBox>
#include <QRegularExpression>
#include <QWidget>

namespace foidesk {

namespace {

// A reference may hold characters a file name cannot ("FOI/2024/17").
QString fileNameForReference(const QString &reference)
{
    QString name = reference;
    name.replace(QRegularExpression(QStringLiteral("[\\\\/:*?\"<>|\\s]+")), QStringLiteral("-"));
    if (name.isEmpty())
        name = QStringLiteral("request");
    return name + QStringLiteral(".json");
}

QIcon appIcon(const char *name)
{
    return QIcon(QStringLiteral(":/icons/") + QLatin1String(name) + QStringLiteral(".svg"));
}

} // namespace

ExchangeActions::ExchangeActions(AppSettings *settings, QWidget *window)
    : QObject(window)
    , m_settings(settings)
    , m_window(window)
    , m_importAction(new QAction(appIcon("document-import"), tr("&Import Requests..."), this))
    , m_importExamplesAction(new QAction(tr("Import E&xample Requests"), this))
    , m_exportAction(
          new QAction(appIcon("document-export"), tr("&Export Request as JSON..."), this))
{
    m_importAction->setObjectName(QStringLiteral("importAction"));
    m_importAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    connect(m_importAction, &QAction::triggered, this, &ExchangeActions::chooseFilesToImport);

    m_importExamplesAction->setObjectName(QStringLiteral("importExamplesAction"));
    connect(
        m_importExamplesAction, &QAction::triggered, this, &ExchangeActions::importExampleRequests);

    // Export needs to know which request: the window connects it.
    m_exportAction->setObjectName(QStringLiteral("exportAction"));
    m_exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
}

void ExchangeActions::setStore(Store *store)
{
    m_store = store;
}

void ExchangeActions::chooseFilesToImport()
{
    const QStringList files =
        FileDialogs::openFiles(m_window,
                               QStringLiteral("importFileDialog"),
                               tr("Import Requests"),
                               m_settings->lastImportFolder(),
                               tr("FOI Desk requests (*.json);;All files (*)"));
    if (files.isEmpty())
        return;
    m_settings->setLastImportFolder(QFileInfo(files.constFirst()).absolutePath());
    importFiles(files);
}

void ExchangeActions::importFiles(const QStringList &files)
{
    if (!m_store)
        return;
    RequestImporter importer(m_store, m_window);
    const QList<ImportOutcome> outcomes = importer.importFiles(files);
    Q_EMIT requestsImported();
    Q_EMIT statusMessage(ImportResultsDialog::summary(outcomes));
    ImportResultsDialog dialog(outcomes, m_window);
    dialog.exec();
}

void ExchangeActions::importExampleRequests()
{
    if (!m_store)
        return;
    const auto examples = ExampleRequests::load();
    if (!examples) {
        QMessageBox::warning(m_window, tr("Import Example Requests"), examples.errorMessage());
        return;
    }
    RequestImporter importer(m_store, m_window);
    const QList<ImportOutcome> outcomes = importer.importSkippingExisting(*examples);
    Q_EMIT requestsImported();

    const int imported = RequestImporter::countOf(outcomes, ImportOutcome::Kind::Imported);
    const int skipped = RequestImporter::countOf(outcomes, ImportOutcome::Kind::Skipped);
    QStringList failures;
    for (const ImportOutcome &outcome : outcomes) {
        if (outcome.kind == ImportOutcome::Kind::Failed)
            failures.append(outcome.reference + QStringLiteral(": ") + outcome.message);
    }
    QString message = imported == 1 ? tr("Imported 1 example request")
                                    : tr("Imported %1 example requests").arg(imported);
    if (skipped > 0)
        message += tr("; %n already in the log", nullptr, skipped);
    Q_EMIT statusMessage(message);
    if (!failures.isEmpty()) {
        QMessageBox::warning(m_window,
                             tr("Import Example Requests"),
                             tr("Some example requests could not be imported:\n\n%1")
                                 .arg(failures.join(QLatin1Char('\n'))));
    }
}

void ExchangeActions::exportRequest(qint64 id)
{
    if (!m_store || id <= 0)
        return;
    const auto request = m_store->loadRequest(id);
    if (!request) {
        QMessageBox::warning(m_window, tr("Export Request"), request.errorMessage());
        return;
    }
    const QString suggested =
        QDir(m_settings->lastExportFolder()).filePath(fileNameForReference(request->reference));
    const QString file = FileDialogs::saveFile(m_window,
                                               QStringLiteral("exportJsonFileDialog"),
                                               tr("Export Request as JSON"),
                                               suggested,
                                               tr("FOI Desk requests (*.json)"));
    if (file.isEmpty())
        return;
    m_settings->setLastExportFolder(QFileInfo(file).absolutePath());
    const Result<void> written = RequestJson::writeFile(*request, file);
    if (!written) {
        QMessageBox::warning(m_window,
                             tr("Export Request"),
                             tr("Request %1 was not exported.\n\n%2")
                                 .arg(request->reference, written.errorMessage()));
        return;
    }
    Q_EMIT statusMessage(
        tr("Exported request %1 to %2").arg(request->reference, QDir::toNativeSeparators(file)));
}

} // namespace foidesk

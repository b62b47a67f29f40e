#include "publish/PublishActions.h"

#include "publish/Publisher.h"
#include "store/Store.h"
#include "util/AppSettings.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QMessageBox>
#include <QProgressDialog>
#include <QStandardPaths>

namespace foidesk {

PublishActions::PublishActions(AppSettings *settings, QWidget *window)
    : QObject(window)
    , m_settings(settings)
    , m_window(window)
    , m_publishAction(new QAction(tr("Pu&blish Disclosure Log..."), this))
{
    m_publishAction->setObjectName(QStringLiteral("publishLogAction"));
    m_publishAction->setStatusTip(tr("Publish the answered requests that pass the publication "
                                     "gate as a static web site, without the requesters' details "
                                     "or any withheld text."));
    m_publishAction->setEnabled(false);
    connect(m_publishAction, &QAction::triggered, this, [this] { publish(); });
}

void PublishActions::setStore(Store *store)
{
    m_store = store;
    m_publishAction->setEnabled(store != nullptr);
}

void PublishActions::setFolderChooser(std::function<QString(const QString &)> chooser)
{
    m_chooser = std::move(chooser);
}

QString PublishActions::chooseFolder() const
{
    QString last = m_settings->lastPublishFolder();
    if (last.isEmpty()) {
        last = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
               + QStringLiteral("/Disclosure log");
    }
    if (m_chooser)
        return m_chooser(last);
    return QFileDialog::getExistingDirectory(
        m_window, tr("Publish the Disclosure Log to Folder"), last);
}

bool PublishActions::publish()
{
    if (!m_store)
        return false;
    const QString folder = chooseFolder();
    if (folder.isEmpty())
        return false;
    m_settings->setLastPublishFolder(folder);

    QProgressDialog progress(tr("Publishing the disclosure log..."), tr("Cancel"), 0, 0, m_window);
    progress.setObjectName(QStringLiteral("publishProgress"));
    progress.setWindowTitle(tr("Publish Disclosure Log"));
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(0);
    progress.setAutoClose(false);
    progress.setAutoReset(false);
    progress.show();

    PublishOptions options;
    options.outDir = folder;
    options.progress = [&progress](int done, int total) {
        progress.setMaximum(total);
        progress.setValue(done);
        progress.setLabelText(tr("Preparing request %1 of %2...").arg(done).arg(total));
        QApplication::processEvents();
        return !progress.wasCanceled();
    };
    QApplication::setOverrideCursor(Qt::BusyCursor);
    const Result<PublishResult> published = Publisher::publish(*m_store, options);
    QApplication::restoreOverrideCursor();
    progress.close();

    if (!published) {
        QMessageBox box(QMessageBox::Warning,
                        tr("Publish Disclosure Log"),
                        tr("The disclosure log was not published."),
                        QMessageBox::Ok,
                        m_window);
        box.setObjectName(QStringLiteral("publishFailedBox"));
        box.setInformativeText(published.errorMessage());
        box.exec();
        return false;
    }
    if (published->cancelled) {
        Q_EMIT statusMessage(tr("Publishing cancelled: the published site is as it was."));
        return false;
    }
    showResult(published.value(), folder);
    return true;
}

void PublishActions::showResult(const PublishResult &result, const QString &folder)
{
    const QString summary =
        tr("%n request(s) published to %1.", nullptr, int(result.published.size()))
            .arg(QDir::toNativeSeparators(folder));
    Q_EMIT statusMessage(summary);
    QMessageBox box(result.skipped.isEmpty() ? QMessageBox::Information : QMessageBox::Warning,
                    tr("Publish Disclosure Log"),
                    summary,
                    QMessageBox::Ok,
                    m_window);
    box.setObjectName(QStringLiteral("publishResultBox"));
    QString details;
    for (const SkippedRequest &skipped : result.skipped) {
        details += tr("Request %1 was not published:").arg(skipped.reference) + u'\n';
        for (const QString &reason : skipped.reasons)
            details += QStringLiteral("  - ") + reason + u'\n';
    }
    for (const QString &note : result.notes)
        details += note + u'\n';
    if (!result.skipped.isEmpty()) {
        box.setInformativeText(tr("%n answered request(s) were kept out of the log; the details "
                                  "say why.",
                                  nullptr,
                                  int(result.skipped.size())));
        box.setDetailedText(details.trimmed());
    } else {
        if (!result.notes.isEmpty())
            box.setDetailedText(details.trimmed());
        box.setInformativeText(
            tr("%n file(s) written, %1 removed.", nullptr, int(result.written.size()))
                .arg(result.removed.size()));
    }
    box.exec();
}

} // namespace foidesk

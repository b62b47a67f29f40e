#include "exchange/RequestImporter.h"

#include "exchange/RequestJson.h"
#include "store/Store.h"

#include <QCheckBox>
#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>

namespace foidesk {

RequestImporter::RequestImporter(Store *store, QWidget *parent)
    : m_store(store)
    , m_parent(parent)
{}

QList<ImportOutcome> RequestImporter::importFiles(const QStringList &files)
{
    m_cancelled = false;
    m_haveStandingChoice = false;
    QList<ImportOutcome> outcomes;
    for (qsizetype i = 0; i < files.size(); ++i) {
        const QString &file = files.at(i);
        if (m_cancelled) {
            ImportOutcome skipped;
            skipped.source = file;
            skipped.kind = ImportOutcome::Kind::NotAttempted;
            skipped.message = tr("Not imported: the import was cancelled.");
            outcomes.append(skipped);
            continue;
        }

        const auto request = RequestJson::readFile(file);
        if (!request) {
            ImportOutcome failed;
            failed.source = file;
            failed.kind = ImportOutcome::Kind::Failed;
            failed.message = request.errorMessage();
            outcomes.append(failed);
            continue;
        }

        bool replace = false;
        const auto existing = m_store->findReference(request->reference);
        if (!existing) {
            outcomes.append(
                {file, request->reference, ImportOutcome::Kind::Failed, existing.errorMessage()});
            continue;
        }
        if (existing->has_value()) {
            switch (askAboutExisting(file, *request, i + 1 < files.size())) {
            case Choice::Replace:
                replace = true;
                break;
            case Choice::Skip:
                outcomes.append(
                    {file,
                     request->reference,
                     ImportOutcome::Kind::Skipped,
                     tr("Skipped: request %1 is already in the log.").arg(request->reference)});
                continue;
            case Choice::Cancel:
                m_cancelled = true;
                outcomes.append({file,
                                 request->reference,
                                 ImportOutcome::Kind::NotAttempted,
                                 tr("Not imported: the import was cancelled.")});
                continue;
            }
        }
        outcomes.append(importOne(file, *request, replace));
    }
    return outcomes;
}

QList<ImportOutcome> RequestImporter::importSkippingExisting(const QList<Request> &requests)
{
    m_cancelled = false;
    QList<ImportOutcome> outcomes;
    for (const Request &request : requests) {
        const auto existing = m_store->findReference(request.reference);
        if (!existing) {
            outcomes.append({request.reference,
                             request.reference,
                             ImportOutcome::Kind::Failed,
                             existing.errorMessage()});
            continue;
        }
        if (existing->has_value()) {
            outcomes.append(
                {request.reference,
                 request.reference,
                 ImportOutcome::Kind::Skipped,
                 tr("Skipped: request %1 is already in the log.").arg(request.reference)});
            continue;
        }
        outcomes.append(importOne(request.reference, request, false));
    }
    return outcomes;
}

int RequestImporter::countOf(const QList<ImportOutcome> &outcomes, ImportOutcome::Kind kind)
{
    int count = 0;
    for (const ImportOutcome &outcome : outcomes) {
        if (outcome.kind == kind)
            ++count;
    }
    return count;
}

ImportOutcome
RequestImporter::importOne(const QString &source, const Request &request, bool replace)
{
    ImportOutcome outcome;
    outcome.source = source;
    outcome.reference = request.reference;
    const auto stored = m_store->importRequest(request, replace);
    if (!stored) {
        outcome.kind = ImportOutcome::Kind::Failed;
        outcome.message = stored.errorMessage();
    } else {
        outcome.kind = replace ? ImportOutcome::Kind::Replaced : ImportOutcome::Kind::Imported;
    }
    return outcome;
}

RequestImporter::Choice
RequestImporter::askAboutExisting(const QString &file, const Request &request, bool moreToCome)
{
    if (m_haveStandingChoice)
        return m_standingChoice;

    QMessageBox box(m_parent);
    box.setObjectName(QStringLiteral("replaceRequestBox"));
    box.setIcon(QMessageBox::Question);
    box.setWindowTitle(tr("Request Already in the Log"));
    box.setText(tr("Request %1 is already in the log.").arg(request.reference));
    box.setInformativeText(tr("%1 holds another version of it. Replace the request in the log with "
                              "the one in the file, or skip this file?")
                               .arg(QDir::toNativeSeparators(QFileInfo(file).fileName())));
    QPushButton *replaceButton = box.addButton(tr("&Replace"), QMessageBox::DestructiveRole);
    replaceButton->setObjectName(QStringLiteral("replaceButton"));
    QPushButton *skipButton = box.addButton(tr("&Skip"), QMessageBox::AcceptRole);
    skipButton->setObjectName(QStringLiteral("skipButton"));
    QPushButton *cancelButton = box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(skipButton);
    box.setEscapeButton(cancelButton);
    QCheckBox *applyToAll = nullptr;
    if (moreToCome) {
        applyToAll = new QCheckBox(tr("Do the same for the other requests already "
                                      "in the log"));
        box.setCheckBox(applyToAll);
    }
    box.exec();

    Choice choice = Choice::Cancel;
    if (box.clickedButton() == replaceButton)
        choice = Choice::Replace;
    else if (box.clickedButton() == skipButton)
        choice = Choice::Skip;
    if (choice != Choice::Cancel && applyToAll && applyToAll->isChecked()) {
        m_haveStandingChoice = true;
        m_standingChoice = choice;
    }
    return choice;
}

} // namespace foidesk

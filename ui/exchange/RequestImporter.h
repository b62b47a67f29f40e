#pragma once

#include "model/Request.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

class QWidget;

namespace foidesk {

class Store;

// What happened to one file (or one example request) in an import.
struct ImportOutcome
{
    enum class Kind
    {
        Imported,
        Replaced,
        Skipped,
        Failed,
        NotAttempted
    };

    QString source; // the file, or the example's reference
    QString reference;
    Kind kind = Kind::NotAttempted;
    QString message; // why it failed or was skipped; empty when imported
};

// Imports requests into the store the way the window does it: each file all or nothing, and
// when a reference is already in the log the user chooses Replace, Skip or Cancel.
class RequestImporter
{
    Q_DECLARE_TR_FUNCTIONS(RequestImporter)

public:
    // parent is where the questions are asked.
    RequestImporter(Store *store, QWidget *parent);

    // Reads and imports each file in turn. Stops at Cancel; the files after it are reported as
    // NotAttempted.
    QList<ImportOutcome> importFiles(const QStringList &files);

    // Imports the given requests, skipping those whose reference is already in the log.
    QList<ImportOutcome> importSkippingExisting(const QList<Request> &requests);

    // True when the user pressed Cancel in the last import.
    bool wasCancelled() const { return m_cancelled; }

    static int countOf(const QList<ImportOutcome> &outcomes, ImportOutcome::Kind kind);

private:
    enum class Choice
    {
        Replace,
        Skip,
        Cancel
    };
    Choice askAboutExisting(const QString &file, const Request &request, bool moreToCome);
    ImportOutcome importOne(const QString &source, const Request &request, bool replace);

    Store *m_store;
    QWidget *m_parent;
    bool m_cancelled = false;
    // "Do the same for the rest of the files" remembers the answer here.
    bool m_haveStandingChoice = false;
    Choice m_standingChoice = Choice::Skip;
};

} // namespace foidesk

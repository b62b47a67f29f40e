#pragma once

#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

class QAction;
class QWidget;

namespace foidesk {

class AppSettings;
class Store;

// The window's commands for request files: Import Requests, Import Example Requests and Export
// Request as JSON, with the questions they ask and the results they show.
class ExchangeActions : public QObject
{
    Q_OBJECT

public:
    // window parents the dialogs and message boxes; settings must outlive this object.
    ExchangeActions(AppSettings *settings, QWidget *window);

    void setStore(Store *store);

    QAction *importAction() const { return m_importAction; }
    QAction *importExamplesAction() const { return m_importExamplesAction; }
    QAction *exportAction() const { return m_exportAction; }

    // Asks for files, then imports them.
    void chooseFilesToImport();
    // Imports the files (asking about references already in the log) and shows what happened
    // to each one.
    void importFiles(const QStringList &files);
    // Imports the example requests built into FOI Desk, skipping any already in the log.
    void importExampleRequests();
    // Asks where, then writes the stored request id as exchange-format JSON. The window saves
    // the editor's changes first, so that what is exported is what the user sees.
    void exportRequest(qint64 id);

Q_SIGNALS:
    // Requests were added or replaced: the list must be read again.
    void requestsImported();
    void statusMessage(const QString &message);

private:
    AppSettings *m_settings;
    QWidget *m_window;
    QPointer<Store> m_store;
    QAction *m_importAction;
    QAction *m_importExamplesAction;
    QAction *m_exportAction;
};

} // namespace foidesk

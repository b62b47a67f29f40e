#pragma once

#include <QObject>
#include <QPointer>
#include <QString>
#include <functional>

class QAction;
class QWidget;

namespace foidesk {

class AppSettings;
class Store;
struct PublishResult;

// File > Publish Disclosure Log...: asks for the site's folder (remembered in the settings),
// publishes with a progress dialog that can cancel (publish/Publisher.h: a cancelled publish
// leaves the previous site whole), then shows how many requests were published and each one
// the gate kept out with its reasons.
class PublishActions : public QObject
{
    Q_OBJECT

public:
    PublishActions(AppSettings *settings, QWidget *window);

    void setStore(Store *store);
    QAction *publishAction() const { return m_publishAction; }

    // Replaces the folder dialog (for tests): given the folder last used, returns the chosen
    // one, or an empty string for "cancelled".
    void setFolderChooser(std::function<QString(const QString &)> chooser);

    // Asks for the folder and publishes. Returns true when a site was published.
    bool publish();

Q_SIGNALS:
    void statusMessage(const QString &message);

private:
    QString chooseFolder() const;
    void showResult(const PublishResult &result, const QString &folder);

    AppSettings *m_settings;
    QWidget *m_window;
    QPointer<Store> m_store;
    QAction *m_publishAction;
    std::function<QString(const QString &)> m_chooser;
};

} // namespace foidesk

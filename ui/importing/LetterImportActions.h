#pragma once

#include <QObject>
#include <QPointer>
#include <QStringList>

class QAction;
class QWidget;

namespace foidesk {

class AppSettings;
class Store;

// File > Import Letters...: asks for past response letters, reads them, and opens the preview
// in which the officer checks each request and creates it.
class LetterImportActions : public QObject
{
    Q_OBJECT

public:
    // window parents the dialogs; settings must outlive this object.
    LetterImportActions(AppSettings *settings, QWidget *window);

    void setStore(Store *store);
    QAction *importLettersAction() const { return m_action; }

    // Asks for letters, then previews them.
    void chooseLetters();
    // Reads the letters and shows the preview; returns when it is closed.
    void previewLetters(const QStringList &files);

Q_SIGNALS:
    void requestsImported();
    void statusMessage(const QString &message);

private:
    AppSettings *m_settings;
    QWidget *m_window;
    QPointer<Store> m_store;
    QAction *m_action;
};

} // namespace foidesk

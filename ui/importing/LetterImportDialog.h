#pragma once

#include "importing/LetterImporter.h"

#include <QDialog>
#include <QList>
#include <QPointer>

class QLabel;
class QListWidget;
class QPushButton;
class QTextEdit;

namespace foidesk {

class ImportedRequestForm;
class Store;

// File > Import Letters: per letter, the request that will be created beside the letter's text
// with each field found highlighted where it was found. The officer corrects any field, gives
// a reference the letter lacks, and creates the requests one letter at a time; each is created
// whole or not at all and its history says "imported, check" with the letter's name and
// checksum. Letters that could not be read are listed with the reason.
class LetterImportDialog : public QDialog
{
    Q_OBJECT

public:
    // One file as it was read: the letter, or why it could not be.
    struct Entry
    {
        QString file;
        std::optional<ImportedLetter> letter;
        QString error;
        // The same file read as Windows-1252, when that is all that kept it from being read:
        // offered by "Read as Windows-1252", never used unasked.
        std::optional<ImportedLetter> windows1252;
        QString createdReference; // set once its request was created
    };

    LetterImportDialog(Store *store, const QList<Entry> &entries, QWidget *parent = nullptr);

    // Reads each file (LetterImporter::readFile) into an entry.
    static QList<Entry> readFiles(const QStringList &files);

    int createdCount() const;

Q_SIGNALS:
    void requestCreated(const QString &reference);

private:
    void showEntry(int row);
    void highlight(const ImportedLetter &letter);
    void createCurrent();
    void updateRow(int row);
    void showError(const QString &message);
    void readAsWindows1252();

    QPointer<Store> m_store;
    QList<Entry> m_entries;
    QListWidget *m_list;
    QTextEdit *m_text;
    ImportedRequestForm *m_form;
    QLabel *m_error;
    QLabel *m_legend;
    QPushButton *m_create;
    QPushButton *m_readWindows1252;
    int m_current = -1;
};

} // namespace foidesk

#pragma once

#include <QFileDialog>
#include <QString>
#include <QStringList>

class QAbstractFileIconProvider;
class QWidget;

namespace foidesk {

// Every file dialog of the window, made so that it never reads a file's contents.
//
// Qt's file dialog lists a folder through QFileSystemModel, whose icon provider asks the MIME
// database for each file's type; for a name with no known extension (foidesk.sqlite, its -wal
// and -shm) the database opens the file and reads its first bytes. Closing that descriptor
// releases every POSIX lock this process holds on the file, which is how opening Export Letter
// as PDF in the log's own folder lost a day's saves (util/LiveLogFiles.h). These dialogs name a
// file's type from its name alone, and on Linux and macOS use Qt's own dialog so that no
// native toolkit loaded into the process sniffs files either. Windows keeps its native dialog:
// its locks belong to the handle, so a file read there cannot release SQLite's.
//
// objectName names the dialog for tests and accessibility. Each returns what the user chose,
// or an empty string or list when they cancelled.
class FileDialogs
{
public:
    static QString openFile(QWidget *parent,
                            const QString &objectName,
                            const QString &caption,
                            const QString &folder,
                            const QString &filter);
    static QStringList openFiles(QWidget *parent,
                                 const QString &objectName,
                                 const QString &caption,
                                 const QString &folder,
                                 const QString &filter);
    // suggested: a file name, or a path whose folder the dialog opens in.
    static QString saveFile(QWidget *parent,
                            const QString &objectName,
                            const QString &caption,
                            const QString &suggested,
                            const QString &filter,
                            QFileDialog::Options options = {});

    // Makes a dialog built by hand follow the same rule. Call it straight after constructing
    // the dialog, before giving it a folder.
    static void prepare(QFileDialog &dialog);

    // The icon provider the dialogs use; it names types by file name only.
    static QAbstractFileIconProvider *iconProvider();

private:
    static QStringList open(QWidget *parent,
                            const QString &objectName,
                            const QString &caption,
                            const QString &folder,
                            const QString &filter,
                            QFileDialog::FileMode mode);
};

} // namespace foidesk

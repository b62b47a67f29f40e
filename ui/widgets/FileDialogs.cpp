#include "widgets/FileDialogs.h"

#include <QFileIconProvider>
#include <QFileInfo>
#include <QIcon>
#include <QMimeDatabase>

namespace foidesk {

namespace {

// Icons and type names from the file name alone: QMimeDatabase::MatchExtension never opens
// the file. Folders, drives and special files are left to Qt, which names them without
// reading anything.
class NameOnlyIconProvider : public QFileIconProvider
{
public:
    using QFileIconProvider::icon;

    QIcon icon(const QFileInfo &info) const override
    {
        if (!info.isFile())
            return QFileIconProvider::icon(info);
        const QMimeType mime = m_mimes.mimeTypeForFile(info, QMimeDatabase::MatchExtension);
        QIcon themed = QIcon::fromTheme(mime.iconName());
        if (themed.isNull())
            themed = QIcon::fromTheme(mime.genericIconName());
        return themed.isNull() ? QFileIconProvider::icon(QAbstractFileIconProvider::File) : themed;
    }

    QString type(const QFileInfo &info) const override
    {
        if (!info.isFile())
            return QFileIconProvider::type(info);
        const QMimeType mime = m_mimes.mimeTypeForFile(info, QMimeDatabase::MatchExtension);
        return mime.comment().isEmpty() ? mime.name() : mime.comment();
    }

private:
    QMimeDatabase m_mimes;
};

QString startFolder(const QString &suggested)
{
    if (suggested.isEmpty())
        return {};
    const QFileInfo info(suggested);
    return info.isDir() ? info.absoluteFilePath() : info.absolutePath();
}

} // namespace

QAbstractFileIconProvider *FileDialogs::iconProvider()
{
    static NameOnlyIconProvider provider;
    return &provider;
}

void FileDialogs::prepare(QFileDialog &dialog)
{
#if !defined(Q_OS_WIN)
    dialog.setOption(QFileDialog::DontUseNativeDialog, true);
#endif
    dialog.setIconProvider(iconProvider());
}

QStringList FileDialogs::open(QWidget *parent,
                              const QString &objectName,
                              const QString &caption,
                              const QString &folder,
                              const QString &filter,
                              QFileDialog::FileMode mode)
{
    QFileDialog dialog(parent, caption);
    prepare(dialog);
    dialog.setObjectName(objectName);
    dialog.setFileMode(mode);
    dialog.setAcceptMode(QFileDialog::AcceptOpen);
    dialog.setNameFilter(filter);
    if (!folder.isEmpty())
        dialog.setDirectory(folder);
    if (dialog.exec() != QDialog::Accepted)
        return {};
    return dialog.selectedFiles();
}

QString FileDialogs::openFile(QWidget *parent,
                              const QString &objectName,
                              const QString &caption,
                              const QString &folder,
                              const QString &filter)
{
    return open(parent, objectName, caption, folder, filter, QFileDialog::ExistingFile).value(0);
}

QStringList FileDialogs::openFiles(QWidget *parent,
                                   const QString &objectName,
                                   const QString &caption,
                                   const QString &folder,
                                   const QString &filter)
{
    return open(parent, objectName, caption, folder, filter, QFileDialog::ExistingFiles);
}

QString FileDialogs::saveFile(QWidget *parent,
                              const QString &objectName,
                              const QString &caption,
                              const QString &suggested,
                              const QString &filter,
                              QFileDialog::Options options)
{
    QFileDialog dialog(parent, caption);
    prepare(dialog);
    dialog.setObjectName(objectName);
    dialog.setOptions(dialog.options() | options);
    dialog.setFileMode(QFileDialog::AnyFile);
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setNameFilter(filter);
    const QString folder = startFolder(suggested);
    if (!folder.isEmpty() && QFileInfo(folder).isDir())
        dialog.setDirectory(folder);
    if (!suggested.isEmpty() && !QFileInfo(suggested).isDir())
        dialog.selectFile(QFileInfo(suggested).fileName());
    if (dialog.exec() != QDialog::Accepted)
        return {};
    return dialog.selectedFiles().value(0);
}

} // namespace foidesk

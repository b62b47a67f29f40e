#include "util/AppSettings.h"

#include <QCoreApplication>
#include <QSettings>
#include <QStandardPaths>

namespace foidesk {

namespace {

QString documentsFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
}

} // namespace

void AppSettings::applyApplicationIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("FOI Desk"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("foidesk.org"));
    QCoreApplication::setApplicationName(QStringLiteral("FOI Desk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FOIDESK_VERSION));
}

AppSettings::AppSettings(QObject *parent)
    : QObject(parent)
    , m_settings(std::make_unique<QSettings>())
{}

AppSettings::AppSettings(const QString &iniPath, QObject *parent)
    : QObject(parent)
    , m_settings(std::make_unique<QSettings>(iniPath, QSettings::IniFormat))
{}

AppSettings::~AppSettings()
{
    m_settings->sync();
}

QVariant AppSettings::defaultValue(const QString &key)
{
    if (key == QLatin1String(ListSortColumnKey))
        return 2; // the Received column: newest first is what people look for
    if (key == QLatin1String(ListSortOrderKey))
        return static_cast<int>(Qt::DescendingOrder);
    if (key == QLatin1String(DueSoonWorkingDaysKey))
        return 5;
    if (key == QLatin1String(ListSavedViewKey))
        return QStringLiteral("all");
    if (key == QLatin1String(DailyBackupKeepKey))
        return 14;
    if (key == QLatin1String(LastImportFolderKey) || key == QLatin1String(LastExportFolderKey)
        || key == QLatin1String(LastBackupFolderKey))
        return documentsFolder();
    if (key == QLatin1String(BackupFolderKey) || key == QLatin1String(OlderLogNoticeKey)
        || key == QLatin1String(CurrentUserKey))
        return QString();
    if (key == QLatin1String(ListColumnWidthsKey))
        return QVariantList();
    // Geometry, window state and splitter: nothing stored means "lay out afresh".
    return QByteArray();
}

QVariant AppSettings::value(const char *key) const
{
    const QString name = QString::fromLatin1(key);
    return m_settings->value(name, defaultValue(name));
}

void AppSettings::setValue(const char *key, const QVariant &newValue)
{
    const QString name = QString::fromLatin1(key);
    const QVariant before = value(key);
    m_settings->setValue(name, newValue);
    if (before != newValue)
        Q_EMIT changed(name);
}

QByteArray AppSettings::mainWindowGeometry() const
{
    return value(MainWindowGeometryKey).toByteArray();
}

void AppSettings::setMainWindowGeometry(const QByteArray &geometry)
{
    setValue(MainWindowGeometryKey, geometry);
}

QByteArray AppSettings::mainWindowState() const
{
    return value(MainWindowStateKey).toByteArray();
}

void AppSettings::setMainWindowState(const QByteArray &state)
{
    setValue(MainWindowStateKey, state);
}

QByteArray AppSettings::splitterState() const
{
    return value(SplitterStateKey).toByteArray();
}

void AppSettings::setSplitterState(const QByteArray &state)
{
    setValue(SplitterStateKey, state);
}

QList<int> AppSettings::listColumnWidths() const
{
    QList<int> widths;
    const QVariantList stored = value(ListColumnWidthsKey).toList();
    for (const QVariant &width : stored) {
        bool ok = false;
        const int pixels = width.toInt(&ok);
        // A hand-edited or damaged file must not give the list zero-width columns.
        if (!ok || pixels <= 0)
            return {};
        widths.append(pixels);
    }
    return widths;
}

void AppSettings::setListColumnWidths(const QList<int> &widths)
{
    QVariantList stored;
    for (int width : widths)
        stored.append(width);
    setValue(ListColumnWidthsKey, stored);
}

int AppSettings::listSortColumn() const
{
    return value(ListSortColumnKey).toInt();
}

void AppSettings::setListSortColumn(int column)
{
    setValue(ListSortColumnKey, column);
}

Qt::SortOrder AppSettings::listSortOrder() const
{
    return value(ListSortOrderKey).toInt() == static_cast<int>(Qt::AscendingOrder)
               ? Qt::AscendingOrder
               : Qt::DescendingOrder;
}

void AppSettings::setListSortOrder(Qt::SortOrder order)
{
    setValue(ListSortOrderKey, static_cast<int>(order));
}

QString AppSettings::listSavedView() const
{
    return value(ListSavedViewKey).toString();
}

void AppSettings::setListSavedView(const QString &view)
{
    setValue(ListSavedViewKey, view);
}

int AppSettings::dueSoonWorkingDays() const
{
    bool ok = false;
    const int days = value(DueSoonWorkingDaysKey).toInt(&ok);
    return ok && days >= 0 ? days : defaultValue(QLatin1String(DueSoonWorkingDaysKey)).toInt();
}

void AppSettings::setDueSoonWorkingDays(int days)
{
    setValue(DueSoonWorkingDaysKey, days);
}

QString AppSettings::lastImportFolder() const
{
    return value(LastImportFolderKey).toString();
}

void AppSettings::setLastImportFolder(const QString &folder)
{
    setValue(LastImportFolderKey, folder);
}

QString AppSettings::currentUser() const
{
    return value(CurrentUserKey).toString();
}

void AppSettings::setCurrentUser(const QString &login)
{
    setValue(CurrentUserKey, login);
}

QString AppSettings::lastExportFolder() const
{
    return value(LastExportFolderKey).toString();
}

void AppSettings::setLastExportFolder(const QString &folder)
{
    setValue(LastExportFolderKey, folder);
}

QString AppSettings::lastPublishFolder() const
{
    return value(LastPublishFolderKey).toString();
}

void AppSettings::setLastPublishFolder(const QString &folder)
{
    setValue(LastPublishFolderKey, folder);
}

QString AppSettings::lastBackupFolder() const
{
    return value(LastBackupFolderKey).toString();
}

void AppSettings::setLastBackupFolder(const QString &folder)
{
    setValue(LastBackupFolderKey, folder);
}

QString AppSettings::backupFolder() const
{
    return value(BackupFolderKey).toString();
}

void AppSettings::setBackupFolder(const QString &folder)
{
    setValue(BackupFolderKey, folder);
}

int AppSettings::dailyBackupKeep() const
{
    bool ok = false;
    const int keep = value(DailyBackupKeepKey).toInt(&ok);
    return ok && keep >= 1 ? keep : defaultValue(QLatin1String(DailyBackupKeepKey)).toInt();
}

void AppSettings::setDailyBackupKeep(int keep)
{
    setValue(DailyBackupKeepKey, keep);
}

QString AppSettings::olderLogNoticeShown() const
{
    return value(OlderLogNoticeKey).toString();
}

void AppSettings::setOlderLogNoticeShown(const QString &path)
{
    setValue(OlderLogNoticeKey, path);
}

bool AppSettings::sync()
{
    m_settings->sync();
    return m_settings->status() == QSettings::NoError;
}

QString AppSettings::fileName() const
{
    return m_settings->fileName();
}

} // namespace foidesk

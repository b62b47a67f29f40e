#include "backup/RestoreBackupDialog.h"

#include "widgets/FileDialogs.h"
#include "store/Backups.h"
#include "help/HelpTopics.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace foidesk {

namespace {

constexpr int PathRole = Qt::UserRole + 1;

} // namespace

RestoreBackupDialog::RestoreBackupDialog(const QString &backupFolder,
                                         const QString &browseFolder,
                                         QWidget *parent)
    : QDialog(parent)
    , m_folder(backupFolder)
    , m_browseFolder(browseFolder)
    , m_list(new QTreeWidget(this))
    , m_emptyLabel(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("restoreBackupDialog"));
    setWindowTitle(tr("Restore from Backup"));

    auto *intro = new QLabel(tr("Choose the backup to restore. The log as it is now is kept "
                                "beside it, so a restore can itself be undone."),
                             this);
    intro->setWordWrap(true);

    m_list->setObjectName(QStringLiteral("backupList"));
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setHeaderLabels({tr("Made"), tr("Kind"), tr("Size"), tr("File")});
    m_list->header()->setStretchLastSection(true);
    m_list->setColumnWidth(0, 170);

    m_emptyLabel->setObjectName(QStringLiteral("noBackupsLabel"));
    m_emptyLabel->setWordWrap(true);

    auto *okButton = m_buttons->addButton(tr("&Restore"), QDialogButtonBox::AcceptRole);
    okButton->setObjectName(QStringLiteral("restoreButton"));
    auto *browseButton = m_buttons->addButton(tr("&Browse..."), QDialogButtonBox::ActionRole);
    browseButton->setObjectName(QStringLiteral("browseBackupButton"));
    connect(browseButton, &QPushButton::clicked, this, &RestoreBackupDialog::browse);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    HelpTopics::addHelpButton(m_buttons);
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &RestoreBackupDialog::updateOkButton);
    connect(m_list, &QTreeWidget::itemDoubleClicked, this, &QDialog::accept);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_emptyLabel);
    layout->addWidget(m_buttons);

    resize(620, 380);
    populate();
}

RestoreBackupDialog::~RestoreBackupDialog() = default;

QString RestoreBackupDialog::selectedBackup() const
{
    const QList<QTreeWidgetItem *> selected = m_list->selectedItems();
    return selected.isEmpty() ? QString() : selected.first()->data(0, PathRole).toString();
}

void RestoreBackupDialog::setSelectedBackup(const QString &path)
{
    const QString wanted = QFileInfo(path).absoluteFilePath();
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_list->topLevelItem(i);
        if (QFileInfo(item->data(0, PathRole).toString()).absoluteFilePath() == wanted) {
            m_list->setCurrentItem(item);
            return;
        }
    }
    const QFileInfo info(path);
    auto *item = new QTreeWidgetItem;
    item->setText(0, QLocale().toString(info.lastModified(), QLocale::ShortFormat));
    item->setText(1, tr("Chosen file"));
    item->setText(2, QLocale().formattedDataSize(info.size()));
    item->setText(3, QDir::toNativeSeparators(wanted));
    item->setData(0, PathRole, wanted);
    m_list->insertTopLevelItem(0, item);
    m_list->setCurrentItem(item);
    m_emptyLabel->hide();
}

void RestoreBackupDialog::populate()
{
    m_list->clear();
    const QList<BackupInfo> backups = Backups::list(m_folder);
    for (const BackupInfo &backup : backups) {
        auto *item = new QTreeWidgetItem(m_list);
        item->setText(0, QLocale().toString(backup.created, QLocale::ShortFormat));
        item->setText(1, backup.automatic ? tr("Daily") : tr("Backed up by hand"));
        item->setText(2, QLocale().formattedDataSize(backup.size));
        item->setText(3, QFileInfo(backup.path).fileName());
        item->setToolTip(3, QDir::toNativeSeparators(backup.path));
        item->setData(0, PathRole, backup.path);
    }
    if (backups.isEmpty()) {
        m_emptyLabel->setText(tr("There are no backups in %1. Use Browse to choose a backup "
                                 "file kept somewhere else.")
                                  .arg(QDir::toNativeSeparators(m_folder)));
        m_emptyLabel->show();
    } else {
        m_emptyLabel->hide();
        m_list->setCurrentItem(m_list->topLevelItem(0));
    }
    updateOkButton();
}

void RestoreBackupDialog::browse()
{
    const QString start = QDir(m_folder).exists() ? m_folder : m_browseFolder;
    const QString file = FileDialogs::openFile(this,
                                               QStringLiteral("browseBackupFileDialog"),
                                               tr("Choose a Backup"),
                                               start,
                                               tr("FOI Desk logs (*.sqlite *.db);;All files (*)"));
    if (file.isEmpty())
        return;
    setSelectedBackup(file);
}

void RestoreBackupDialog::updateOkButton()
{
    const QList<QAbstractButton *> buttons = m_buttons->buttons();
    for (QAbstractButton *button : buttons) {
        if (m_buttons->buttonRole(button) == QDialogButtonBox::AcceptRole)
            button->setEnabled(!selectedBackup().isEmpty());
    }
}

} // namespace foidesk

#include "exchange/ImportResultsDialog.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace foidesk {

ImportResultsDialog::ImportResultsDialog(const QList<ImportOutcome> &outcomes, QWidget *parent)
    : QDialog(parent)
    , m_list(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("importResultsDialog"));
    setWindowTitle(tr("Import Results"));

    auto *summaryLabel = new QLabel(summary(outcomes), this);
    summaryLabel->setObjectName(QStringLiteral("importSummaryLabel"));
    summaryLabel->setWordWrap(true);

    m_list->setObjectName(QStringLiteral("importResultsList"));
    m_list->setRootIsDecorated(false);
    m_list->setWordWrap(true);
    m_list->setHeaderLabels({tr("File"), tr("Reference"), tr("Result")});
    m_list->header()->setStretchLastSection(true);
    m_list->setColumnWidth(0, 200);
    m_list->setColumnWidth(1, 90);

    QStyle *style = QApplication::style();
    for (const ImportOutcome &outcome : outcomes) {
        auto *item = new QTreeWidgetItem(m_list);
        item->setText(0, QFileInfo(outcome.source).fileName());
        item->setToolTip(0, QDir::toNativeSeparators(outcome.source));
        item->setText(1, outcome.reference);
        QString result;
        switch (outcome.kind) {
        case ImportOutcome::Kind::Imported:
            result = tr("Imported");
            item->setIcon(2, style->standardIcon(QStyle::SP_DialogApplyButton));
            break;
        case ImportOutcome::Kind::Replaced:
            result = tr("Replaced the request in the log");
            item->setIcon(2, style->standardIcon(QStyle::SP_DialogApplyButton));
            break;
        case ImportOutcome::Kind::Skipped:
        case ImportOutcome::Kind::NotAttempted:
            result = outcome.message;
            item->setIcon(2, style->standardIcon(QStyle::SP_MessageBoxInformation));
            break;
        case ImportOutcome::Kind::Failed:
            result = tr("Not imported: %1").arg(outcome.message);
            item->setIcon(2, style->standardIcon(QStyle::SP_MessageBoxWarning));
            break;
        }
        item->setText(2, result);
        item->setToolTip(2, result);
    }

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::accept);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(summaryLabel);
    layout->addWidget(m_list, 1);
    layout->addWidget(buttons);
    resize(720, 360);
}

ImportResultsDialog::~ImportResultsDialog() = default;

QString ImportResultsDialog::summary(const QList<ImportOutcome> &outcomes)
{
    const int imported = RequestImporter::countOf(outcomes, ImportOutcome::Kind::Imported)
                         + RequestImporter::countOf(outcomes, ImportOutcome::Kind::Replaced);
    const int skipped = RequestImporter::countOf(outcomes, ImportOutcome::Kind::Skipped);
    const int failed = RequestImporter::countOf(outcomes, ImportOutcome::Kind::Failed);
    const int cancelled = RequestImporter::countOf(outcomes, ImportOutcome::Kind::NotAttempted);

    QStringList parts;
    parts.append(imported == 1 ? tr("Imported 1 request")
                               : tr("Imported %1 requests").arg(imported));
    if (skipped > 0)
        parts.append(tr("skipped %n already in the log", nullptr, skipped));
    if (failed > 0)
        parts.append(failed == 1 ? tr("1 file could not be imported")
                                 : tr("%1 files could not be imported").arg(failed));
    if (cancelled > 0)
        parts.append(cancelled == 1
                         ? tr("1 file left out when the import was cancelled")
                         : tr("%1 files left out when the import was cancelled").arg(cancelled));
    return parts.join(QStringLiteral("; ")) + QLatin1Char('.');
}

} // namespace foidesk

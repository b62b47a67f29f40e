#include "review/HistoryPanel.h"

#include "editor/RequestEditor.h"
#include "model/RequestEnums.h"
#include "release/CheckedWrite.h"
#include "release/ReleaseCheck.h"
#include "store/HistoryCsv.h"
#include "store/Store.h"
#include "util/AppSettings.h"
#include "widgets/FileDialogs.h"
#include "workflow/Workflow.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHash>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace foidesk {

namespace {

// What each kind of entry is called in the table; the code is kept as the item's data.
QString actionName(const QString &action)
{
    static const QHash<QString, const char *> names{
        {QStringLiteral("create"), QT_TRANSLATE_NOOP("foidesk::HistoryPanel", "Created")},
        {QStringLiteral("save"), QT_TRANSLATE_NOOP("foidesk::HistoryPanel", "Saved")},
        {QStringLiteral("change"), QT_TRANSLATE_NOOP("foidesk::HistoryPanel", "Changed")},
        {QStringLiteral("start"), QT_TRANSLATE_NOOP("foidesk::HistoryPanel", "Work started")},
        {QStringLiteral("seek-clarification"),
         QT_TRANSLATE_NOOP("foidesk::HistoryPanel", "Clarification sought")},
        {QStringLiteral("resume"),
         QT_TRANSLATE_NOOP("foidesk::HistoryPanel", "Clarification received")},
        {QStringLiteral("submit"),
         QT_TRANSLATE_NOOP("foidesk::HistoryPanel", "Submitted for review")},
        {QStringLiteral("approve"), QT_TRANSLATE_NOOP("foidesk::HistoryPanel", "Approved")},
        {QStringLiteral("second-approve"),
         QT_TRANSLATE_NOOP("foidesk::HistoryPanel", "Second approval")},
        {QStringLiteral("return"), QT_TRANSLATE_NOOP("foidesk::HistoryPanel", "Returned")},
        {QStringLiteral("mark-sent"), QT_TRANSLATE_NOOP("foidesk::HistoryPanel", "Marked sent")},
        {QStringLiteral("close"), QT_TRANSLATE_NOOP("foidesk::HistoryPanel", "Closed")},
        {QStringLiteral("withdraw"), QT_TRANSLATE_NOOP("foidesk::HistoryPanel", "Withdrawn")},
        {QStringLiteral("reopen"), QT_TRANSLATE_NOOP("foidesk::HistoryPanel", "Reopened")},
        {QStringLiteral("approval_withdrawn"),
         QT_TRANSLATE_NOOP("foidesk::HistoryPanel", "Approval withdrawn")},
        {QStringLiteral("comment"), QT_TRANSLATE_NOOP("foidesk::HistoryPanel", "Comment")},
        {QStringLiteral("resolve_comment"),
         QT_TRANSLATE_NOOP("foidesk::HistoryPanel", "Comment resolved")},
        {QStringLiteral("release_check"),
         QT_TRANSLATE_NOOP("foidesk::HistoryPanel", "Release check")},
        {QStringLiteral("import"), QT_TRANSLATE_NOOP("foidesk::HistoryPanel", "Imported")},
        {QStringLiteral("replace"),
         QT_TRANSLATE_NOOP("foidesk::HistoryPanel", "Replaced by an import")},
        {QStringLiteral("delete"), QT_TRANSLATE_NOOP("foidesk::HistoryPanel", "Deleted")},
        {QStringLiteral("restore"),
         QT_TRANSLATE_NOOP("foidesk::HistoryPanel", "Restored from a backup")},
        {QStringLiteral("import_letter"),
         QT_TRANSLATE_NOOP("foidesk::HistoryPanel", "Imported from a letter")},
        {QStringLiteral("replace_letter"),
         QT_TRANSLATE_NOOP("foidesk::HistoryPanel", "Replaced from a letter")},
        {QStringLiteral("due_date_moved"),
         QT_TRANSLATE_NOOP("foidesk::HistoryPanel", "Due date moved")},
        {QStringLiteral("holidays_added"),
         QT_TRANSLATE_NOOP("foidesk::HistoryPanel", "Bank holidays added")},
        {QStringLiteral("holiday_removed"),
         QT_TRANSLATE_NOOP("foidesk::HistoryPanel", "Bank holiday removed")},
    };
    const auto it = names.constFind(action);
    return it == names.cend() ? action
                              : QCoreApplication::translate("foidesk::HistoryPanel", it.value());
}

// A value as one readable line: a save's JSON object becomes "field: value; field: value",
// or just the value when the entry changed one field.
QString readable(const QString &value, const QString &field)
{
    if (value.startsWith(u'{')) {
        const QJsonObject object = QJsonDocument::fromJson(value.toUtf8()).object();
        if (object.size() == 1 && object.constBegin().key() == field)
            return object.constBegin().value().toString().simplified();
        if (!object.isEmpty()) {
            QStringList parts;
            for (auto it = object.constBegin(); it != object.constEnd(); ++it)
                parts.append(QStringLiteral("%1: %2").arg(it.key(), it.value().toString()));
            return parts.join(QStringLiteral("; ")).simplified();
        }
    }
    return value.simplified();
}

QString shortened(const QString &text)
{
    return text.size() > 160 ? text.left(157) + QStringLiteral("...") : text;
}

} // namespace

HistoryPanel::Kind HistoryPanel::kindOf(const QString &action)
{
    if (action == QLatin1String("approval_withdrawn"))
        return Kind::Review;
    for (const WorkflowMove move : Workflow::allMoves()) {
        if (Workflow::moveCode(move) == action)
            return Kind::Review;
    }
    if (action.contains(QLatin1String("comment")))
        return Kind::Comments;
    if (action.contains(QLatin1String("release")))
        return Kind::Checks;
    return Kind::Edits;
}

HistoryPanel::HistoryPanel(Store *store,
                           RequestEditor *editor,
                           AppSettings *settings,
                           QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_editor(editor)
    , m_settings(settings)
    , m_kind(new QComboBox(this))
    , m_integrity(new QLabel(this))
    , m_export(new QPushButton(tr("&Export as CSV..."), this))
    , m_table(new QTableView(this))
    , m_model(new QStandardItemModel(this))
{
    setObjectName(QStringLiteral("historyPanel"));
    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    auto *label = new QLabel(tr("&Show:"), this);
    label->setBuddy(m_kind);
    m_kind->setObjectName(QStringLiteral("historyKind"));
    m_kind->addItem(tr("Every change"), int(Kind::All));
    m_kind->addItem(tr("Edits"), int(Kind::Edits));
    m_kind->addItem(tr("Review and status"), int(Kind::Review));
    m_kind->addItem(tr("Comments"), int(Kind::Comments));
    m_kind->addItem(tr("Release checks"), int(Kind::Checks));
    top->addWidget(label);
    top->addWidget(m_kind);
    top->addStretch(1);
    m_export->setObjectName(QStringLiteral("historyExportButton"));
    m_export->setToolTip(tr("Save this request's whole history as a CSV file; withheld passages "
                            "are masked"));
    top->addWidget(m_export);
    layout->addLayout(top);

    m_integrity->setObjectName(QStringLiteral("historyIntegrity"));
    m_integrity->setWordWrap(true);
    layout->addWidget(m_integrity);

    m_table->setObjectName(QStringLiteral("historyTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setAlternatingRowColors(true);
    // Wrapped changes take the height they need at the width they are given.
    connect(m_table->horizontalHeader(), &QHeaderView::sectionResized, m_table, [this] {
        m_table->resizeRowsToContents();
    });
    layout->addWidget(m_table, 1);

    connect(m_kind, &QComboBox::currentIndexChanged, this, &HistoryPanel::fill);
    connect(m_export, &QPushButton::clicked, this, &HistoryPanel::chooseExport);
    if (m_store)
        connect(m_store, &Store::requestSaved, this, &HistoryPanel::refresh);
    if (m_editor)
        connect(m_editor, &RequestEditor::captionChanged, this, &HistoryPanel::refresh);
    refresh();
}

void HistoryPanel::setKind(Kind kind)
{
    m_kind->setCurrentIndex(m_kind->findData(int(kind)));
}

QString HistoryPanel::integrityText() const
{
    return m_integrity->text();
}

void HistoryPanel::refresh()
{
    m_entries.clear();
    const qint64 id = m_editor && m_editor->hasRequest() ? m_editor->requestId() : 0;
    m_export->setEnabled(false);
    if (!m_store || id <= 0) {
        m_integrity->setText(tr("A new request has no history until it is saved."));
        m_integrity->setStyleSheet(QString());
        fill();
        return;
    }
    const Result<Request> request = m_store->loadRequest(id);
    const Result<QList<AuditEntry>> entries = request ? m_store->auditTrail(request->reference, 0)
                                                      : Result<QList<AuditEntry>>(request.error());
    if (!entries) {
        m_integrity->setText(tr("The history could not be read: %1").arg(entries.errorMessage()));
        m_integrity->setStyleSheet(QStringLiteral("color: #a40000;"));
        fill();
        return;
    }
    m_entries = entries.value();
    m_export->setEnabled(!m_entries.isEmpty());
    const Result<std::optional<HistoryBreak>> broken = m_store->verifyHistory();
    if (!broken) {
        m_integrity->setText(
            tr("The history's chain could not be checked: %1").arg(broken.errorMessage()));
        m_integrity->setStyleSheet(QStringLiteral("color: #a40000;"));
    } else if (broken->has_value()) {
        m_integrity->setText(tr("Warning: the log's history was altered outside FOI Desk. %1 "
                                "Keep the log as it is and tell whoever looks after it.")
                                 .arg((*broken)->reason));
        m_integrity->setStyleSheet(QStringLiteral("color: #a40000; font-weight: bold;"));
    } else {
        m_integrity->setText(tr("%n entry(s). The log's history is intact: no entry has been "
                                "changed, removed or moved.",
                                nullptr,
                                int(m_entries.size())));
        m_integrity->setStyleSheet(QString());
    }
    fill();
}

void HistoryPanel::fill()
{
    const auto kind = Kind(m_kind->currentData().toInt());
    m_model->clear();
    m_model->setHorizontalHeaderLabels({tr("When"), tr("Who"), tr("What"), tr("Change")});
    for (const AuditEntry &e : std::as_const(m_entries)) {
        if (kind != Kind::All && kindOf(e.action) != kind)
            continue;
        QString was = readable(e.oldValue, e.field);
        QString became = readable(e.newValue, e.field);
        if (e.field == QLatin1String("status")) {
            // "awaiting review", as the list shows it, not the stored code.
            for (QString *value : {&was, &became}) {
                if (const std::optional<RequestStatus> status = statusFromCode(*value))
                    *value = statusDisplayName(*status).toLower();
            }
        }
        // "question 2 answer: £81,000 in total. → £81,500 in total, from the ledger."
        QString change;
        if (!was.isEmpty() || !became.isEmpty()) {
            change = was.isEmpty() ? became : was + QStringLiteral(" → ") + became;
            if (!e.field.isEmpty() && !e.oldValue.startsWith(u'{'))
                change = e.field + QStringLiteral(": ") + change;
            else if (!e.field.isEmpty() && e.oldValue.startsWith(u'{') && !e.field.contains(u','))
                change = e.field + QStringLiteral(": ") + change;
        } else {
            change = e.field.isEmpty() ? e.detail.simplified()
                                       : e.field + QStringLiteral(": ") + e.detail.simplified();
        }
        QList<QStandardItem *> row{
            new QStandardItem(
                QLocale().toString(e.at.toLocalTime(), QStringLiteral("d MMM yyyy HH:mm"))),
            new QStandardItem(e.user.isEmpty() ? tr("(not recorded)") : e.user),
            new QStandardItem(actionName(e.action)),
            new QStandardItem(shortened(change))};
        row[2]->setData(e.action, Qt::UserRole);
        row[2]->setToolTip(e.action);
        row[3]->setToolTip(e.detail.isEmpty() ? change : change + u"\n" + e.detail);
        m_model->appendRow(row);
    }
    // When, who and what as wide as they need; the change takes the rest and wraps.
    QHeaderView *header = m_table->horizontalHeader();
    for (int column = 0; column < 3; ++column)
        header->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(3, QHeaderView::Stretch);
    m_table->resizeRowsToContents();
}

void HistoryPanel::chooseExport()
{
    if (!m_editor || !m_editor->hasRequest())
        return;
    const QString reference = m_editor->currentRequest().reference;
    QString folder = m_settings ? m_settings->lastExportFolder() : QString();
    QFileDialog dialog(this, tr("Export History as CSV"));
    FileDialogs::prepare(dialog);
    dialog.setObjectName(QStringLiteral("historyExportDialog"));
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setNameFilter(tr("CSV files (*.csv)"));
    dialog.setDefaultSuffix(QStringLiteral("csv"));
    if (!folder.isEmpty())
        dialog.setDirectory(folder);
    QString name = reference;
    name.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_.-]")), QStringLiteral("_"));
    dialog.selectFile(tr("history-%1.csv").arg(name));
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return;
    const QString path = dialog.selectedFiles().constFirst();
    if (m_settings)
        m_settings->setLastExportFolder(QFileInfo(path).absolutePath());
    exportCsv(path);
}

bool HistoryPanel::exportCsv(const QString &path)
{
    if (!m_store || !m_editor || m_editor->requestId() <= 0)
        return false;
    const Result<Request> request = m_store->loadRequest(m_editor->requestId());
    if (!request) {
        QMessageBox::warning(this, tr("Export History"), request.errorMessage());
        return false;
    }
    // Leaves the office: written beside its name, read back for every withheld string, and
    // renamed only when none is found (release/CheckedWrite), like a letter.
    // Masked: what the request withholds now, and what it withheld at any earlier revision.
    const QStringList withheld = HistoryCsv::withheldStrings(*request, m_entries);
    const QByteArray csv = HistoryCsv::write(m_entries, withheld);
    CheckedWrite::Job job;
    job.path = path;
    job.reference = request->reference;
    job.what = tr("the history file");
    job.withheld = withheld;
    job.checkWhenNothingWithheld = false;
    job.write = [&csv](const QString &file) -> Result<void> {
        QSaveFile out(file);
        if (!out.open(QIODevice::WriteOnly) || out.write(csv) != csv.size() || !out.commit())
            return Error(ErrorKind::Io, out.errorString());
        return {};
    };
    job.check = &ReleaseCheck::checkTextFile;
    if (const Result<void> written = CheckedWrite::run(job); !written) {
        QMessageBox box(QMessageBox::Warning,
                        tr("Export History"),
                        tr("The history of %1 was not exported.").arg(request->reference),
                        QMessageBox::Ok,
                        this);
        box.setObjectName(QStringLiteral("historyExportErrorBox"));
        box.setInformativeText(written.errorMessage());
        box.exec();
        return false;
    }
    return true;
}

} // namespace foidesk

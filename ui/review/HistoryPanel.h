#pragma once

#include "store/HistoryTable.h"

#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QStandardItemModel;
class QTableView;

namespace foidesk {

class AppSettings;
class RequestEditor;
class Store;

// The History tab: every entry of the request's append-only history, newest first, with who,
// what, and the old and new value; a filter by kind of change; Export as CSV (withheld
// passages masked, HistoryCsv); and a warning in red when the log's hash chain shows an entry
// changed, removed or moved outside FOI Desk.
class HistoryPanel : public QWidget
{
    Q_OBJECT

public:
    enum class Kind
    {
        All,
        Edits,    // create, save, change, import
        Review,   // the workflow's moves and approvals withdrawn
        Comments, // comments and their resolution
        Checks,   // release checks
    };

    HistoryPanel(Store *store,
                 RequestEditor *editor,
                 AppSettings *settings,
                 QWidget *parent = nullptr);

    void refresh();
    void setKind(Kind kind);
    static Kind kindOf(const QString &action);

    QTableView *table() const { return m_table; }
    QStandardItemModel *model() const { return m_model; }
    QString integrityText() const;
    // Writes the shown request's whole history as CSV to path; false after saying why.
    bool exportCsv(const QString &path);

private:
    void chooseExport();
    void fill();

    QPointer<Store> m_store;
    QPointer<RequestEditor> m_editor;
    AppSettings *m_settings;
    QComboBox *m_kind;
    QLabel *m_integrity;
    QPushButton *m_export;
    QTableView *m_table;
    QStandardItemModel *m_model;
    QList<AuditEntry> m_entries;
};

} // namespace foidesk

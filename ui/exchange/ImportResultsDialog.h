#pragma once

#include "exchange/RequestImporter.h"

#include <QDialog>
#include <QList>

class QTreeWidget;

namespace foidesk {

// After File > Import Requests: what happened to each file, with the reason when a file was
// not imported, so the user can fix it and try again.
class ImportResultsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ImportResultsDialog(const QList<ImportOutcome> &outcomes, QWidget *parent = nullptr);
    ~ImportResultsDialog() override;

    // One line summing the import up: "Imported 4 requests; 1 file failed."
    static QString summary(const QList<ImportOutcome> &outcomes);

private:
    QTreeWidget *m_list;
};

} // namespace foidesk

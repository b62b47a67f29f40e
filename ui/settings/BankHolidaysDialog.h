#pragma once

#include "calendar/HolidayCalendar.h"
#include "store/HolidayTable.h"

#include <QDialog>
#include <QList>

class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace foidesk {

class Store;
struct HolidayChange;

// Tools > Bank Holidays: the days this log's deadlines skip, year by year, with where each came
// from. A day proclaimed at short notice is added by hand; a later year comes from the file the
// government publishes. Either change moves the due dates of open requests at once, and the
// dialog says which. Days the log added can be taken back; built-in days cannot.
class BankHolidaysDialog : public QDialog
{
    Q_OBJECT

public:
    explicit BankHolidaysDialog(Store *store, QWidget *parent = nullptr);
    ~BankHolidaysDialog() override;

    // The year shown.
    int year() const;
    void showYear(int year);

    // Adds days as the Add Day dialog does, and shows what moved. False, after saying why,
    // when nothing was added.
    bool addDays(const QList<Holiday> &days);
    // Reads a GOV.UK bank-holidays file and adds what it holds, as the Import button does.
    bool importFile(const QString &path);
    // What the last change did: "1 day added. 2 open deadlines moved: ...".
    QString lastChange() const;

private:
    void reload();
    void fillYears();
    void fillTable();
    void updateButtons();
    void addDay();
    void chooseFile();
    void removeSelected();
    void showChange(const HolidayChange &change, const QString &what);

    Store *m_store;
    HolidayCalendar m_calendar;
    QList<AddedHoliday> m_added;
    int m_year;
    QLabel *m_coverage;
    QComboBox *m_yearCombo;
    QTableWidget *m_table;
    QPushButton *m_addButton;
    QPushButton *m_importButton;
    QPushButton *m_removeButton;
    QLabel *m_changeLabel;
};

} // namespace foidesk

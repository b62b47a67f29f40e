#include "settings/BankHolidaysDialog.h"

#include "calendar/GovUkHolidays.h"
#include "help/HelpTopics.h"
#include "store/Store.h"
#include "widgets/DateField.h"
#include "widgets/FileDialogs.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMap>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalBlocker>
#include <QStandardPaths>
#include <QTableWidget>
#include <QVBoxLayout>

namespace foidesk {

namespace {

enum Column
{
    DateColumn,
    NameColumn,
    NationsColumn,
    SourceColumn
};

// Per row: the date, and the parts of the UK this log added it for (by code).
constexpr int DateRole = Qt::UserRole;
constexpr int AddedRole = Qt::UserRole + 1;

const QList<Nation> AllNations = {
    Nation::EnglandAndWales, Nation::Scotland, Nation::NorthernIreland};

QLocale ukEnglish()
{
    return QLocale(QLocale::English, QLocale::UnitedKingdom);
}

QString shortDate(const QDate &date)
{
    return ukEnglish().toString(date, QStringLiteral("d MMM yyyy"));
}

} // namespace

BankHolidaysDialog::BankHolidaysDialog(Store *store, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_year(QDate::currentDate().year())
    , m_coverage(new QLabel(this))
    , m_yearCombo(new QComboBox(this))
    , m_table(new QTableWidget(this))
    , m_addButton(new QPushButton(tr("&Add Day..."), this))
    , m_importButton(new QPushButton(tr("&Import GOV.UK File..."), this))
    , m_removeButton(new QPushButton(tr("&Remove..."), this))
    , m_changeLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("bankHolidaysDialog"));
    setWindowTitle(tr("Bank Holidays"));

    m_coverage->setObjectName(QStringLiteral("holidayCoverage"));
    m_coverage->setWordWrap(true);
    m_yearCombo->setObjectName(QStringLiteral("holidayYearCombo"));
    auto *yearLabel = new QLabel(tr("&Year:"), this);
    yearLabel->setBuddy(m_yearCombo);

    m_table->setObjectName(QStringLiteral("holidayTable"));
    m_table->setColumnCount(4);
    m_table->setHorizontalHeaderLabels(
        {tr("Date"), tr("Holiday"), tr("Parts of the UK"), tr("Where it came from")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(DateColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(NationsColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(SourceColumn, QHeaderView::ResizeToContents);

    m_addButton->setObjectName(QStringLiteral("holidayAddButton"));
    m_addButton->setToolTip(tr("Add a bank holiday proclaimed after this version of FOI Desk was "
                               "made, such as a state funeral or a coronation"));
    m_importButton->setObjectName(QStringLiteral("holidayImportButton"));
    m_importButton->setToolTip(tr("Add the days of the bank-holidays.json file published at "
                                  "www.gov.uk/bank-holidays.json, with any years it covers that "
                                  "FOI Desk does not"));
    m_removeButton->setObjectName(QStringLiteral("holidayRemoveButton"));
    m_removeButton->setToolTip(tr("Take back a day added to this log. Built-in days cannot be "
                                  "removed."));

    m_changeLabel->setObjectName(QStringLiteral("holidayChangeLabel"));
    m_changeLabel->setWordWrap(true);
    m_changeLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_changeLabel->hide();

    auto *note = new QLabel(
        tr("Deadlines under FOIA and the EIR skip a bank holiday in any part of the UK; under "
           "FOISA and the Scottish EIR, only Scotland's. Days the office is closed that are not "
           "bank holidays, such as the days between Christmas and New Year, never move a "
           "statutory deadline, so they do not belong here. Every change is recorded in the "
           "history of the log and of each request whose due date it moves."),
        this);
    note->setObjectName(QStringLiteral("holidayNote"));
    note->setWordWrap(true);

    auto *top = new QHBoxLayout;
    top->addWidget(yearLabel);
    top->addWidget(m_yearCombo);
    top->addSpacing(12);
    top->addWidget(m_coverage, 1);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_addButton);
    buttons->addWidget(m_importButton);
    buttons->addWidget(m_removeButton);
    buttons->addStretch(1);

    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    HelpTopics::addHelpButton(close);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_changeLabel);
    layout->addWidget(note);
    layout->addWidget(close);

    connect(m_yearCombo, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (index >= 0)
            showYear(m_yearCombo->itemData(index).toInt());
    });
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &BankHolidaysDialog::updateButtons);
    connect(m_addButton, &QPushButton::clicked, this, &BankHolidaysDialog::addDay);
    connect(m_importButton, &QPushButton::clicked, this, &BankHolidaysDialog::chooseFile);
    connect(m_removeButton, &QPushButton::clicked, this, &BankHolidaysDialog::removeSelected);

    resize(760, 520);
    reload();
}

BankHolidaysDialog::~BankHolidaysDialog() = default;

int BankHolidaysDialog::year() const
{
    return m_year;
}

void BankHolidaysDialog::showYear(int year)
{
    m_year = year;
    {
        const QSignalBlocker blocker(m_yearCombo);
        m_yearCombo->setCurrentIndex(m_yearCombo->findData(year));
    }
    fillTable();
}

QString BankHolidaysDialog::lastChange() const
{
    return m_changeLabel->isHidden() ? QString() : m_changeLabel->text();
}

void BankHolidaysDialog::reload()
{
    m_calendar = m_store->calendar();
    const Result<QList<AddedHoliday>> added = m_store->addedHolidays();
    if (!added)
        QMessageBox::warning(this, tr("Bank Holidays"), added.errorMessage());
    m_added = added ? *added : QList<AddedHoliday>();
    if (m_calendar.lastYear() >= m_calendar.firstYear()) {
        m_coverage->setText(tr("Deadlines can be worked out from %1 to the end of %2.")
                                .arg(m_calendar.firstYear())
                                .arg(m_calendar.lastYear()));
    } else {
        m_coverage->setText(tr("No bank holiday data: no deadline can be worked out."));
    }
    fillYears();
    fillTable();
}

void BankHolidaysDialog::fillYears()
{
    // Every year covered, the years of added days, and the year after the last, so that a
    // year's first proclaimed day can be seen where it was added.
    QList<int> years;
    for (int year = m_calendar.firstYear(); year <= m_calendar.lastYear(); ++year)
        years.append(year);
    for (const AddedHoliday &day : std::as_const(m_added)) {
        if (!years.contains(day.holiday.date.year()))
            years.append(day.holiday.date.year());
    }
    if (!years.contains(m_year))
        years.append(m_year);
    std::sort(years.begin(), years.end());
    const QSignalBlocker blocker(m_yearCombo);
    m_yearCombo->clear();
    for (const int year : std::as_const(years))
        m_yearCombo->addItem(QString::number(year), year);
    m_yearCombo->setCurrentIndex(m_yearCombo->findData(m_year));
}

void BankHolidaysDialog::fillTable()
{
    // One row per date and name, naming the parts of the UK that keep it.
    struct Row
    {
        QDate date;
        QString name;
        QList<Nation> nations;
        QList<Nation> added;
        QStringList sources;
    };
    QList<Row> rows;
    for (const Holiday &holiday : m_calendar.holidaysIn(m_year)) {
        auto row = std::find_if(rows.begin(), rows.end(), [&](const Row &r) {
            return r.date == holiday.date && r.name == holiday.name;
        });
        if (row == rows.end()) {
            rows.append(Row{holiday.date, holiday.name, {}, {}, {}});
            row = rows.end() - 1;
        }
        row->nations.append(holiday.nation);
        for (const AddedHoliday &day : std::as_const(m_added)) {
            if (day.holiday.date != holiday.date || day.holiday.nation != holiday.nation)
                continue;
            row->added.append(holiday.nation);
            const QString when = shortDate(day.addedAt.toLocalTime().date());
            const bool byHand = day.source == tr("added by hand");
            QString source;
            if (day.addedBy.isEmpty()) {
                source = byHand ? tr("Added on %1").arg(when)
                                : tr("From %1, added on %2").arg(day.source, when);
            } else {
                source = byHand
                             ? tr("Added by %1 on %2").arg(day.addedBy, when)
                             : tr("From %1, added by %2 on %3").arg(day.source, day.addedBy, when);
            }
            if (!row->sources.contains(source))
                row->sources.append(source);
        }
    }

    const QSignalBlocker blocker(m_table);
    m_table->clearContents();
    m_table->setRowCount(int(rows.size()));
    for (int i = 0; i < rows.size(); ++i) {
        const Row &row = rows.at(i);
        auto *date =
            new QTableWidgetItem(ukEnglish().toString(row.date, QStringLiteral("ddd d MMM")));
        date->setData(DateRole, row.date);
        QStringList addedCodes;
        for (const Nation nation : row.added)
            addedCodes.append(HolidayCalendar::nationCode(nation));
        date->setData(AddedRole, addedCodes);
        m_table->setItem(i, DateColumn, date);
        auto *nameItem = new QTableWidgetItem(row.name);
        nameItem->setToolTip(row.name); // long names are cut short in a narrow window
        m_table->setItem(i, NameColumn, nameItem);
        QStringList nations;
        if (row.nations.size() == AllNations.size()) {
            nations.append(tr("All"));
        } else {
            for (const Nation nation : row.nations)
                nations.append(HolidayCalendar::nationName(nation));
        }
        m_table->setItem(i, NationsColumn, new QTableWidgetItem(nations.join(u", ")));
        QString source = row.sources.join(QStringLiteral("; "));
        if (row.added.size() < row.nations.size()) {
            source = row.added.isEmpty() ? tr("Built in") : tr("Built in; %1").arg(source);
        }
        auto *sourceItem = new QTableWidgetItem(source);
        sourceItem->setToolTip(source);
        m_table->setItem(i, SourceColumn, sourceItem);
    }
    if (rows.isEmpty()) {
        m_table->setRowCount(1);
        auto *empty = new QTableWidgetItem(
            m_calendar.covers(QDate(m_year, 1, 1))
                ? tr("No bank holidays in %1.").arg(m_year)
                : tr("FOI Desk has no bank holidays for %1. Import the government's file to "
                     "work out deadlines that reach it.")
                      .arg(m_year));
        empty->setFlags(Qt::ItemIsEnabled);
        m_table->setItem(0, DateColumn, empty);
        m_table->setSpan(0, 0, 1, m_table->columnCount());
    } else {
        m_table->clearSpans();
    }
    updateButtons();
}

void BankHolidaysDialog::updateButtons()
{
    const QList<QTableWidgetItem *> selected = m_table->selectedItems();
    const QTableWidgetItem *date =
        selected.isEmpty() ? nullptr : m_table->item(selected.first()->row(), DateColumn);
    m_removeButton->setEnabled(date && !date->data(AddedRole).toStringList().isEmpty());
}

void BankHolidaysDialog::addDay()
{
    QDialog dialog(this);
    dialog.setObjectName(QStringLiteral("addHolidayDialog"));
    dialog.setWindowTitle(tr("Add Bank Holiday"));
    auto *date = new DateField(QStringLiteral("holidayDateEdit"), &dialog);
    auto *name = new QLineEdit(&dialog);
    name->setObjectName(QStringLiteral("holidayNameEdit"));
    name->setPlaceholderText(tr("For example: State Funeral of Queen Elizabeth II"));
    QList<QCheckBox *> checks;
    auto *nationBox = new QVBoxLayout;
    for (const Nation nation : AllNations) {
        auto *check = new QCheckBox(HolidayCalendar::nationName(nation), &dialog);
        check->setObjectName(QStringLiteral("holidayNation-")
                             + HolidayCalendar::nationCode(nation));
        check->setChecked(true);
        checks.append(check);
        nationBox->addWidget(check);
    }
    auto *problem = new QLabel(&dialog);
    problem->setObjectName(QStringLiteral("addHolidayProblem"));
    problem->setWordWrap(true);
    problem->setStyleSheet(QStringLiteral("color: #a4262c;"));
    problem->hide();
    auto *form = new QFormLayout;
    form->addRow(tr("&Date:"), date);
    form->addRow(tr("&Name:"), name);
    form->addRow(tr("Parts of the UK:"), nationBox);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, &dialog);
    QPushButton *ok = buttons->addButton(tr("&Add"), QDialogButtonBox::AcceptRole);
    ok->setObjectName(QStringLiteral("addHolidayOk"));
    ok->setDefault(true);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addLayout(form);
    layout->addWidget(problem);
    layout->addWidget(buttons);

    QList<Holiday> days;
    connect(buttons, &QDialogButtonBox::accepted, &dialog, [&] {
        QString why;
        if (!date->date().isValid())
            why = date->problem().isEmpty() ? tr("Type the date of the holiday.") : date->problem();
        else if (name->text().trimmed().isEmpty())
            why = tr("Type the holiday's name, as the proclamation gives it.");
        else if (std::none_of(
                     checks.cbegin(), checks.cend(), [](QCheckBox *c) { return c->isChecked(); }))
            why = tr("Tick at least one part of the UK.");
        if (!why.isEmpty()) {
            problem->setText(why);
            problem->show();
            return;
        }
        days.clear();
        for (qsizetype i = 0; i < checks.size(); ++i) {
            if (checks.at(i)->isChecked())
                days.append(Holiday{date->date(), name->text().simplified(), AllNations.at(i)});
        }
        dialog.accept();
    });
    if (dialog.exec() != QDialog::Accepted)
        return;
    addDays(days);
}

bool BankHolidaysDialog::addDays(const QList<Holiday> &days)
{
    const Result<HolidayChange> change = m_store->addHolidays(days, tr("added by hand"));
    if (!change) {
        QMessageBox::warning(this, tr("Bank Holiday Not Added"), change.errorMessage());
        return false;
    }
    if (!days.isEmpty())
        m_year = days.first().date.year();
    reload();
    showChange(*change, tr("%n day(s) added.", nullptr, change->daysChanged));
    return change->daysChanged > 0;
}

void BankHolidaysDialog::chooseFile()
{
    const QString path =
        FileDialogs::openFile(this,
                              QStringLiteral("holidayFileDialog"),
                              tr("Import Bank Holidays"),
                              QStandardPaths::writableLocation(QStandardPaths::DownloadLocation),
                              tr("GOV.UK bank holidays (*.json);;All files (*)"));
    if (!path.isEmpty())
        importFile(path);
}

bool BankHolidaysDialog::importFile(const QString &path)
{
    const QString title = tr("Bank Holidays Not Imported");
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        QMessageBox::warning(
            this,
            title,
            tr("%1 could not be read: %2").arg(QFileInfo(path).fileName(), file.errorString()));
        return false;
    }
    const Result<GovUkHolidays> parsed = GovUkHolidayFile::parse(file.readAll());
    if (!parsed) {
        QMessageBox::warning(this,
                             title,
                             tr("%1 is not the government's bank holiday file, so nothing was "
                                "added.\n\n%2\n\nDownload it again from "
                                "www.gov.uk/bank-holidays.json and import that.")
                                 .arg(QFileInfo(path).fileName(), parsed.errorMessage()));
        return false;
    }
    const int lastBefore = m_calendar.lastYear();
    const Result<HolidayChange> change =
        m_store->addHolidays(parsed->days, QFileInfo(path).fileName(), parsed->completeYears);
    if (!change) {
        QMessageBox::warning(this, title, change.errorMessage());
        return false;
    }
    reload();
    QString what = tr("%n day(s) added", nullptr, change->daysChanged);
    if (change->daysKnown > 0)
        what += tr("; %n already known", nullptr, change->daysKnown);
    what += QLatin1Char('.');
    if (m_calendar.lastYear() > lastBefore) {
        what +=
            QLatin1Char(' ')
            + tr("Deadlines can now be worked out to the end of %1.").arg(m_calendar.lastYear());
    }
    showChange(*change, what);
    return true;
}

void BankHolidaysDialog::removeSelected()
{
    const QList<QTableWidgetItem *> selected = m_table->selectedItems();
    if (selected.isEmpty())
        return;
    const int row = selected.first()->row();
    const QTableWidgetItem *dateItem = m_table->item(row, DateColumn);
    const QDate date = dateItem->data(DateRole).toDate();
    QList<Nation> nations;
    for (const QString &code : dateItem->data(AddedRole).toStringList()) {
        if (const std::optional<Nation> nation = HolidayCalendar::nationFromCode(code))
            nations.append(*nation);
    }
    if (nations.isEmpty())
        return;
    const QString name = m_table->item(row, NameColumn)->text();
    const auto answer = QMessageBox::question(
        this,
        tr("Remove Bank Holiday"),
        tr("Remove %1, %2, from this log's bank holidays? The due dates of open requests are "
           "worked out again without it.")
            .arg(name, ukEnglish().toString(date, QStringLiteral("d MMMM yyyy"))),
        QMessageBox::Yes | QMessageBox::Cancel,
        QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    const Result<HolidayChange> change = m_store->removeAddedHolidays(date, nations);
    if (!change) {
        QMessageBox::warning(this, tr("Bank Holiday Not Removed"), change.errorMessage());
        return;
    }
    reload();
    showChange(*change, tr("%1 removed.").arg(name));
}

void BankHolidaysDialog::showChange(const HolidayChange &change, const QString &what)
{
    QString text = what + QLatin1Char(' ');
    if (change.moved.isEmpty()) {
        text += tr("No open request's due date moved.");
    } else {
        QStringList moves;
        for (const DueDateMove &move : change.moved) {
            const QString before = move.before.isValid() ? shortDate(move.before) : tr("none");
            const QString after = move.after.isValid() ? shortDate(move.after) : tr("none");
            moves.append(tr("%1 from %2 to %3").arg(move.reference, before, after));
            if (moves.size() == 8 && change.moved.size() > 9) {
                moves.append(tr("and %n more", nullptr, int(change.moved.size() - 8)));
                break;
            }
        }
        text += tr("%n open deadline(s) moved: %1.", nullptr, int(change.moved.size()))
                    .arg(moves.join(QStringLiteral("; ")));
    }
    m_changeLabel->setText(text);
    m_changeLabel->show();
}

} // namespace foidesk

#pragma once

#include <QDate>
#include <QWidget>

class QLabel;
class QLineEdit;
class QToolButton;

namespace foidesk {

// A date an officer can type as text ("17/06/2020", "17 June 2020": calendar/DateText.h) or
// pick from a calendar. Whatever is selected is replaced by what is typed, as in any text box.
// A date that cannot exist ("31/02/2021") is refused on the spot: the field keeps its date, a
// message under it says why, and nothing nearby is chosen instead. Empty means "no date".
class DateField : public QWidget
{
    Q_OBJECT

public:
    // objectName names the text box (for tests and screen readers); the field is named
    // objectName + "Field" and its message objectName + "Problem".
    explicit DateField(const QString &objectName, QWidget *parent = nullptr);

    QDate date() const { return m_date; }
    // Shows date (an invalid date shows the field empty) without emitting dateChanged.
    void setDate(const QDate &date);
    // Shown in the empty field: "Not set".
    void setPlaceholderText(const QString &text);

    QLineEdit *lineEdit() const { return m_edit; }
    // The message under the field, empty while the text is a date.
    QString problem() const;

Q_SIGNALS:
    // The user typed or picked a date (invalid: cleared the field).
    void dateChanged(const QDate &date);

protected:
    void changeEvent(QEvent *event) override;

private:
    void textEdited(const QString &text);
    void finishEditing();
    void pickFromCalendar();
    void showProblem(const QString &problem);
    void accept(const QDate &date);

    QLineEdit *m_edit;
    QToolButton *m_calendarButton;
    QLabel *m_problem;
    QDate m_date;
};

} // namespace foidesk

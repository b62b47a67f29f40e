#pragma once

#include "importing/LetterImporter.h"
#include "util/Result.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableWidget;

namespace foidesk {

// The request found in one letter, every field editable before it is created. A field the
// letter did not give is empty and says "not found"; nothing is filled in for the officer.
class ImportedRequestForm : public QWidget
{
    Q_OBJECT

public:
    explicit ImportedRequestForm(QWidget *parent = nullptr);

    void setLetter(const ImportedLetter &letter);

    // The request as the form now shows it, or BadInput naming the field to correct: a missing
    // reference, a date that is not YYYY-MM-DD, no law chosen, a question without text.
    Result<Request> request() const;

    // Puts the cursor in the field an error from request() named.
    void focusField(const QString &field);

private:
    void fillQuestions(const QList<Question> &questions);

    ImportedLetter m_letter;
    QLineEdit *m_reference;
    QLineEdit *m_title;
    QLineEdit *m_received;
    QLineEdit *m_letterDate;
    QComboBox *m_regime;
    QComboBox *m_held;
    QLineEdit *m_requester;
    QTableWidget *m_questions;
    QLabel *m_combined;
    QLabel *m_notes;
};

} // namespace foidesk

#pragma once

// Answering modal windows from a test: exec() does not return until the window is closed, so
// the answer is scheduled before the call that opens it.

#include <QAbstractButton>
#include <QApplication>
#include <QMessageBox>
#include <QObject>
#include <QString>
#include <QTest>
#include <QTimer>
#include <functional>
#include <memory>

namespace foidesk {

// Answers the next modal window named objectName as soon as it opens.
class ModalHandler : public QObject
{
public:
    ModalHandler(const QString &objectName, std::function<void(QWidget *)> handler)
        : m_objectName(objectName)
        , m_handler(std::move(handler))
    {
        m_timer.setInterval(10);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            QWidget *modal = QApplication::activeModalWidget();
            if (!modal || modal->objectName() != m_objectName)
                return;
            m_timer.stop();
            m_handled = true;
            m_handler(modal);
        });
        m_timer.start();
    }

    bool handled() const { return m_handled; }

private:
    QString m_objectName;
    std::function<void(QWidget *)> m_handler;
    QTimer m_timer;
    bool m_handled = false;
};

// What a message box said before the handler pressed one of its buttons.
struct SeenBox
{
    QString text;
    QString informativeText;
    QString detailedText;
};

// Presses the button pick chooses in the message box named objectName, once it opens,
// noting what it said in seen.
inline std::unique_ptr<ModalHandler>
pressInBox(const QString &objectName,
           std::function<QAbstractButton *(QMessageBox *)> pick,
           SeenBox *seen = nullptr)
{
    return std::make_unique<ModalHandler>(objectName, [pick, seen](QWidget *modal) {
        auto *box = qobject_cast<QMessageBox *>(modal);
        QVERIFY(box);
        if (seen) {
            seen->text = box->text();
            seen->informativeText = box->informativeText();
            seen->detailedText = box->detailedText();
        }
        QAbstractButton *button = pick(box);
        QVERIFY(button);
        button->click();
    });
}

// The same, pressing the standard button which.
inline std::unique_ptr<ModalHandler>
pressInBox(const QString &objectName, QMessageBox::StandardButton which, SeenBox *seen = nullptr)
{
    return pressInBox(
        objectName, [which](QMessageBox *box) { return box->button(which); }, seen);
}

} // namespace foidesk

#pragma once

// Answering modal windows from a test: exec() does not return until the window is closed, so
// the answer is scheduled before the call that opens it.

#include <QAbstractButton>
#include <QApplication>
#include <QDialog>
#include <QDir>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QFileSystemModel>
#include <QHash>
#include <QMessageBox>
#include <QObject>
#include <QPointer>
#include <QPushButton>
#include <QString>
#include <QTest>
#include <QTimer>
#include <functional>
#include <memory>

namespace foidesk {

// Answers the next modal window named objectName (any modal window when it is empty) as soon
// as it opens.
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
            if (!modal)
                return;
            m_seen = modal->objectName();
            if (!m_objectName.isEmpty() && modal->objectName() != m_objectName)
                return;
            m_timer.stop();
            m_handled = true;
            m_handler(modal);
        });
        m_timer.start();
    }

    bool handled() const { return m_handled; }
    // The objectName of the last modal window seen, answered or not.
    QString seen() const { return m_seen; }

private:
    QString m_objectName;
    std::function<void(QWidget *)> m_handler;
    QTimer m_timer;
    bool m_handled = false;
    QString m_seen;
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

// Answers the modal windows a step opens, in turn, rather than one named window: a file dialog
// by its objectName once it has listed its folder, any other named window by its handler, and a
// message box nobody named by its default button. For flows that open several windows, some
// from inside others.
class ModalScript : public QObject
{
public:
    using Handler = std::function<void(QWidget *)>;

    ModalScript()
    {
        m_timer.setInterval(20);
        connect(&m_timer, &QTimer::timeout, this, &ModalScript::poll);
        m_timer.start();
    }

    void on(const QString &objectName, Handler handler) { m_handlers.insert(objectName, handler); }
    QStringList answered() const { return m_answered; }

private:
    void poll()
    {
        QWidget *modal = QApplication::activeModalWidget();
        // Each window is answered once: a handler that only schedules its answer returns while
        // the window is still open, and the next look must not answer it again.
        if (!modal || m_answeredWindows.contains(modal))
            return;
        if (auto *dialog = qobject_cast<QFileDialog *>(modal); dialog && !hasListed(dialog))
            return;
        m_answeredWindows.append(modal);
        m_answered.append(modal->objectName());
        // Answered from a queued call rather than from this timer: an answer may open another
        // modal window (the question before overwriting a file), and Qt does not deliver a
        // timer to itself while its previous timeout is still running.
        QTimer::singleShot(0, this, [this, target = QPointer<QWidget>(modal)] {
            if (target)
                answer(target);
            m_answeredWindows.removeAll(nullptr);
        });
    }

    void answer(QWidget *modal)
    {
        const auto handler = m_handlers.constFind(modal->objectName());
        if (handler != m_handlers.constEnd()) {
            (*handler)(modal);
        } else if (auto *box = qobject_cast<QMessageBox *>(modal)) {
            QAbstractButton *button = box->defaultButton();
            if (!button)
                button = box->button(QMessageBox::Ok);
            if (button)
                button->click();
            else
                box->reject();
        } else if (auto *dialog = qobject_cast<QDialog *>(modal)) {
            dialog->reject();
        }
    }

    // True once the dialog's model has read its folder: Qt names each file's type as the
    // listing arrives, which is when its own dialog used to open the files to guess. Files the
    // name filter hides are typed too, so the model's directoryLoaded signal is the sign, with
    // a time limit in case the folder was read before the script first saw the dialog.
    bool hasListed(QFileDialog *dialog)
    {
        auto *model = dialog->findChild<QFileSystemModel *>();
        if (!model)
            return true; // a native dialog: nothing to wait for
        if (m_watched != dialog) {
            m_watched = dialog;
            m_loaded = false;
            m_since.start();
            connect(model, &QFileSystemModel::directoryLoaded, this, [this, dialog] {
                if (m_watched == dialog)
                    m_loaded = true;
            });
        }
        return m_loaded || m_since.hasExpired(1500);
    }

    QPointer<QFileDialog> m_watched;
    bool m_loaded = false;
    QElapsedTimer m_since;
    QHash<QString, Handler> m_handlers;
    QStringList m_answered;
    QList<QPointer<QWidget>> m_answeredWindows;
    QTimer m_timer;
};

} // namespace foidesk

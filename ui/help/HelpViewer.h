#pragma once

#include <QHash>
#include <QString>
#include <QStringList>
#include <QWidget>

class QTextBrowser;
class QTreeWidget;
class QTreeWidgetItem;
class QUrl;

namespace foidesk {

// The user guide (docs/user-guide.md, built into the program with its pictures), shown in a
// window of its own with its contents beside it.
//
// The guide is Markdown; each heading gets the anchor GitHub gives it ("The day's work" is
// "the-days-work"), so that the same links work in the program and on the project's pages.
class HelpViewer : public QWidget
{
    Q_OBJECT

public:
    explicit HelpViewer(QWidget *parent = nullptr);

    // Shows the guide at section (a heading's anchor; empty for the start) beside the window
    // of from, reusing that window's guide if it has one open. A guide opened from a dialog
    // belongs to the dialog, so that it can be read while the dialog waits for an answer.
    static HelpViewer *open(QWidget *from, const QString &section);

    // Scrolls so that the heading of section is at the top. False when there is no such
    // section (the view stays where it was).
    bool showSection(const QString &section);
    // The section whose heading is at (or last above) the top of the view; empty above the
    // first heading.
    QString currentSection() const;
    // Every heading's anchor, in order.
    QStringList sections() const { return m_order; }

    QTextBrowser *browser() const { return m_browser; }

    // The anchor of a heading, as GitHub makes it: lower case, punctuation dropped, spaces as
    // hyphens.
    static QString anchorFor(const QString &heading);
    // Where the guide is in the program's resources, and its pictures beside it.
    static QString guideResource();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void load();
    void fitImages();
    void markHeadings();
    void followLink(const QUrl &url);
    void keepLastSectionReachable();
    void syncContents();

    QTextBrowser *m_browser;
    QTreeWidget *m_contents;
    QStringList m_order;
    QHash<QString, int> m_positions; // anchor -> position of its heading in the document
    QHash<QString, QTreeWidgetItem *> m_items;
};

} // namespace foidesk

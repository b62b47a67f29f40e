#include "WelcomePanel.h"

#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace foidesk {

namespace {

QPushButton *
makeButton(const QString &objectName, const QString &text, const QString &iconPath, QWidget *parent)
{
    auto *button = new QPushButton(QIcon(iconPath), text, parent);
    button->setObjectName(objectName);
    button->setIconSize(QSize(20, 20));
    return button;
}

} // namespace

WelcomePanel::WelcomePanel(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("welcomePanel"));

    auto *logo = new QLabel(this);
    const int logoSize = 64;
    logo->setPixmap(QIcon(QStringLiteral(":/icons/org.foidesk.FoiDesk.svg"))
                        .pixmap(QSize(logoSize, logoSize), devicePixelRatioF()));
    logo->setAlignment(Qt::AlignCenter);

    auto *heading = new QLabel(tr("Welcome to FOI Desk"), this);
    QFont headingFont = heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.5);
    headingFont.setBold(true);
    heading->setFont(headingFont);
    heading->setAlignment(Qt::AlignCenter);

    auto *intro = new QLabel(tr("This log has no requests yet. Log the first request you have "
                                "received, or import some to see how FOI Desk works."),
                             this);
    intro->setWordWrap(true);
    intro->setAlignment(Qt::AlignCenter);

    auto *newButton = makeButton(QStringLiteral("newRequestButton"),
                                 tr("New Request"),
                                 QStringLiteral(":/icons/document-new.svg"),
                                 this);
    newButton->setDefault(true);
    auto *examplesButton = makeButton(QStringLiteral("importExamplesButton"),
                                      tr("Import Example Requests"),
                                      QStringLiteral(":/icons/document-import.svg"),
                                      this);
    examplesButton->setToolTip(tr("Adds a few sample requests you can edit or delete later."));
    auto *filesButton = makeButton(QStringLiteral("importFilesButton"),
                                   tr("Import from JSON Files..."),
                                   QStringLiteral(":/icons/document-import.svg"),
                                   this);
    filesButton->setToolTip(
        tr("Adds requests exported from FOI Desk or another system, one request per file."));

    connect(newButton, &QPushButton::clicked, this, &WelcomePanel::newRequestClicked);
    connect(examplesButton, &QPushButton::clicked, this, &WelcomePanel::importExamplesClicked);
    connect(filesButton, &QPushButton::clicked, this, &WelcomePanel::importFilesClicked);

    // One centred column: a word-wrapped label only gets the height it needs when its layout
    // gives it the full width, not when it is placed with an alignment flag.
    auto *column = new QWidget(this);
    column->setMaximumWidth(460);
    auto *columnLayout = new QVBoxLayout(column);
    columnLayout->addWidget(logo);
    columnLayout->addSpacing(8);
    columnLayout->addWidget(heading);
    columnLayout->addWidget(intro);
    columnLayout->addSpacing(16);
    columnLayout->addWidget(newButton);
    columnLayout->addWidget(examplesButton);
    columnLayout->addWidget(filesButton);

    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(column, 4);
    row->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->addStretch(2);
    layout->addLayout(row);
    layout->addStretch(3);
}

} // namespace foidesk

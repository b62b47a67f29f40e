#pragma once

#include <QWidget>

namespace foidesk {

// What an empty log shows where the editor would be: the three ways to get started.
class WelcomePanel : public QWidget
{
    Q_OBJECT

public:
    explicit WelcomePanel(QWidget *parent = nullptr);

Q_SIGNALS:
    void newRequestClicked();
    void importExamplesClicked();
    void importFilesClicked();
};

} // namespace foidesk

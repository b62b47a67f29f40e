#pragma once

#include <QStringList>

namespace foidesk {

class CommandSession;

// "foidesk publish --out DIR [--since DATE]": publishes the disclosure log (publish/Publisher.h)
// with progress on standard error. Requests the gate keeps out are listed with their reasons;
// they are not an error.
class PublishCommand
{
public:
    explicit PublishCommand(CommandSession &session);

    int run(const QStringList &args);

private:
    CommandSession &m_session;
};

} // namespace foidesk

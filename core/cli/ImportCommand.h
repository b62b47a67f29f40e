#pragma once

#include "model/Request.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace foidesk {

class CommandSession;

// "foidesk import [--replace] FILE...": exchange files into the log. Its own class because it is
// the one command that writes, and its promise is all-or-nothing per file: every file is read
// and checked before the log is opened, and a bad file writes nothing.
class ImportCommand
{
public:
    explicit ImportCommand(CommandSession &session);

    // Imports the files named in args; returns the worst exit code of them all (Done when every
    // file was imported), with one line on stderr for each file that was not.
    int run(const QStringList &args);

private:
    struct Incoming
    {
        QString file;
        Request request;
    };

    QList<Incoming> readFiles(const QStringList &files);
    QList<Incoming> refuseSharedReferences(const QList<Incoming> &incoming);
    void storeRequests(const QList<Incoming> &incoming, bool replace);
    void noteExitCode(int code);

    CommandSession &m_session;
    int m_worst = 0;
};

} // namespace foidesk

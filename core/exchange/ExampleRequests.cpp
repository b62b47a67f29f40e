#include "exchange/ExampleRequests.h"

#include "exchange/RequestJson.h"

#include <QCoreApplication>
#include <QDir>

namespace foidesk {

Result<QList<Request>> ExampleRequests::load()
{
    const QDir folder(QStringLiteral(":/examples"));
    const QStringList files = folder.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    if (files.isEmpty()) {
        return Error(ErrorKind::Internal,
                     QCoreApplication::translate("foidesk::ExampleRequests",
                                                 "This build of FOI Desk has no example requests "
                                                 "built in. Reinstall FOI Desk."));
    }
    QList<Request> requests;
    for (const QString &name : files) {
        Result<Request> parsed = RequestJson::readFile(folder.filePath(name));
        if (!parsed)
            return Error(ErrorKind::Internal, parsed.errorMessage());
        requests.append(std::move(parsed).value());
    }
    return requests;
}

} // namespace foidesk

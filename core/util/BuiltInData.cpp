#include "util/BuiltInData.h"

#include <QCoreApplication>
#include <QFile>

namespace foidesk {

namespace {


QString capitalised(QString text)
{
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    return text;
}

} // namespace

Result<QByteArray> readBuiltInData(const QString &path, const QString &what)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Error(ErrorKind::Internal,
                     QCoreApplication::translate("foidesk::BuiltInData", "%1 is missing from this build of FOI Desk. Reinstall FOI Desk.")
                         .arg(capitalised(what)));
    }
    return file.readAll();
}

Error damagedBuiltInData(const QString &what, const QString &why)
{
    return Error(ErrorKind::Internal,
                 QCoreApplication::translate("foidesk::BuiltInData", "%1 in this build of FOI Desk is damaged (%2). Reinstall FOI Desk.")
                     .arg(capitalised(what), why));
}

} // namespace foidesk

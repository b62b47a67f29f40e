#pragma once

#include "util/Result.h"

#include <QByteArray>
#include <QString>

namespace foidesk {

// Data compiled into FOI Desk as a Qt resource (the exemption catalogue, the default letter
// wording). If it cannot be read or parsed the build itself is broken, which no user input can
// cause or mend: Internal, naming the data (what, e.g. "the exemption catalogue") and asking
// for a reinstall.
Result<QByteArray> readBuiltInData(const QString &path, const QString &what);
Error damagedBuiltInData(const QString &what, const QString &why);

// Reads path and parses it with parse (a function from QByteArray to Result<T>).
template <typename Parse>
auto parseBuiltInData(const QString &path, const QString &what, Parse parse)
    -> decltype(parse(QByteArray()))
{
    const Result<QByteArray> bytes = readBuiltInData(path, what);
    if (!bytes)
        return bytes.error();
    auto parsed = parse(bytes.value());
    if (!parsed)
        return damagedBuiltInData(what, parsed.errorMessage());
    return parsed;
}

} // namespace foidesk

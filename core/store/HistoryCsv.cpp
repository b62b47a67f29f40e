#include "store/HistoryCsv.h"

#include <algorithm>

namespace foidesk {

namespace {

QString csvField(const QString &text)
{
    if (!text.contains(u',') && !text.contains(u'"') && !text.contains(u'\n')
        && !text.contains(u'\r'))
        return text;
    QString quoted = text;
    quoted.replace(u'"', QLatin1String("\"\""));
    return u'"' + quoted + u'"';
}

} // namespace

QString HistoryCsv::masked(QString value, const QStringList &withheld)
{
    QStringList longestFirst = withheld;
    std::stable_sort(longestFirst.begin(),
                     longestFirst.end(),
                     [](const QString &a, const QString &b) { return a.size() > b.size(); });
    for (const QString &text : std::as_const(longestFirst)) {
        if (!text.isEmpty())
            value.replace(text, QStringLiteral("[withheld]"));
    }
    return value;
}

QByteArray HistoryCsv::write(const QList<AuditEntry> &entries, const QStringList &withheld)
{
    QString out =
        QStringLiteral("id,at,user,action,reference,revision,field,old_value,new_value,detail\r\n");
    for (const AuditEntry &e : entries) {
        const QStringList fields{QString::number(e.id),
                                 e.at.toString(Qt::ISODateWithMs),
                                 e.user,
                                 e.action,
                                 e.reference,
                                 QString::number(e.revision),
                                 e.field,
                                 masked(e.oldValue, withheld),
                                 masked(e.newValue, withheld),
                                 masked(e.detail, withheld)};
        QStringList cells;
        for (const QString &field : fields)
            cells.append(csvField(field));
        out += cells.join(u',') + QStringLiteral("\r\n");
    }
    return out.toUtf8();
}

} // namespace foidesk

#pragma once

#include <QDebug>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

namespace foidesk {

// A plain Qt SQL connection beside the Store: for building files the way an older FOI Desk left
// them, and for doing what someone with an SQL tool could do behind the store's back.
class RawDatabase
{
public:
    explicit RawDatabase(const QString &path)
        : m_name(QStringLiteral("raw-test-%1").arg(++s_counter))
    {
        m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        m_db.setDatabaseName(path);
        m_db.open();
    }
    ~RawDatabase()
    {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_name);
    }
    RawDatabase(const RawDatabase &) = delete;
    RawDatabase &operator=(const RawDatabase &) = delete;

    QSqlDatabase &db() { return m_db; }

    // Runs one statement. With error, SQLite's message goes there; without, a failure is
    // logged, since the caller expected it to work.
    bool exec(const QString &sql, QString *error = nullptr)
    {
        QSqlQuery query(m_db);
        const bool ok = query.exec(sql);
        if (error)
            *error = query.lastError().text();
        else if (!ok)
            qWarning() << "SQL failed:" << sql << query.lastError().text();
        return ok;
    }

    // The first column of the first row, or an invalid QVariant.
    QVariant value(const QString &sql)
    {
        QSqlQuery query(m_db);
        if (!query.exec(sql) || !query.next())
            return {};
        return query.value(0);
    }

private:
    static inline int s_counter = 0;
    QString m_name;
    QSqlDatabase m_db;
};

} // namespace foidesk

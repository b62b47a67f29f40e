#include "store/Migrator.h"

#include "store/HistoryTable.h"
#include "store/ScopedTransaction.h"
#include "store/SqlErrors.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSqlQuery>

namespace foidesk {

namespace {


QList<Migrator::Migration> loadMigrations()
{
    QList<Migrator::Migration> result;
    static const QRegularExpression pattern(QStringLiteral("^(\\d{3})_[A-Za-z0-9_]+\\.sql$"));
    const QDir dir(QStringLiteral(":/sql"));
    const QStringList names = dir.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    for (const QString &name : names) {
        const QRegularExpressionMatch match = pattern.match(name);
        if (!match.hasMatch())
            continue;
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        Migrator::Migration migration;
        migration.version = match.captured(1).toInt();
        migration.name = name;
        migration.sql = QString::fromUtf8(file.readAll());
        // A gap or a duplicate number is a packaging mistake: stop at it rather than run the
        // migrations out of order. latestVersion() then shows the mistake in the tests.
        if (migration.version != result.size() + 1)
            break;
        result.append(migration);
    }
    return result;
}

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_';
}

} // namespace

const QList<Migrator::Migration> &Migrator::migrations()
{
    static const QList<Migration> all = loadMigrations();
    return all;
}

int Migrator::latestVersion()
{
    return int(migrations().size());
}

QStringList Migrator::splitStatements(const QString &sql)
{
    QStringList statements;
    QString current;
    QString firstWords; // the statement's first two keywords, to recognise CREATE TRIGGER
    int blockDepth = 0; // open BEGIN (in a trigger) and CASE, each closed by END
    const qsizetype n = sql.size();
    qsizetype i = 0;

    auto finish = [&] {
        const QString trimmed = current.trimmed();
        if (!trimmed.isEmpty())
            statements.append(trimmed);
        current.clear();
        firstWords.clear();
        blockDepth = 0;
    };

    while (i < n) {
        const QChar c = sql.at(i);
        // Comments are dropped; a newline keeps the tokens on either side apart.
        if (c == u'-' && i + 1 < n && sql.at(i + 1) == u'-') {
            while (i < n && sql.at(i) != u'\n')
                ++i;
            current += u'\n';
            continue;
        }
        if (c == u'/' && i + 1 < n && sql.at(i + 1) == u'*') {
            const qsizetype end = sql.indexOf(QStringLiteral("*/"), i + 2);
            i = end < 0 ? n : end + 2;
            current += u' ';
            continue;
        }
        if (c == u'\'' || c == u'"' || c == u'`' || c == u'[') {
            const QChar close = c == u'[' ? QChar(u']') : c;
            qsizetype j = i + 1;
            while (j < n) {
                if (sql.at(j) == close) {
                    // A doubled quote inside a string is an escaped quote.
                    if (close != u']' && j + 1 < n && sql.at(j + 1) == close) {
                        j += 2;
                        continue;
                    }
                    break;
                }
                ++j;
            }
            const qsizetype end = qMin(j + 1, n);
            current += sql.mid(i, end - i);
            i = end;
            continue;
        }
        if (isWordChar(c)) {
            qsizetype j = i;
            while (j < n && isWordChar(sql.at(j)))
                ++j;
            const QString word = sql.mid(i, j - i);
            const QString upper = word.toUpper();
            if (firstWords.count(u' ') < 4)
                firstWords += upper + u' ';
            const bool isTrigger = firstWords.startsWith(QLatin1String("CREATE "))
                                   && firstWords.contains(QLatin1String(" TRIGGER "));
            if (upper == QLatin1String("CASE") || (upper == QLatin1String("BEGIN") && isTrigger))
                ++blockDepth;
            else if (upper == QLatin1String("END") && blockDepth > 0)
                --blockDepth;
            current += word;
            i = j;
            continue;
        }
        if (c == u';' && blockDepth == 0) {
            finish();
            ++i;
            continue;
        }
        current += c;
        ++i;
    }
    finish();
    return statements;
}

Result<int> Migrator::userVersion(const QSqlDatabase &db)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next()) {
        return SqlErrors::fromSql(query.lastError(),
                                  db.databaseName(),
                                  Migrator::tr("The schema version of the log could not be read."));
    }
    return query.value(0).toInt();
}

Result<void> Migrator::migrate(const QSqlDatabase &db, int targetVersion)
{
    const int latest = latestVersion();
    if (targetVersion < 0 || targetVersion > latest) {
        return Error(ErrorKind::BadInput,
                     Migrator::tr("Schema version %1 does not exist; this version of FOI Desk knows "
                        "versions 0 to %2.")
                         .arg(targetVersion)
                         .arg(latest));
    }
    const Result<int> current = userVersion(db);
    if (!current)
        return current.error();
    if (*current > latest)
        return SqlErrors::tooNew(db.databaseName(), *current, latest);
    for (const Migration &migration : migrations()) {
        if (migration.version <= *current || migration.version > targetVersion)
            continue;
        const Result<void> applied = apply(db, migration.version, migration.sql);
        if (!applied)
            return applied;
    }
    return {};
}

Result<void> Migrator::apply(const QSqlDatabase &db, int version, const QString &sql)
{
    const QString path = db.databaseName();
    const QString outcome = Migrator::tr("The log could not be upgraded to schema version %1, and was "
                               "left as it was.")
                                .arg(version);
    ScopedTransaction transaction(db);
    if (!transaction.isActive())
        return SqlErrors::fromSql(transaction.error(), path, outcome);

    // Read inside the transaction: another process may have migrated the file meanwhile.
    const Result<int> current = userVersion(db);
    if (!current)
        return current.error();
    if (*current >= version)
        return {};
    if (*current != version - 1) {
        return Error(ErrorKind::BadInput,
                     Migrator::tr("Migration %1 cannot run on a log at schema version %2; it needs version "
                        "%3.")
                         .arg(version)
                         .arg(*current)
                         .arg(version - 1));
    }

    const auto run = [&](const QStringList &statements) -> Result<void> {
        for (const QString &statement : statements) {
            QSqlQuery query(db);
            if (!query.exec(statement))
                return SqlErrors::fromSql(query.lastError(), path, outcome);
        }
        return {};
    };
    if (const Result<void> ran = run(splitStatements(sql)); !ran)
        return ran;
    // What SQL alone cannot do: the history's hash chain is SHA-256, computed here.
    if (version == HistoryChainVersion) {
        if (const Result<void> chained = HistoryTable::chainExisting(db, outcome); !chained)
            return chained;
    }
    // PRAGMA values cannot be bound, and these are numbers we format ourselves.
    const Result<void> stamped =
        run({QStringLiteral("PRAGMA application_id = %1").arg(ApplicationId),
             QStringLiteral("PRAGMA user_version = %1").arg(version)});
    if (!stamped)
        return stamped;
    if (!transaction.commit())
        return SqlErrors::fromSql(transaction.error(), path, outcome);
    return {};
}

} // namespace foidesk

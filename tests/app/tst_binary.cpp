#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

#if defined(Q_OS_LINUX)
#include <sys/stat.h>
#endif

using namespace Qt::StringLiterals;

namespace {

struct Outcome
{
    int code = -1;
    QByteArray out;
    QByteArray err;
};

QString letterPath(const QString &reference)
{
    return QStringLiteral(FOIDESK_TEST_DATA_DIR "/letters/") + reference + QStringLiteral(".json");
}

QByteArray readBytes(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

} // namespace

// The real executable, started as a script would start it, with no display at all: the command
// line must never need one.
class TestBinary : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
            env.remove(QString::fromLatin1(name));
        // Keep the default log of whoever runs the tests out of reach.
        env.insert(QStringLiteral("HOME"), m_home.path());
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
        return env;
    }

    Outcome run(const QStringList &arguments)
    {
        QProcess process;
        process.setProcessEnvironment(environment());
        process.start(QStringLiteral(FOIDESK_BINARY), arguments);
        Outcome outcome;
        if (!process.waitForFinished(60000)) {
            process.kill();
            process.waitForFinished();
            return outcome;
        }
        outcome.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
        outcome.out = process.readAllStandardOutput();
        outcome.err = process.readAllStandardError();
        return outcome;
    }

#ifdef FOIDESK_WINDOW_MODULE_FILE
    // A log in dir holding the reference letter's request; empty when the import failed.
    QString logWithLetter(const QTemporaryDir &dir, const QString &reference)
    {
        const QString db = dir.filePath(QStringLiteral("log.sqlite"));
        const Outcome imported =
            run({QStringLiteral("--db"), db, QStringLiteral("import"), letterPath(reference)});
        return imported.code == 0 ? db : QString();
    }

    // Starts binary without a command (the window) on db, with no display.
    void startWindow(QProcess &window, const QString &binary, const QString &db)
    {
        QProcessEnvironment env = environment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        window.setProcessEnvironment(env);
        window.start(binary, {QStringLiteral("--db"), db});
    }

    // Starts binary without a command on a log holding one request and waits for the window to
    // open it: on opening a log the window makes the day's backup beside it. The process must
    // then still be running (the window waiting for its user), with the window module mapped
    // into it or not, as expected.
    void opensTheWindow(const QString &binary, bool expectModule)
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString db = logWithLetter(dir, u"6370952"_s);
        QVERIFY(!db.isEmpty());
        QProcess window;
        startWindow(window, binary, db);
        QVERIFY(window.waitForStarted());
        const QString maps = QStringLiteral("/proc/%1/maps").arg(window.processId());
        const QString backups = dir.filePath(QStringLiteral("log-backups"));
        bool opened = false;
        bool mapped = false;
        QDeadlineTimer deadline(20000);
        while (!opened && !deadline.hasExpired() && window.state() == QProcess::Running) {
            mapped = mapped || readBytes(maps).contains(FOIDESK_WINDOW_MODULE_FILE);
            opened = !QDir(backups).entryList(QDir::Files).isEmpty();
            if (!opened)
                window.waitForFinished(100);
        }
        mapped = mapped || readBytes(maps).contains(FOIDESK_WINDOW_MODULE_FILE);
        const bool exitedEarly = window.waitForFinished(1000);
        const QByteArray err = window.readAllStandardError();
        window.kill();
        window.waitForFinished();
        QVERIFY2(opened, err.constData());
        QVERIFY2(!exitedEarly, err.constData());
        QCOMPARE(mapped, expectModule);
        QVERIFY2(!err.contains("cannot start"), err.constData());
    }
#endif

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
    }

    void versionAndHelpNeedNoDisplay()
    {
        const Outcome version = run({QStringLiteral("--version")});
        QCOMPARE(version.code, 0);
        QCOMPARE(version.out, QByteArray("FOI Desk " FOIDESK_VERSION "\n"));

        const Outcome help = run({QStringLiteral("--help")});
        QCOMPARE(help.code, 0);
        QVERIFY(help.out.startsWith("Usage: foidesk [--db FILE]"));
        QVERIFY(help.out.contains("export-json REF"));
    }

    void commandLineRoundTrip()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString db = dir.filePath(QStringLiteral("log.sqlite"));
        const QString fixture = letterPath(QStringLiteral("6370952"));

        const Outcome imported =
            run({QStringLiteral("--db"), db, QStringLiteral("import"), fixture});
        QVERIFY2(imported.code == 0, imported.err.constData());
        QCOMPARE(imported.out,
                 (QStringLiteral("imported 6370952 from ") + QDir::toNativeSeparators(fixture)
                  + QLatin1Char('\n'))
                     .toUtf8());

        const Outcome listed = run({QStringLiteral("--db"), db, QStringLiteral("list")});
        QCOMPARE(listed.code, 0);
        QVERIFY(listed.out.contains("6370952    2020-06-17  2020-07-16"));

        const Outcome shown =
            run({QStringLiteral("--db"), db, QStringLiteral("show"), QStringLiteral("6370952")});
        QCOMPARE(shown.code, 0);
        QVERIFY(shown.out.contains("Due:          2020-07-16\n"));
        QVERIFY(shown.out.contains("\nVirtual Appointments\n"));

        const QString exported = dir.filePath(QStringLiteral("export.json"));
        const Outcome toFile = run({QStringLiteral("--db"),
                                    db,
                                    QStringLiteral("export-json"),
                                    QStringLiteral("6370952"),
                                    QStringLiteral("-o"),
                                    exported});
        QCOMPARE(toFile.code, 0);
        QCOMPARE(readBytes(exported), readBytes(fixture));

        const Outcome toStdout = run(
            {QStringLiteral("--db"), db, QStringLiteral("export-json"), QStringLiteral("6370952")});
        QCOMPARE(toStdout.code, 0);
        QCOMPARE(toStdout.out, readBytes(fixture));
    }

    void errorsExitWithTheirCodes()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString db = dir.filePath(QStringLiteral("log.sqlite"));
        const QString bad = dir.filePath(QStringLiteral("bad.json"));
        QFile file(bad);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(
            R"({"format": "foidesk.request/1", "reference": "B", "received": "2023-02-31"})");
        file.close();

        const Outcome badInput = run({QStringLiteral("--db"), db, QStringLiteral("import"), bad});
        QCOMPARE(badInput.code, 2);
        QCOMPARE(badInput.err,
                 (QDir::toNativeSeparators(bad)
                  + QStringLiteral(": received: \"2023-02-31\" is not a real date (expected "
                                   "YYYY-MM-DD).\n"))
                     .toUtf8());
        QVERIFY(!QFile::exists(db));

        const Outcome unknown = run({QStringLiteral("frobnicate")});
        QCOMPARE(unknown.code, 1);
        QVERIFY(unknown.err.contains("--help"));

        const Outcome due = run(
            {QStringLiteral("due"), QStringLiteral("--received"), QStringLiteral("2020-06-17")});
        QCOMPARE(due.code, 0);
        QCOMPARE(due.out, QByteArray("2020-07-16\n"));
    }

    // export-pdf needs QtGui: started with no display and no QT_QPA_PLATFORM, the executable
    // must find a platform by itself and still write the letter.
    void exportPdfRunsHeadless()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString db = dir.filePath(QStringLiteral("log.sqlite"));
        QCOMPARE(run({QStringLiteral("--db"),
                      db,
                      QStringLiteral("import"),
                      letterPath(QStringLiteral("6370952")),
                      letterPath(QStringLiteral("7014168"))})
                     .code,
                 0);

        const QString pdf = dir.filePath(QStringLiteral("6370952 response.pdf"));
        const Outcome one = run({QStringLiteral("--db"),
                                 db,
                                 QStringLiteral("export-pdf"),
                                 QStringLiteral("6370952"),
                                 QStringLiteral("-o"),
                                 pdf});
        QVERIFY2(one.code == 0, one.err.constData());
        // Nothing from Qt on stderr either: scripts read it for errors.
        QCOMPARE(one.err, QByteArray());
        QCOMPARE(one.out, (QDir::toNativeSeparators(pdf) + QLatin1Char('\n')).toUtf8());
        QVERIFY(readBytes(pdf).startsWith("%PDF-"));
        QVERIFY(readBytes(pdf).size() > 10000);

        const QString outDir = dir.filePath(QStringLiteral("all"));
        const Outcome all = run({QStringLiteral("--db"),
                                 db,
                                 QStringLiteral("export-pdf"),
                                 QStringLiteral("--all"),
                                 QStringLiteral("--out-dir"),
                                 outDir});
        QVERIFY2(all.code == 0, all.err.constData());
        QVERIFY(all.err.contains("[2/2] "));
        QCOMPARE(QDir(outDir).entryList(QDir::Files, QDir::Name),
                 (QStringList{QStringLiteral("6370952 response DRAFT.pdf"),
                              QStringLiteral("7014168 response DRAFT.pdf")}));
    }

    // A final letter that withholds names is read back by the executable itself, with the PDF
    // reader it ships, before the file is kept: this must work with no display too.
    void exportPdfOfARedactedRequestIsChecked()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString db = dir.filePath(QStringLiteral("log.sqlite"));
        QCOMPARE(run({QStringLiteral("--db"),
                      db,
                      QStringLiteral("settings"),
                      QStringLiteral("import"),
                      QStringLiteral(FOIDESK_TEST_DATA_DIR "/profiles/test-authority.json")})
                     .code,
                 0);
        const Outcome imported =
            run({QStringLiteral("--db"),
                 db,
                 QStringLiteral("import"),
                 QStringLiteral(FOIDESK_TEST_DATA_DIR "/redacted/6370952.json")});
        QVERIFY2(imported.code == 0, imported.err.constData());

        const QString pdf = dir.filePath(QStringLiteral("6370952 response.pdf"));
        const Outcome exported = run({QStringLiteral("--db"),
                                      db,
                                      QStringLiteral("export-pdf"),
                                      QStringLiteral("6370952"),
                                      QStringLiteral("-o"),
                                      pdf});
        QVERIFY2(exported.code == 0, exported.err.constData());
        QCOMPARE(exported.out, (QDir::toNativeSeparators(pdf) + QLatin1Char('\n')).toUtf8());
        // One line, the check's result, and nothing from Qt.
        QVERIFY2(exported.err.startsWith("Release check passed: "), exported.err.constData());
        QCOMPARE(exported.err.count('\n'), 1);
        const QByteArray bytes = readBytes(pdf);
        QVERIFY(bytes.startsWith("%PDF-"));
        QVERIFY(!bytes.contains("Priya"));
        // Only the letter is left: the file it was checked under is gone.
        QCOMPARE(QDir(dir.path()).entryList({QStringLiteral("*.pdf*")}, QDir::Files | QDir::Hidden),
                 QStringList{QStringLiteral("6370952 response.pdf")});
    }

    void settingsExportAndImport()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString db = dir.filePath(QStringLiteral("log.sqlite"));
        const QString profile =
            QStringLiteral(FOIDESK_TEST_DATA_DIR "/profiles/test-authority.json");
        const Outcome imported = run({QStringLiteral("--db"),
                                      db,
                                      QStringLiteral("settings"),
                                      QStringLiteral("import"),
                                      profile});
        QVERIFY2(imported.code == 0, imported.err.constData());
        QVERIFY(imported.out.startsWith("imported the organisation profile from "));

        const QString exported = dir.filePath(QStringLiteral("profile.json"));
        const Outcome written = run({QStringLiteral("--db"),
                                     db,
                                     QStringLiteral("settings"),
                                     QStringLiteral("export"),
                                     exported});
        QVERIFY2(written.code == 0, written.err.constData());
        const QByteArray bytes = readBytes(exported);
        QVERIFY(bytes.contains("\"format\": \"foidesk.profile/1\""));
        QVERIFY(bytes.contains("Northmoor District Council"));
    }

#ifdef FOIDESK_WINDOW_MODULE_FILE
    // Without a command the executable loads its window module and opens the window: the
    // process keeps running (the event loop), with the module mapped into it.
    void windowOpensFromItsModule()
    {
        opensTheWindow(QStringLiteral(FOIDESK_BINARY), true);
    }

    // The single executable Windows and macOS ship (built here beside the module build) opens
    // the same window without any module.
    void singleExecutableOpensTheWindow()
    {
        opensTheWindow(QStringLiteral(FOIDESK_SINGLE_BINARY), false);
    }

    // An executable copied away from its module says which file it looked for and what still
    // works, and exits with 3 instead of crashing or doing nothing.
    // The window and the command line on one log at once, as the README offers for scheduled
    // work: while the window has the log open (its start-up probe, open and daily backup done),
    // commands import into it and read it, and afterwards the window still holds its lock and
    // its write-ahead log is still the file on disk, not a deleted one. (The window's dialogs
    // and exports are driven beside the command line in tests/ui/tst_livelog.)
    void windowAndCommandLineShareOneLog()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString db = logWithLetter(dir, u"6370952"_s);
        QVERIFY(!db.isEmpty());
        QProcess window;
        startWindow(window, QStringLiteral(FOIDESK_BINARY), db);
        QVERIFY(window.waitForStarted());
        const QString backups = dir.filePath(QStringLiteral("log-backups"));
        QTRY_VERIFY_WITH_TIMEOUT(!QDir(backups).entryList(QDir::Files).isEmpty(), 20000);

        const Outcome imported =
            run({QStringLiteral("--db"), db, QStringLiteral("import"), letterPath(u"6299088"_s)});
        const Outcome listed = run({QStringLiteral("--db"), db, QStringLiteral("list")});
        const qint64 pid = window.processId();
        struct stat status;
        QVERIFY(::stat(QFile::encodeName(db).constData(), &status) == 0);
        const QByteArray inode = ':' + QByteArray::number(quint64(status.st_ino));
        bool locked = false;
        for (const QByteArray &line : readBytes(QStringLiteral("/proc/locks")).split('\n')) {
            const QList<QByteArray> fields = line.simplified().split(' ');
            locked =
                locked
                || (fields.size() >= 6 && fields.at(1) != "->"
                    && fields.at(4) == QByteArray::number(pid) && fields.at(5).endsWith(inode));
        }
        QStringList deleted;
        const QDir fds(QStringLiteral("/proc/%1/fd").arg(pid));
        for (const QString &fd : fds.entryList(QDir::Files | QDir::System)) {
            const QString target = QFile::symLinkTarget(fds.filePath(fd));
            if (target.startsWith(db) && target.endsWith(u"(deleted)"_s))
                deleted.append(target);
        }
        const bool running = window.state() == QProcess::Running;
        window.kill();
        window.waitForFinished();

        QVERIFY2(running, window.readAllStandardError().constData());
        QVERIFY2(imported.code == 0, imported.err.constData());
        QVERIFY(listed.out.contains("6299088"));
        QVERIFY(listed.out.contains("6370952"));
        QVERIFY2(locked, "the window holds no lock on its log after the commands ran");
        QVERIFY2(deleted.isEmpty(), qPrintable(deleted.join(u", "_s)));
    }

    void missingWindowModuleIsNamed()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString lone = dir.filePath(QStringLiteral("foidesk"));
        QVERIFY(QFile::copy(QStringLiteral(FOIDESK_BINARY), lone));
        QVERIFY(QFile::setPermissions(lone, QFile::permissions(lone) | QFile::ExeOwner));

        QProcessEnvironment env = environment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        QProcess process;
        process.setProcessEnvironment(env);
        process.start(lone, {QStringLiteral("--db"), dir.filePath(QStringLiteral("log.sqlite"))});
        QVERIFY(process.waitForFinished(20000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 3);
        const QString err = QString::fromLocal8Bit(process.readAllStandardError());
        QVERIFY2(err.startsWith(u"foidesk: the window cannot start: its module is missing"_s),
                 qPrintable(err));
        QVERIFY2(err.contains(dir.filePath(QStringLiteral(FOIDESK_WINDOW_MODULE_FILE))),
                 qPrintable(err));
        QVERIFY2(err.contains(u"foidesk --help"_s), qPrintable(err));
        // Nothing was created: the log is only made by the window or a command.
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("log.sqlite"))));
    }
#endif
};

QTEST_GUILESS_MAIN(TestBinary)
#include "tst_binary.moc"

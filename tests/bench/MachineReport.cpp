#include "MachineReport.h"

#include <QFile>
#include <QSettings>
#include <QStringList>
#include <QSysInfo>

#ifdef Q_OS_WIN
// clang-format off
#ifndef NOMINMAX
#define NOMINMAX
#endif
#ifndef WIN32_LEAN_AND_MEAN
#define WIN32_LEAN_AND_MEAN
#endif
#include <windows.h>
#include <psapi.h>
// clang-format on
#endif

using namespace Qt::StringLiterals;

namespace foidesk::bench {

namespace {

#if defined(Q_OS_LINUX)
QString readTextFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return QString();
    return QString::fromUtf8(file.readAll());
}

// The value of "key: value" in a /proc file, or an empty string.
QString procField(const QString &path, const QString &key)
{
    const QStringList lines = readTextFile(path).split(u'\n');
    for (const QString &line : lines) {
        const qsizetype colon = line.indexOf(u':');
        if (colon > 0 && line.left(colon).trimmed() == key)
            return line.mid(colon + 1).trimmed();
    }
    return QString();
}
#endif

} // namespace

QString mebibytes(qint64 bytes)
{
    if (bytes >= 4 * 1024LL * 1024 * 1024)
        return QString::number(double(bytes) / (1024.0 * 1024.0 * 1024.0), 'f', 1) + u" GiB"_s;
    return QString::number(double(bytes) / (1024.0 * 1024.0), 'f', 1) + u" MiB"_s;
}

QString cpuModel()
{
#if defined(Q_OS_LINUX)
    const QString model = procField(u"/proc/cpuinfo"_s, u"model name"_s);
    if (!model.isEmpty())
        return model;
#elif defined(Q_OS_WIN)
    const QSettings cpu(u"HKEY_LOCAL_MACHINE\\HARDWARE\\DESCRIPTION\\System\\CentralProcessor\\0"_s,
                        QSettings::NativeFormat);
    const QString model = cpu.value(u"ProcessorNameString"_s).toString().trimmed();
    if (!model.isEmpty())
        return model;
#endif
    return QSysInfo::currentCpuArchitecture();
}

QString totalMemory()
{
#if defined(Q_OS_LINUX)
    const QString total = procField(u"/proc/meminfo"_s, u"MemTotal"_s);
    if (total.endsWith(u" kB"_s))
        return mebibytes(total.chopped(3).toLongLong() * 1024);
#elif defined(Q_OS_WIN)
    MEMORYSTATUSEX status;
    status.dwLength = sizeof(status);
    if (GlobalMemoryStatusEx(&status))
        return mebibytes(qint64(status.ullTotalPhys));
#endif
    return u"n/a"_s;
}

// The most memory this process has held so far.
QString peakResidentMemory()
{
#if defined(Q_OS_LINUX)
    const QString peak = procField(u"/proc/self/status"_s, u"VmHWM"_s);
    if (peak.endsWith(u" kB"_s))
        return mebibytes(peak.chopped(3).toLongLong() * 1024);
#elif defined(Q_OS_WIN)
    PROCESS_MEMORY_COUNTERS counters;
    if (GetProcessMemoryInfo(GetCurrentProcess(), &counters, sizeof(counters)))
        return mebibytes(qint64(counters.PeakWorkingSetSize));
#endif
    return u"n/a"_s;
}

// Other work on the machine skews the numbers; the load average says how busy it was.
QString loadAverage()
{
#if defined(Q_OS_LINUX)
    const QStringList fields = readTextFile(u"/proc/loadavg"_s).split(u' ');
    if (fields.size() >= 3)
        return fields.mid(0, 3).join(u' ');
#endif
    return u"n/a"_s;
}

QString compiler()
{
#if defined(__clang__)
    return u"Clang "_s + QString::fromLatin1(__clang_version__);
#elif defined(__GNUC__)
    return u"GCC "_s + QString::fromLatin1(__VERSION__);
#elif defined(_MSC_VER)
    return u"MSVC "_s + QString::number(_MSC_FULL_VER);
#else
    return u"unknown"_s;
#endif
}

} // namespace foidesk::bench

#pragma once

// What the benchmark programs share: stopping on the first failure with its message, timing a
// piece of work, and the median and worst of several runs.

#include "LogGenerator.h"
#include "MachineReport.h"
#include "store/Store.h"
#include "util/Result.h"

#include <QDir>
#include <QElapsedTimer>
#include <QList>
#include <QString>
#include <QSysInfo>
#include <QTextStream>
#include <QThread>
#include <algorithm>
#include <utility>

namespace foidesk::bench {

// Thrown by need(); main() prints it and exits 1.
struct Failure
{
    QString message;
};

// The value of result, or a Failure saying what could not be done and why.
template <typename T> T need(Result<T> result, const QString &what)
{
    if (!result)
        throw Failure{what + QStringLiteral(": ") + result.errorMessage()};
    return std::move(result).value();
}

// How long work takes, in milliseconds.
template <typename Work> double timeMs(Work &&work)
{
    QElapsedTimer timer;
    timer.start();
    work();
    return double(timer.nsecsElapsed()) / 1.0e6;
}

// "4.21 ms", "125.9 ms".
inline QString ms(double value)
{
    return QString::number(value, 'f', value < 10.0 ? 2 : 1) + QStringLiteral(" ms");
}

struct Samples
{
    QList<double> values;

    double median() const
    {
        QList<double> sorted = values;
        std::sort(sorted.begin(), sorted.end());
        const qsizetype n = sorted.size();
        if (n == 0)
            return 0.0;
        return n % 2 ? sorted.at(n / 2) : (sorted.at(n / 2 - 1) + sorted.at(n / 2)) / 2.0;
    }
    double worst() const
    {
        return values.isEmpty() ? 0.0 : *std::max_element(values.begin(), values.end());
    }
};

// Fills store with the made-up requests of LogGenerator, saying how far it has got on err.
inline void buildLog(Store &store,
                     const QString &path,
                     int requests,
                     quint32 seed,
                     const QDate &asOf,
                     QTextStream &err)
{
    err << "Building a log of " << requests << " requests in " << QDir::toNativeSeparators(path)
        << Qt::endl;
    LogGenerator generator(requests, seed, asOf);
    int done = 0;
    while (!generator.atEnd()) {
        const Request request = generator.next();
        need(store.importRequest(request, false), QStringLiteral("Import ") + request.reference);
        if (++done % 10000 == 0)
            err << "  " << done << " imported" << Qt::endl;
    }
}

// The "### Machine" section every report ends with.
inline void printMachine(QTextStream &out, const char *buildType)
{
    out << "\n### Machine\n\n";
    out << "- CPU: " << cpuModel() << ", " << QThread::idealThreadCount() << " logical cores\n";
    out << "- Memory: " << totalMemory()
        << "; peak memory of the run (RSS): " << peakResidentMemory() << "\n";
    out << "- OS: " << QSysInfo::prettyProductName() << " (kernel " << QSysInfo::kernelVersion()
        << ")\n";
    out << "- Compiler: " << compiler() << "; build type: " << buildType << "\n";
    out << "- Qt " << qVersion() << "\n";
}

} // namespace foidesk::bench

#pragma once

// What the benchmark programs share: stopping on the first failure with its message, timing a
// piece of work, and the median and worst of several runs.

#include "util/Result.h"

#include <QElapsedTimer>
#include <QList>
#include <QString>
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

} // namespace foidesk::bench

#pragma once

#include <QString>

namespace foidesk::bench {

// What a benchmark reports about the machine it ran on, so that numbers in docs/benchmarks.md
// can be read against the hardware and how busy it was. "n/a" where a platform does not say.
QString mebibytes(qint64 bytes); // "34.1 MiB", or GiB from 4 GiB up
QString cpuModel();
QString totalMemory();
QString peakResidentMemory(); // the most memory this process has held so far
QString loadAverage();        // other work on the machine skews the numbers
QString compiler();

} // namespace foidesk::bench

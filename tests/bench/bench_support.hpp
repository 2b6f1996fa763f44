// bench_support.hpp — timing helpers for the benchmarks: they measure and print, they never
// pass or fail on time (a loaded CI machine is not a verdict on the code).
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace knotnotes::bench {

using Clock = std::chrono::steady_clock;

inline double elapsed_ms(Clock::time_point since) {
    return std::chrono::duration<double, std::milli>(Clock::now() - since).count();
}

struct Samples {
    std::vector<double> ms;
    double percentile(double p) const {
        auto sorted = ms;
        std::sort(sorted.begin(), sorted.end());
        const auto index =
            static_cast<std::size_t>(p / 100.0 * static_cast<double>(sorted.size() - 1) + 0.5);
        return sorted[std::min(index, sorted.size() - 1)];
    }
};

// Runs `run` untimed `runs / 8` times first (caches, WAL, statement preparation), then timed.
inline Samples time_each(int runs, const std::function<void(int)>& run) {
    for (int i = 0; i < runs / 8; ++i)
        run(runs + i);
    Samples samples;
    for (int i = 0; i < runs; ++i) {
        const auto start = Clock::now();
        run(i);
        samples.ms.push_back(elapsed_ms(start));
    }
    return samples;
}

// One line per figure: what, value, target, and whether the target is met.
inline void report(const std::string& what, double value, const std::string& unit, double target,
                   const std::string& extra = "") {
    std::printf("%-58s %10.3f %-3s (target <= %g %s) %s%s\n", what.c_str(), value, unit.c_str(),
                target, unit.c_str(), value <= target ? "MEETS" : "MISSES",
                extra.empty() ? "" : ("  " + extra).c_str());
}

}  // namespace knotnotes::bench

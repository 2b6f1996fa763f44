// run_at_once.hpp — n writers at once, for the tests of concurrent clinic-server writers.
#pragma once

#include <exception>
#include <string>
#include <thread>
#include <vector>

namespace knotnotes::test {

// Runs work(0) ... work(n - 1) on n threads at once; what each threw, "" when nothing.
template <typename Work>
std::vector<std::string> run_at_once(int n, Work work) {
    std::vector<std::string> failures(static_cast<std::size_t>(n));
    std::vector<std::thread> threads;
    for (int i = 0; i < n; ++i) {
        threads.emplace_back([&, i] {
            try {
                work(i);
            } catch (const std::exception& e) {
                failures[static_cast<std::size_t>(i)] = e.what();
            }
        });
    }
    for (auto& thread : threads)
        thread.join();
    return failures;
}

}  // namespace knotnotes::test

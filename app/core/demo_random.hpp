// demo_random.hpp — a small deterministic random source for demo data: the same seed gives
// the same records on every machine and compiler (std::uniform_int_distribution does not
// promise that), using SplitMix64.
#pragma once

#include <cstdint>
#include <vector>

namespace knotnotes::core {

class DemoRandom {
  public:
    explicit DemoRandom(std::uint64_t seed) : state_(seed) {}

    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    // Uniform in [low, high], both inclusive.
    int between(int low, int high) {
        const auto span = static_cast<std::uint64_t>(high - low) + 1;
        return low + static_cast<int>(next() % span);
    }
    bool chance(int percent) { return between(1, 100) <= percent; }
    double unit() { return static_cast<double>(next() >> 11) / 9007199254740992.0; }
    template <typename T>
    const T& pick(const std::vector<T>& items) {
        return items[static_cast<std::size_t>(between(0, static_cast<int>(items.size()) - 1))];
    }

  private:
    std::uint64_t state_;
};

}  // namespace knotnotes::core

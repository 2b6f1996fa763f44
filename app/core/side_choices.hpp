// side_choices.hpp — the one order in which every control offers a side (technique site,
// pressure reading, knot): left, right, both sides, midline.
#pragma once

#include <array>

#include <knotnotes/sdk/vocabulary.hpp>

namespace knotnotes::core {

inline constexpr std::array<sdk::Side, 4> side_choices{sdk::Side::left, sdk::Side::right,
                                                       sdk::Side::bilateral, sdk::Side::midline};

constexpr int side_choice_index(sdk::Side side) {
    for (std::size_t i = 0; i < side_choices.size(); ++i) {
        if (side_choices[i] == side)
            return static_cast<int>(i);
    }
    return 0;
}

}  // namespace knotnotes::core

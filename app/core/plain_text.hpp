// plain_text.hpp — the small text helpers core shares: ASCII whitespace trimmed, ASCII letters
// lower-cased (for matching headers, ids and typed words; other letters are left as they are).
#pragma once

#include <cctype>
#include <string>
#include <string_view>

namespace knotnotes::core {

inline std::string trimmed(std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
        text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
        text.remove_suffix(1);
    return std::string(text);
}

inline std::string ascii_lower(std::string_view text) {
    std::string out(text);
    for (auto& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

}  // namespace knotnotes::core

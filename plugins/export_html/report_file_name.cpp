// report_file_name.cpp — file-name-safe client names: ASCII transliteration of Latin-1 letters.
#include "report_file_name.hpp"

#include <array>
#include <string_view>

namespace knotnotes::export_html {

namespace {

constexpr std::size_t max_name_part = 40;

// ASCII for U+00C0..U+00FF (the accented letters of Western European names); "" for the two
// symbols in that block (× and ÷), which become a separator like any other symbol.
// clang-format off
constexpr std::array<std::string_view, 64> latin1_letters{{
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "ss",
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "y",
}};
// clang-format on

// Lower-case ASCII letters and digits, everything else collapsed to single '-', no '-' at the
// ends, at most max_name_part characters.
std::string name_part(std::string_view text) {
    std::string part;
    bool separator_pending = false;
    const auto add = [&](std::string_view letters) {
        if (separator_pending && !part.empty())
            part += '-';
        separator_pending = false;
        part += letters;
    };
    for (std::size_t i = 0; i < text.size() && part.size() < max_name_part; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            add(std::string_view(&text[i], 1));
        } else if (c >= 'A' && c <= 'Z') {
            const char lower = static_cast<char>(c - 'A' + 'a');
            add(std::string_view(&lower, 1));
        } else if (c == 0xC3 && i + 1 < text.size() &&
                   static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
                   static_cast<unsigned char>(text[i + 1]) <= 0xBF) {
            // U+00C0..U+00FF is encoded as 0xC3 0x80..0xBF.
            const auto letters = latin1_letters[static_cast<unsigned char>(text[i + 1]) - 0x80];
            ++i;
            if (letters.empty())
                separator_pending = true;
            else
                add(letters);
        } else {
            separator_pending = true;
        }
    }
    if (part.size() > max_name_part)
        part.resize(max_name_part);
    while (!part.empty() && part.back() == '-')
        part.pop_back();
    return part;
}

}  // namespace

std::string client_report_file_name(const sdk::Client& client) {
    std::string name = "client-" + std::to_string(client.id);
    for (const auto& part : {name_part(client.family_name), name_part(client.given_name)}) {
        if (!part.empty())
            name += "-" + part;
    }
    return name + ".html";
}

}  // namespace knotnotes::export_html

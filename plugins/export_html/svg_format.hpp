// svg_format.hpp — numbers as SVG coordinates: one decimal, always with '.', whatever the
// locale the host application runs in (printf would write "12,5" under a German locale).
#pragma once

#include <charconv>
#include <string>

namespace knotnotes::export_html {

inline std::string svg_number(double value) {
    char buffer[32];
    const auto result =
        std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, 1);
    std::string text(buffer, result.ptr);
    if (text.size() > 2 && text.compare(text.size() - 2, 2, ".0") == 0)
        text.resize(text.size() - 2);  // "12" rather than "12.0": smaller files
    if (text == "-0")
        text = "0";
    return text;
}

}  // namespace knotnotes::export_html

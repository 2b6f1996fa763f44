#include "xml_text.hpp"

#include <charconv>

namespace knotnotes::xml {
namespace {

std::string escape(std::string_view text, bool attribute) {
    std::string out;
    out.reserve(text.size() + 8);
    for (char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '\r':
                out += "&#13;";
                break;
            case '"':
                out += attribute ? "&quot;" : "\"";
                break;
            case '\n':
                out += attribute ? "&#10;" : "\n";
                break;
            case '\t':
                out += attribute ? "&#9;" : "\t";
                break;
            default:
                if (c < 0x20) {
                    out += "\xEF\xBF\xBD";  // U+FFFD: XML 1.0 has no way to carry it
                } else {
                    out += ch;
                }
        }
    }
    return out;
}

}  // namespace

std::string escape_text(std::string_view text) {
    return escape(text, false);
}

std::string escape_attribute(std::string_view text) {
    return escape(text, true);
}

std::string number(double value) {
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

}  // namespace knotnotes::xml

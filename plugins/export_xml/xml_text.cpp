#include "xml_text.hpp"

#include <charconv>

#include <knotnotes/sdk/xml_text.hpp>

namespace knotnotes::xml {
std::string escape_text(std::string_view text) {
    return sdk::xml_escape(text, false);
}

std::string escape_attribute(std::string_view text) {
    return sdk::xml_escape(text, true);
}

std::string number(double value) {
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

}  // namespace knotnotes::xml

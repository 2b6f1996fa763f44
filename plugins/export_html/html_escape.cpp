// html_escape.cpp — character references for the five special characters, and UTF-8 repair.
#include "html_escape.hpp"

#include <knotnotes/sdk/xml_text.hpp>

namespace knotnotes::export_html {

namespace {

constexpr std::string_view replacement_character = "\xEF\xBF\xBD";

}  // namespace

std::string html_escape(std::string_view text) {
    std::string escaped;
    escaped.reserve(text.size() + text.size() / 8);
    for (std::size_t i = 0; i < text.size();) {
        const char c = text[i];
        const auto code = static_cast<unsigned char>(c);
        if (code >= 0x80) {
            const std::size_t length = sdk::decode_utf8(text, i).length;
            if (length == 0) {
                escaped += replacement_character;
                ++i;
            } else {
                escaped.append(text, i, length);
                i += length;
            }
            continue;
        }
        switch (c) {
            case '&':
                escaped += "&amp;";
                break;
            case '<':
                escaped += "&lt;";
                break;
            case '>':
                escaped += "&gt;";
                break;
            case '"':
                escaped += "&quot;";
                break;
            case '\'':
                escaped += "&#39;";
                break;
            default:
                if ((code >= 0x20 && code != 0x7F) || c == '\t' || c == '\n' || c == '\r')
                    escaped += c;
                break;
        }
        ++i;
    }
    return escaped;
}

}  // namespace knotnotes::export_html

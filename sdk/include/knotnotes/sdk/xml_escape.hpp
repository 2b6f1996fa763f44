// xml_escape.hpp — escaping text for XML output, for plugins that write XML by hand (a
// streaming writer holds no document to escape for it).
//
// Specification
// - Element text: & < > become entity references, CR becomes &#13; (so it survives line-end
//   normalisation); tab and LF stay as they are.
// - Attribute values (attribute = true): also ", tab, LF and CR as references, so they survive
//   attribute-value normalisation and the value reads back unchanged.
// - C0 control characters other than tab, LF and CR cannot appear in XML 1.0 at all: each
//   becomes U+FFFD. Nothing else is changed (UTF-8 passes through as it is).
// - Header-only, standard library only; never throws except std::bad_alloc.
#pragma once

#include <string>
#include <string_view>

namespace knotnotes::sdk {

inline std::string xml_escape(std::string_view text, bool attribute) {
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
                    out += "\xEF\xBF\xBD";  // U+FFFD
                } else {
                    out += ch;
                }
        }
    }
    return out;
}

}  // namespace knotnotes::sdk

// SPDX-License-Identifier: MIT
// xml_text.hpp — text for XML output: checked, then escaped. Every plugin that writes XML by
// hand (a streaming writer holds no document to do it for it) goes through here, so no
// export is ever an XML file that is not well-formed.
//
// Specification
// - XML text is valid UTF-8 (no overlong forms, surrogates or code points above U+10FFFF)
//   holding only the characters XML 1.0 allows: tab, LF, CR, U+0020..U+D7FF, U+E000..U+FFFD,
//   U+10000..U+10FFFF. xml_text_problem() says what is wrong with a text that is not ("byte
//   0xE9 at byte 4 is not UTF-8", "U+0007 at byte 12 is a control character XML cannot
//   hold"), or returns "" for XML text.
// - Text that is not XML text is never changed to fit: what is stored is a clinical record.
//   The escaping functions refuse it with XmlTextError (a PluginError), and an exporter adds
//   which record and field it was (exporter.hpp); the user corrects the record in KnotNotes
//   or leaves it out of the export. Such text can only come from databases written before
//   KnotNotes checked its input.
// - Escaping, for XML text: & < > become entity references, CR becomes &#13; (so it survives
//   line-end normalisation); tab and LF stay as they are. In attribute values
//   (attribute = true) also ", tab, LF and CR become references, so they survive
//   attribute-value normalisation and the value reads back unchanged.
// - append_xml_escaped() appends to a buffer the caller reuses (no allocation once it has
//   grown) and returns false, having appended nothing, for text that is not XML text.
// Header-only, standard library only.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "knotnotes/sdk/plugin_error.hpp"

namespace knotnotes::sdk {

class XmlTextError : public PluginError {
  public:
    using PluginError::PluginError;
};

namespace xml_detail {

inline bool is_xml_char(std::uint32_t c) {
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
           (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

inline std::string hex(std::uint32_t value, int digits) {
    static const char* const digit = "0123456789ABCDEF";
    std::string text(static_cast<std::size_t>(digits), '0');
    for (int i = digits - 1; i >= 0; --i, value >>= 4)
        text[static_cast<std::size_t>(i)] = digit[value & 0xF];
    return text;
}

// The ASCII bytes copied as they are: most of any export, so they are told apart by one
// table look-up instead of the chain of comparisons the other bytes go through.
struct PlainAscii {
    bool text[128] = {};
    bool attribute[128] = {};
};

inline constexpr PlainAscii plain_ascii = [] {
    PlainAscii plain;
    for (int b = 0x20; b < 0x80; ++b) {
        const bool special = b == '&' || b == '<' || b == '>';
        plain.text[b] = !special;
        plain.attribute[b] = !special && b != '"';
    }
    plain.text['\t'] = plain.text['\n'] = true;
    return plain;
}();

// Whether any of the 8 bytes in `word` may need more than a copy: a byte at or above 0x80, below
// 0x20, or one of & < > ". (Tab and LF in text, and " in text, are copied after all: they take
// the byte-by-byte path, which knows.) Exports are mostly runs of plain ASCII, and this lets
// them through 8 bytes at a time; the answer for the word as a whole is exact.
inline bool may_need_escaping(std::uint64_t word) {
    constexpr std::uint64_t ones = 0x0101010101010101ULL;
    constexpr std::uint64_t highs = 0x8080808080808080ULL;
    const auto has_byte = [](std::uint64_t w, unsigned char c) {
        const std::uint64_t x = w ^ (ones * c);
        return ((x - ones) & ~x & highs) != 0;
    };
    if ((word & highs) != 0)
        return true;
    if (((word - ones * 0x20) & ~word & highs) != 0)  // a byte below 0x20 (none is >= 0x80)
        return true;
    return has_byte(word, '&') || has_byte(word, '<') || has_byte(word, '>') || has_byte(word, '"');
}

}  // namespace xml_detail

// Decodes the UTF-8 character at text[i]: its code point and length in bytes, or length 0
// when the bytes there are not UTF-8.
struct CodePoint {
    std::uint32_t value = 0;
    std::size_t length = 0;
};

inline CodePoint decode_utf8(std::string_view text, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char b0 = byte(i);
    if (b0 < 0x80)
        return {b0, 1};
    std::size_t length = 0;
    std::uint32_t value = 0, least = 0;
    if ((b0 & 0xE0) == 0xC0) {
        length = 2, value = b0 & 0x1F, least = 0x80;
    } else if ((b0 & 0xF0) == 0xE0) {
        length = 3, value = b0 & 0x0F, least = 0x800;
    } else if ((b0 & 0xF8) == 0xF0) {
        length = 4, value = b0 & 0x07, least = 0x10000;
    } else {
        return {};
    }
    if (i + length > text.size())
        return {};
    for (std::size_t k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80)
            return {};
        value = (value << 6) | (byte(i + k) & 0x3F);
    }
    if (value < least || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
        return {};
    return {value, length};
}

inline std::string xml_text_problem(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        const auto c = decode_utf8(text, i);
        if (c.length == 0) {
            return "byte 0x" + xml_detail::hex(static_cast<unsigned char>(text[i]), 2) +
                   " at byte " + std::to_string(i) + " is not UTF-8";
        }
        if (!xml_detail::is_xml_char(c.value)) {
            return "U+" + xml_detail::hex(c.value, 4) + " at byte " + std::to_string(i) +
                   (c.value < 0x20 ? " is a control character XML cannot hold"
                                   : " is a character XML cannot hold");
        }
        i += c.length;
    }
    return {};
}

inline bool append_xml_escaped(std::string& out, std::string_view text, bool attribute) {
    const auto start = out.size();
    std::size_t run = 0;  // start of the bytes not yet appended
    auto flush = [&](std::size_t end) { out.append(text.data() + run, end - run); };
    const bool* plain =
        attribute ? xml_detail::plain_ascii.attribute : xml_detail::plain_ascii.text;
    for (std::size_t i = 0; i < text.size();) {
        if (i + 8 <= text.size()) {
            std::uint64_t word;
            std::memcpy(&word, text.data() + i, sizeof word);
            if (!xml_detail::may_need_escaping(word)) {
                i += 8;
                continue;
            }
        }
        const auto b = static_cast<unsigned char>(text[i]);
        if (b < 0x80 && plain[b]) {
            ++i;
            continue;
        }
        const char* entity = nullptr;
        std::size_t length = 1;
        if (b >= 0x80) {
            const auto c = decode_utf8(text, i);
            if (c.length == 0 || !xml_detail::is_xml_char(c.value)) {
                out.resize(start);
                return false;
            }
            length = c.length;
        } else if (b == '&') {
            entity = "&amp;";
        } else if (b == '<') {
            entity = "&lt;";
        } else if (b == '>') {
            entity = "&gt;";
        } else if (b == '\r') {
            entity = "&#13;";
        } else if (b == '"' && attribute) {
            entity = "&quot;";
        } else if (b == '\n' && attribute) {
            entity = "&#10;";
        } else if (b == '\t' && attribute) {
            entity = "&#9;";
        } else if (b < 0x20 && b != '\n' && b != '\t') {
            out.resize(start);
            return false;
        }
        if (entity) {
            flush(i);
            out += entity;
            run = i + 1;
        }
        i += length;
    }
    flush(text.size());
    return true;
}

// The PluginError an exporter throws for a record it cannot write (exporter.hpp): `record` says
// which ("the session of 2026-11-25T09:30:00.000Z (uid ...)"), `problem` what is wrong with
// which field.
inline PluginError unwritable_record(const std::string& record, const std::string& problem) {
    return PluginError("cannot export " + record + ": " + problem +
                       ". KnotNotes does not change a clinical record to make it fit; correct it "
                       "in KnotNotes (with an amendment, for a signed note), or leave it out of "
                       "the export (--client, --since, --until)");
}

// The escaped text; throws XmlTextError, saying what is wrong, for text that is not XML text.
inline std::string xml_escape(std::string_view text, bool attribute) {
    std::string out;
    out.reserve(text.size() + 8);
    if (!append_xml_escaped(out, text, attribute))
        throw XmlTextError(xml_text_problem(text));
    return out;
}

}  // namespace knotnotes::sdk

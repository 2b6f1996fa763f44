// append_xml_escaped() lets plain ASCII through 8 bytes at a time (sdk/xml_text.hpp): every byte
// that needs escaping, or refusing, is still found wherever it sits in those 8 bytes, in texts
// of every length around them, in text and in attribute values.
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include <knotnotes/sdk/xml_text.hpp>

using knotnotes::sdk::append_xml_escaped;

namespace {

struct Case {
    std::string raw;       // what is in the record
    std::string in_text;   // how it is written in element text ("" with refused: never)
    std::string in_value;  // how it is written in an attribute value
    bool refused = false;  // not XML text
};

const std::vector<Case> cases{
    {"&", "&amp;", "&amp;"},
    {"<", "&lt;", "&lt;"},
    {">", "&gt;", "&gt;"},
    {"\"", "\"", "&quot;"},
    {"\t", "\t", "&#9;"},
    {"\n", "\n", "&#10;"},
    {"\r", "&#13;", "&#13;"},
    {"é", "é", "é"},                                               // 2 bytes
    {"€", "€", "€"},                                               // 3 bytes
    {"\xf0\x9f\x92\x86", "\xf0\x9f\x92\x86", "\xf0\x9f\x92\x86"},  // 4 bytes
    {"~", "~", "~"},         // 0x7e: plain, beside the specials
    {" ", " ", " "},         // 0x20: the lowest plain byte
    {"\x07", "", "", true},  // a control character
    {"\x1f", "", "", true},
    {"\xff", "", "", true},          // not UTF-8
    {"\xc3", "", "", true},          // UTF-8 cut short
    {"\xed\xa0\x80", "", "", true},  // a surrogate
    {std::string(1, '\0'), "", "", true},
};

}  // namespace

TEST_CASE("XML escaping finds every special byte wherever it sits among plain ones", "[sdk][xml]") {
    const std::string plain = "Upper trapezius, left side";  // 26 plain bytes
    for (const auto& c : cases) {
        for (std::size_t length = 0; length <= 20; ++length) {
            for (std::size_t at = 0; at <= length; ++at) {
                const std::string before = plain.substr(0, at);
                const std::string after = plain.substr(at, length - at);
                for (const bool attribute : {false, true}) {
                    INFO("the byte(s) " << c.raw.size() << " long at " << at << " of "
                                        << length + c.raw.size() << " bytes, attribute "
                                        << attribute);
                    std::string out = "kept:";
                    const bool ok = append_xml_escaped(out, before + c.raw + after, attribute);
                    if (c.refused) {
                        CHECK_FALSE(ok);
                        CHECK(out == "kept:");  // nothing appended
                    } else {
                        CHECK(ok);
                        CHECK(out ==
                              "kept:" + before + (attribute ? c.in_value : c.in_text) + after);
                    }
                }
            }
        }
    }
}

TEST_CASE("XML escaping copies runs of plain text of every length unchanged", "[sdk][xml]") {
    std::string text;
    for (int length = 0; length < 40; ++length) {
        std::string out;
        CHECK(append_xml_escaped(out, text, true));
        CHECK(out == text);
        text += static_cast<char>(0x20 + (length * 7) % 0x5f);  // every plain ASCII byte turns up
        if (text.back() == '"' || text.back() == '&' || text.back() == '<' || text.back() == '>')
            text.back() = 'k';
    }
}

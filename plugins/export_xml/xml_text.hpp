// xml_text.hpp — writing XML text by hand, for a streaming writer that never holds a document:
// escaping for element text and attribute values, and numbers written so they read back
// exactly (shortest round-trip form), which makes export -> import -> export byte-identical.
#pragma once

#include <string>
#include <string_view>

namespace knotnotes::xml {

// Element text and attribute values, escaped as sdk::xml_escape specifies.
std::string escape_text(std::string_view text);
std::string escape_attribute(std::string_view text);
std::string number(double value);

}  // namespace knotnotes::xml

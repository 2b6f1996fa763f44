// html_escape.hpp — turns any record text into text safe inside HTML (and SVG) element content
// and quoted attribute values.
#pragma once

#include <string>
#include <string_view>

namespace knotnotes::export_html {

// Escapes & < > " ' as character references. Also repairs what would make the report invalid:
// bytes that are not UTF-8 become U+FFFD and control characters other than tab, LF and CR are
// dropped, since neither may appear in an HTML document (records may come from old imports).
std::string html_escape(std::string_view text);

}  // namespace knotnotes::export_html

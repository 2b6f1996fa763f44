// html_fragments.hpp — small pieces of markup the report's sections share: facts (dt/dd),
// table heads and cells, and the display forms of a few values. Text arguments are escaped
// here; arguments named *_html are markup already.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include <knotnotes/sdk/vocabulary.hpp>

#include "html_escape.hpp"

namespace knotnotes::export_html {

inline std::string fact_html(std::string_view label, const std::string& value_html) {
    return "<dt>" + html_escape(label) + "</dt><dd>" + value_html + "</dd>\n";
}

// A fact whose value is plain text; nothing at all when the text is empty.
inline std::string fact(std::string_view label, std::string_view text) {
    return text.empty() ? std::string() : fact_html(label, html_escape(text));
}

inline std::string table_head(std::initializer_list<std::string_view> columns) {
    std::string html = "<table>\n<thead><tr>";
    for (const auto column : columns)
        html += "<th>" + html_escape(column) + "</th>";
    return html + "</tr></thead>\n<tbody>\n";
}

inline constexpr std::string_view table_end = "</tbody>\n</table>\n";

inline std::string cell(std::string_view text) {
    return "<td>" + html_escape(text) + "</td>";
}

inline std::string number_cell(std::string_view text) {
    return "<td class=\"number\">" + html_escape(text) + "</td>";
}

// "7 (deep)": the number the therapist charted with the word clients use.
inline std::string pressure_text(int pressure) {
    return std::to_string(pressure) + " (" + std::string(sdk::pressure_word(pressure)) + ")";
}

inline std::string pressure_text(const std::optional<int>& pressure) {
    return pressure ? pressure_text(*pressure) : std::string();
}

}  // namespace knotnotes::export_html

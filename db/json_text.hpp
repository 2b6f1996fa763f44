// json_text.hpp — writes the small JSON values the schema stores in TEXT columns (health flag
// lists, questionnaire answers). Reading them back is done in SQL with json_each().
#pragma once

#include <string>
#include <vector>

namespace knotnotes::db {

// A JSON string literal, quotes included, with every character JSON requires escaped.
std::string json_quote(const std::string& text);
std::string json_string_array(const std::vector<std::string>& items);

}  // namespace knotnotes::db

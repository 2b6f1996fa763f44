// json_text.hpp — writes the small JSON values the schema stores in TEXT columns (health flag
// lists, questionnaire answers). Reading them back is done in SQL with json_each().
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <knotnotes/sdk/vocabulary.hpp>

namespace knotnotes::db {

// A JSON string literal, quotes included, with every character JSON requires escaped.
std::string json_quote(const std::string& text);
std::string json_string_array(const std::vector<std::string>& items);

// A number in JSON's (and the C locale's) form, the shortest text that reads back exactly.
std::string json_number(double value);

// Chart points as [[x,y],...] (a knot's referral area), and back. The reader takes exactly what
// the writer makes, whitespace allowed; anything else reads as no points.
std::string json_point_array(const std::vector<sdk::ChartPoint>& points);
std::vector<sdk::ChartPoint> parse_json_point_array(std::string_view json);

}  // namespace knotnotes::db

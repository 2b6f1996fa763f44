// iso_date.hpp — reading the ISO 8601 dates and times of the records ("2026-11-25",
// "2026-11-25T09:30:00Z") for display and for placing them on a time axis.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace knotnotes::export_html {

// Days since 1970-01-01 of the date the text starts with, or nullopt if it does not start with
// a valid YYYY-MM-DD.
std::optional<long> day_number(std::string_view iso_date_or_time);

// "2026-11-25" from either form; the text itself when it is not ISO 8601.
std::string date_part(std::string_view iso_date_or_time);

// "2026-11-25 09:30 UTC" from "2026-11-25T09:30:00Z"; the date alone for a date; the text
// itself when it is not ISO 8601.
std::string readable_time(std::string_view iso_time);

}  // namespace knotnotes::export_html

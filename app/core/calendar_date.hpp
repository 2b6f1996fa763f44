// calendar_date.hpp — the one test of a stored date: "YYYY-MM-DD" naming a real day of the
// Gregorian calendar (birth dates, consent dates, export ranges).
#pragma once

#include <string_view>

namespace knotnotes::core {

bool is_calendar_date(std::string_view date);

}  // namespace knotnotes::core

// timestamps.hpp — the one way records are stamped: ISO 8601 UTC with milliseconds,
// "2026-11-25T09:30:00.123Z", which sorts as text in time order.
#pragma once

#include <string>

namespace knotnotes::db {

std::string utc_now();

}  // namespace knotnotes::db

// local_time.hpp — the one home of the UTC <-> local time conversion. Records store times in
// UTC ("2026-11-25T09:30:00.123Z"); every view shows them, and every date a person chooses is
// meant, in the local time zone of the machine (the TZ environment variable, else
// /etc/localtime). Everything here formats digits only, never through the locale.
#pragma once

#include <optional>
#include <string>

namespace knotnotes::core {

// "2026-11-25T09:30:00.123Z" -> "2026-11-25 10:30" in local time (Europe/Paris). Text that is
// not a UTC timestamp is returned unchanged, so nothing is ever hidden.
std::string local_time_text(const std::string& utc);
// The local calendar date of a UTC timestamp: "2026-11-25"; unchanged when not a timestamp.
std::string local_date_text(const std::string& utc);

// The UTC instant at which local day `date` ("YYYY-MM-DD") starts, as a stored timestamp
// ("2026-11-24T23:00:00.000Z" for 2026-11-25 in Paris); empty when `date` is not a date.
std::string utc_start_of_local_day(const std::string& date);
// The last stored millisecond of local day `date` ("2026-11-25T22:59:59.999Z" in Paris).
std::string utc_end_of_local_day(const std::string& date);

// Today's local date, "YYYY-MM-DD".
std::string local_today();

// Whole years from `birth_date` to `on_date` (both "YYYY-MM-DD"); empty when either is not a
// date or the birth date is after `on_date`.
std::optional<int> age_in_years(const std::string& birth_date, const std::string& on_date);

}  // namespace knotnotes::core

// SPDX-License-Identifier: MIT
// timestamps.hpp — is a record's date or time text real? (records.hpp says what they look like)
//
// Specification
// - is_iso_date(): "YYYY-MM-DD" naming a day of the Gregorian calendar (years 0001-9999,
//   29 February only in leap years). "2026-02-30", "2026-2-3" and "yesterday" are not.
// - is_utc_timestamp(): "YYYY-MM-DDTHH:MM:SS" with a real date, hours 00-23, minutes and
//   seconds 00-59, then an optional fraction of 1 to 9 digits, then "Z". Local times, offsets
//   and leap seconds are not: records are stored in UTC.
// Header-only, standard library only, no locale.
#pragma once

#include <string_view>

namespace knotnotes::sdk {

namespace timestamps_detail {

inline bool digits(std::string_view text, std::size_t at, std::size_t count, int& value) {
    if (at + count > text.size())
        return false;
    value = 0;
    for (std::size_t i = at; i < at + count; ++i) {
        if (text[i] < '0' || text[i] > '9')
            return false;
        value = value * 10 + (text[i] - '0');
    }
    return true;
}

}  // namespace timestamps_detail

inline bool is_iso_date(std::string_view text) {
    using timestamps_detail::digits;
    int year = 0, month = 0, day = 0;
    if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !digits(text, 0, 4, year) ||
        !digits(text, 5, 2, month) || !digits(text, 8, 2, day)) {
        return false;
    }
    static constexpr int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (year < 1 || month < 1 || month > 12 || day < 1 || day > days[month - 1])
        return false;
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return !(month == 2 && day == 29 && !leap);
}

inline bool is_utc_timestamp(std::string_view text) {
    using timestamps_detail::digits;
    int hour = 0, minute = 0, second = 0;
    if (text.size() < 20 || !is_iso_date(text.substr(0, 10)) || text[10] != 'T' ||
        text[13] != ':' || text[16] != ':' || !digits(text, 11, 2, hour) ||
        !digits(text, 14, 2, minute) || !digits(text, 17, 2, second) || hour > 23 || minute > 59 ||
        second > 59 || text.back() != 'Z') {
        return false;
    }
    const auto fraction = text.substr(19, text.size() - 20);
    if (fraction.empty())
        return true;
    int ignored = 0;
    return fraction[0] == '.' && fraction.size() >= 2 && fraction.size() <= 10 &&
           digits(fraction, 1, fraction.size() - 1, ignored);
}

}  // namespace knotnotes::sdk

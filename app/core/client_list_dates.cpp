#include "core/client_list_dates.hpp"

#include <array>
#include <cctype>
#include <cstdio>

#include "core/calendar_date.hpp"
#include "core/plain_text.hpp"

namespace knotnotes::core {
namespace {

// The pieces of a date: runs of digits and of letters, in order; separators dropped.
std::vector<std::string> pieces(std::string_view text) {
    std::vector<std::string> out;
    std::string current;
    int kind = 0;  // 1 digits, 2 letters
    for (const char c : text) {
        const unsigned char u = static_cast<unsigned char>(c);
        const int k = std::isdigit(u) ? 1 : std::isalpha(u) ? 2 : 0;
        if (k != kind && !current.empty()) {
            out.push_back(current);
            current.clear();
        }
        kind = k;
        if (k != 0)
            current += c;
    }
    if (!current.empty())
        out.push_back(current);
    return out;
}

bool all_digits(const std::string& s) {
    for (const char c : s) {
        if (!std::isdigit(static_cast<unsigned char>(c)))
            return false;
    }
    return !s.empty();
}

int month_named(const std::string& word) {
    static constexpr std::array<const char*, 12> names = {
        "january", "february", "march",     "april",   "may",      "june",
        "july",    "august",   "september", "october", "november", "december"};
    const auto w = ascii_lower(word);
    if (w.size() < 3)
        return 0;
    for (std::size_t m = 0; m < names.size(); ++m) {
        const std::string name = names[m];
        if (name.compare(0, w.size(), w) == 0 || (w == "sept" && m == 8))
            return static_cast<int>(m) + 1;
    }
    return 0;
}

std::string iso(int year, int month, int day) {
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", year, month, day);
    return is_calendar_date(text) ? std::string(text) : std::string();
}

// A date written with numbers only and the year last: both readings (empty when impossible).
struct NumericReadings {
    bool numeric = false;  // "a/b/yyyy"
    std::string day_first, month_first;
};

// The date without the midnight time a spreadsheet adds ("1980-03-12 00:00:00",
// "3/12/1980 12:00:00 AM", "1980-03-12T00:00"); nullopt when the time is not midnight (a
// shifted time zone may have moved the day).
std::optional<std::string> without_midnight(const std::string& text) {
    const auto colon = text.find(':');
    if (colon == std::string::npos)
        return text;
    const auto start = text.find_last_of(" T", colon);
    if (start == std::string::npos || start == 0)
        return std::nullopt;
    const auto time = ascii_lower(text.substr(start + 1));
    bool midnight = true;
    const bool twelve_am = time.rfind("12:", 0) == 0 && time.find("am") != std::string::npos;
    for (std::size_t i = twelve_am ? 2 : 0; i < time.size(); ++i) {
        const char c = time[i];
        if (std::isdigit(static_cast<unsigned char>(c)) && c != '0')
            midnight = false;
    }
    if (!midnight)
        return std::nullopt;
    return trimmed(text.substr(0, start));
}

std::vector<std::string> date_pieces(std::string_view text) {
    const auto date = without_midnight(std::string(text));
    return date ? pieces(*date) : std::vector<std::string>{};
}

NumericReadings numeric_readings(std::string_view text) {
    const auto p = date_pieces(text);
    NumericReadings r;
    if (p.size() != 3 || !all_digits(p[0]) || !all_digits(p[1]) || !all_digits(p[2]) ||
        p[0].size() > 2 || p[1].size() > 2 || p[2].size() != 4)
        return r;
    r.numeric = true;
    const int a = std::stoi(p[0]), b = std::stoi(p[1]), year = std::stoi(p[2]);
    r.day_first = iso(year, b, a);
    r.month_first = iso(year, a, b);
    return r;
}

}  // namespace

std::optional<DateOrder> parse_date_order(std::string_view text) {
    const auto t = ascii_lower(trimmed(text));
    if (t == "dmy" || t == "dd/mm/yyyy" || t == "day-first" || t == "d/m/y")
        return DateOrder::day_first;
    if (t == "mdy" || t == "mm/dd/yyyy" || t == "month-first" || t == "m/d/y")
        return DateOrder::month_first;
    return std::nullopt;
}

BirthDate read_birth_date(std::string_view raw, DateOrder order) {
    const auto text = trimmed(raw);
    if (text.empty())
        return {};
    const auto quoted = "\"" + text + "\"";
    if (!without_midnight(text))
        return {{}, quoted + " has a time of day; a date of birth is a day (write YYYY-MM-DD)"};
    const auto p = date_pieces(text);
    // Year first: ISO and its slash and dot forms.
    if (p.size() == 3 && all_digits(p[0]) && p[0].size() == 4 && all_digits(p[1]) &&
        all_digits(p[2]) && p[1].size() <= 2 && p[2].size() <= 2) {
        const auto date = iso(std::stoi(p[0]), std::stoi(p[1]), std::stoi(p[2]));
        return date.empty() ? BirthDate{{}, quoted + " is not a real day"} : BirthDate{date, {}};
    }
    // A month name: "12 Mar 1980", "12-Mar-1980", "March 12, 1980", "Mar 12 1980".
    if (p.size() == 3 && all_digits(p[2]) && (month_named(p[0]) || month_named(p[1]))) {
        if (p[2].size() != 4)
            return {{}, quoted + " has a two-digit year; write the year in full (1980)"};
        const bool month_first = month_named(p[0]) != 0;
        const auto& day = month_first ? p[1] : p[0];
        if (!all_digits(day) || day.size() > 2)
            return {{}, quoted + " is not a date KnotNotes can read"};
        const auto date =
            iso(std::stoi(p[2]), month_named(month_first ? p[0] : p[1]), std::stoi(day));
        return date.empty() ? BirthDate{{}, quoted + " is not a real day"} : BirthDate{date, {}};
    }
    const auto readings = numeric_readings(text);
    if (!readings.numeric) {
        if (p.size() == 3 && all_digits(p[0]) && all_digits(p[1]) && all_digits(p[2]) &&
            p[2].size() == 2)
            return {{}, quoted + " has a two-digit year; write the year in full (1980)"};
        return {{}, quoted + " is not a date KnotNotes can read (write it as YYYY-MM-DD)"};
    }
    if (readings.day_first == readings.month_first && !readings.day_first.empty())
        return {readings.day_first, {}};  // 05/05/1980: the same either way
    if (readings.day_first.empty() && readings.month_first.empty())
        return {{}, quoted + " is not a real day"};
    if (order == DateOrder::unknown && readings.day_first.empty() != readings.month_first.empty())
        return {readings.day_first + readings.month_first, {}};  // 25/12/1975: one way only
    const auto& chosen = order == DateOrder::day_first     ? readings.day_first
                         : order == DateOrder::month_first ? readings.month_first
                                                           : std::string();
    if (!chosen.empty())
        return {chosen, {}};
    if (order == DateOrder::unknown) {
        return {{}, quoted + " could be day first or month first; say which the file uses"};
    }
    return {{},
            quoted + " is not a real day when the " +
                (order == DateOrder::day_first ? "day" : "month") + " comes first"};
}

DateOrder decide_date_order(const std::vector<DatedLine>& dates, DateOrder requested,
                            const std::string& file_name) {
    if (requested != DateOrder::unknown)
        return requested;
    const DatedLine* only_day_first = nullptr;    // possible day first only
    const DatedLine* only_month_first = nullptr;  // possible month first only
    const DatedLine* either = nullptr;            // possible both ways, and different
    for (const auto& d : dates) {
        const auto r = numeric_readings(d.text);
        if (!r.numeric)
            continue;
        if (!r.day_first.empty() && r.month_first.empty() && !only_day_first)
            only_day_first = &d;
        else if (r.day_first.empty() && !r.month_first.empty() && !only_month_first)
            only_month_first = &d;
        else if (!r.day_first.empty() && r.day_first != r.month_first && !either)
            either = &d;
    }
    const auto at = [&](const DatedLine& d) {
        return "line " + std::to_string(d.line) + " (\"" + d.text + "\")";
    };
    if (only_day_first && only_month_first) {
        throw DateOrderError(
            file_name + ": the dates of birth are written in two orders: " + at(*only_day_first) +
                " has the day first, " + at(*only_month_first) +
                " the month first. Correct one of them and import again.",
            false);
    }
    if (only_day_first)
        return DateOrder::day_first;
    if (only_month_first)
        return DateOrder::month_first;
    if (either) {
        const auto r = numeric_readings(either->text);
        throw DateOrderError(file_name +
                                 ": the dates of birth could have the day or the month "
                                 "first, and nothing in the file tells which: " +
                                 at(*either) + " is " + r.day_first + " day first, " +
                                 r.month_first + " month first. Say which the file uses.",
                             true);
    }
    return DateOrder::unknown;  // no date needs an order
}

}  // namespace knotnotes::core

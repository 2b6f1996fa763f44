// local_time.cpp — UTC <-> local conversion through the C library (timegm, localtime_r), which
// follows TZ and the system's zone database.
#include "core/local_time.hpp"

#include <cstdio>
#include <ctime>

#include "core/calendar_date.hpp"

namespace knotnotes::core {
namespace {

bool digits(const std::string& s, std::size_t from, std::size_t count, int& out) {
    out = 0;
    for (std::size_t i = from; i < from + count; ++i) {
        if (i >= s.size() || s[i] < '0' || s[i] > '9')
            return false;
        out = out * 10 + (s[i] - '0');
    }
    return true;
}

// "YYYY-MM-DDTHH:MM[:SS[.mmm]]Z" -> seconds since the epoch.
std::optional<std::time_t> parse_utc(const std::string& utc) {
    std::tm t{};
    int sec = 0;
    if (utc.size() < 17 || utc.back() != 'Z' || utc[10] != 'T' || !digits(utc, 0, 4, t.tm_year) ||
        !digits(utc, 5, 2, t.tm_mon) || !digits(utc, 8, 2, t.tm_mday) ||
        !digits(utc, 11, 2, t.tm_hour) || !digits(utc, 14, 2, t.tm_min)) {
        return std::nullopt;
    }
    if (utc.size() >= 20 && utc[16] == ':' && !digits(utc, 17, 2, sec))
        return std::nullopt;
    t.tm_year -= 1900;
    t.tm_mon -= 1;
    t.tm_sec = sec;
    return timegm(&t);
}

std::string format(const std::tm& t, bool with_time) {
    char out[80];
    if (with_time) {
        std::snprintf(out, sizeof out, "%04d-%02d-%02d %02d:%02d", t.tm_year + 1900, t.tm_mon + 1,
                      t.tm_mday, t.tm_hour, t.tm_min);
    } else {
        std::snprintf(out, sizeof out, "%04d-%02d-%02d", t.tm_year + 1900, t.tm_mon + 1, t.tm_mday);
    }
    return out;
}

std::string utc_stamp(std::time_t when, int millis) {
    std::tm t{};
    gmtime_r(&when, &t);
    char out[80];
    std::snprintf(out, sizeof out, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", t.tm_year + 1900,
                  t.tm_mon + 1, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec, millis);
    return out;
}

std::optional<std::tm> parse_date(const std::string& date) {
    std::tm t{};
    if (!is_calendar_date(date) || !digits(date, 0, 4, t.tm_year) ||
        !digits(date, 5, 2, t.tm_mon) || !digits(date, 8, 2, t.tm_mday)) {
        return std::nullopt;
    }
    t.tm_year -= 1900;
    t.tm_mon -= 1;
    t.tm_isdst = -1;  // let mktime decide whether summer time applies that day
    return t;
}

std::optional<std::time_t> local_midnight(const std::string& date, int add_days) {
    auto t = parse_date(date);
    if (!t)
        return std::nullopt;
    t->tm_mday += add_days;
    return std::mktime(&*t);
}

}  // namespace

std::string local_time_text(const std::string& utc) {
    const auto when = parse_utc(utc);
    if (!when)
        return utc;
    std::tm local{};
    localtime_r(&*when, &local);
    return format(local, true);
}

std::string local_date_text(const std::string& utc) {
    const auto when = parse_utc(utc);
    if (!when)
        return utc;
    std::tm local{};
    localtime_r(&*when, &local);
    return format(local, false);
}

std::string utc_start_of_local_day(const std::string& date) {
    const auto start = local_midnight(date, 0);
    return start ? utc_stamp(*start, 0) : std::string();
}

std::string utc_end_of_local_day(const std::string& date) {
    const auto next = local_midnight(date, 1);
    return next ? utc_stamp(*next - 1, 999) : std::string();
}

std::string local_today() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return format(local, false);
}

std::optional<int> age_in_years(const std::string& birth_date, const std::string& on_date) {
    const auto born = parse_date(birth_date);
    const auto on = parse_date(on_date);
    if (!born || !on)
        return std::nullopt;
    int years = on->tm_year - born->tm_year;
    if (on->tm_mon < born->tm_mon || (on->tm_mon == born->tm_mon && on->tm_mday < born->tm_mday))
        --years;
    if (years < 0)
        return std::nullopt;
    return years;
}

}  // namespace knotnotes::core

#include "fhir_time.hpp"

#include <cctype>
#include <ctime>

namespace knotnotes::fhir {
namespace {

// Hand-written shape checks: called for nearly every resource, where std::regex would cost
// more than writing the resource.
bool digits(const std::string& s, std::size_t from, std::size_t count) {
    if (from + count > s.size())
        return false;
    for (std::size_t i = from; i < from + count; ++i) {
        if (!std::isdigit(static_cast<unsigned char>(s[i])))
            return false;
    }
    return true;
}

int number(const std::string& s, std::size_t from, std::size_t count) {
    return std::stoi(s.substr(from, count));
}

bool is_date(const std::string& s) {
    if (s.size() < 10 || !digits(s, 0, 4) || s[4] != '-' || !digits(s, 5, 2) || s[7] != '-' ||
        !digits(s, 8, 2)) {
        return false;
    }
    const int month = number(s, 5, 2), day = number(s, 8, 2);
    return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

// "YYYY-MM-DDTHH:MM:SS[.fff](Z|+hh:mm|-hh:mm)"; sets `utc` when the zone is Z.
bool is_instant(const std::string& s, bool* utc = nullptr) {
    if (!is_date(s) || s.size() < 20 || s[10] != 'T' || !digits(s, 11, 2) || s[13] != ':' ||
        !digits(s, 14, 2) || s[16] != ':' || !digits(s, 17, 2)) {
        return false;
    }
    std::size_t i = 19;
    if (i < s.size() && s[i] == '.') {
        ++i;
        const auto start = i;
        while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])))
            ++i;
        if (i == start)
            return false;
    }
    if (i + 1 == s.size() && s[i] == 'Z') {
        if (utc)
            *utc = true;
        return true;
    }
    const bool zone = i + 6 == s.size() && (s[i] == '+' || s[i] == '-') && digits(s, i + 1, 2) &&
                      s[i + 3] == ':' && digits(s, i + 4, 2);
    if (zone && utc)
        *utc = false;
    return zone;
}

// The date and time of an instant (is_instant) as seconds, its zone left aside.
std::time_t seconds_of(const std::string& instant) {
    std::tm tm{};
    tm.tm_year = number(instant, 0, 4) - 1900;
    tm.tm_mon = number(instant, 5, 2) - 1;
    tm.tm_mday = number(instant, 8, 2);
    tm.tm_hour = number(instant, 11, 2);
    tm.tm_min = number(instant, 14, 2);
    tm.tm_sec = number(instant, 17, 2);
    return timegm(&tm);
}

std::string format(std::time_t t) {
    std::tm tm{};
    gmtime_r(&t, &tm);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return text;
}

}  // namespace

std::string fhir_date(const std::string& text) {
    return text.size() == 10 && is_date(text) ? text : std::string();
}

std::string fhir_date_time(const std::string& text) {
    if (is_instant(text) || (text.size() == 10 && is_date(text)))
        return text;
    return {};
}

std::optional<std::string> add_minutes(const std::string& start, int minutes) {
    bool utc = false;
    if (!is_instant(start, &utc) || !utc)
        return std::nullopt;
    // The end keeps the start's fraction of a second: both at one precision, so that a FHIR
    // Period compares them (invariant per-1) and the end is never read as before the start.
    auto end = format(seconds_of(start) + static_cast<std::time_t>(minutes) * 60);
    end.insert(end.size() - 1, start.substr(19, start.size() - 20));
    return end;
}

std::string utc_now() {
    return format(std::time(nullptr));
}

std::optional<std::string> utc_instant(const std::string& text) {
    if (text.size() == 10 && is_date(text))
        return text + "T00:00:00Z";
    bool utc = false;
    if (!is_instant(text, &utc))
        return std::nullopt;
    if (utc)
        return text;
    const auto zone = text.size() - 6;
    const int offset = (number(text, zone + 1, 2) * 60 + number(text, zone + 4, 2)) * 60;
    const auto local = seconds_of(text);
    auto out = format(text[zone] == '+' ? local - offset : local + offset);
    out.insert(out.size() - 1, text.substr(19, zone - 19));  // the fraction of a second
    return out;
}

}  // namespace knotnotes::fhir

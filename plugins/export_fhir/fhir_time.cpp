#include "fhir_time.hpp"

#include <ctime>
#include <regex>

namespace knotnotes::fhir {
namespace {

const std::regex date_pattern("[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])");
const std::regex instant_pattern(
    "([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})(\\.[0-9]+)?(Z|[+-][0-9]{2}:["
    "0-9]{2})");

std::string format(std::time_t t) {
    std::tm tm{};
    gmtime_r(&t, &tm);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return text;
}

}  // namespace

std::string fhir_date(const std::string& text) {
    return std::regex_match(text, date_pattern) ? text : std::string();
}

std::string fhir_date_time(const std::string& text) {
    if (std::regex_match(text, instant_pattern) || std::regex_match(text, date_pattern))
        return text;
    return {};
}

std::optional<std::string> add_minutes(const std::string& start, int minutes) {
    std::smatch m;
    if (!std::regex_match(start, m, instant_pattern) || m[8] != "Z")
        return std::nullopt;
    std::tm tm{};
    tm.tm_year = std::stoi(m[1]) - 1900;
    tm.tm_mon = std::stoi(m[2]) - 1;
    tm.tm_mday = std::stoi(m[3]);
    tm.tm_hour = std::stoi(m[4]);
    tm.tm_min = std::stoi(m[5]);
    tm.tm_sec = std::stoi(m[6]);
    return format(timegm(&tm) + static_cast<std::time_t>(minutes) * 60);
}

std::string utc_now() {
    return format(std::time(nullptr));
}

}  // namespace knotnotes::fhir

// iso_date.cpp — civil-date arithmetic (Howard Hinnant's days_from_civil) and display forms.
#include "iso_date.hpp"

namespace knotnotes::export_html {

namespace {

std::optional<int> digits(std::string_view text, std::size_t from, std::size_t count) {
    if (from + count > text.size())
        return std::nullopt;
    int value = 0;
    for (std::size_t i = from; i < from + count; ++i) {
        if (text[i] < '0' || text[i] > '9')
            return std::nullopt;
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

bool is_leap_year(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month) {
    constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap_year(year) ? 29 : days[month - 1];
}

long days_from_civil(int year, int month, int day) {
    year -= month <= 2 ? 1 : 0;
    const long era = (year >= 0 ? year : year - 399) / 400;
    const long year_of_era = year - era * 400;
    const long day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const long day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146097 + day_of_era - 719468;
}

bool has_iso_date(std::string_view text) {
    return day_number(text).has_value();
}

}  // namespace

std::optional<long> day_number(std::string_view text) {
    const auto year = digits(text, 0, 4);
    const auto month = digits(text, 5, 2);
    const auto day = digits(text, 8, 2);
    if (!year || !month || !day || text[4] != '-' || text[7] != '-')
        return std::nullopt;
    if (*month < 1 || *month > 12 || *day < 1 || *day > days_in_month(*year, *month))
        return std::nullopt;
    return days_from_civil(*year, *month, *day);
}

std::string date_part(std::string_view text) {
    return std::string(has_iso_date(text) ? text.substr(0, 10) : text);
}

std::string readable_time(std::string_view text) {
    if (!has_iso_date(text))
        return std::string(text);
    std::string readable(text.substr(0, 10));
    if (text.size() >= 16 && text[10] == 'T' && digits(text, 11, 2) && text[13] == ':' &&
        digits(text, 14, 2)) {
        readable += ' ';
        readable += text.substr(11, 5);
        if (text.back() == 'Z')
            readable += " UTC";
    }
    return readable;
}

}  // namespace knotnotes::export_html

#include "core/calendar_date.hpp"

#include <cctype>
#include <cstddef>

namespace knotnotes::core {
namespace {

bool is_leap(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int digits(std::string_view s) {
    int value = 0;
    for (const char c : s)
        value = value * 10 + (c - '0');
    return value;
}

}  // namespace

bool is_calendar_date(std::string_view date) {
    if (date.size() != 10 || date[4] != '-' || date[7] != '-')
        return false;
    for (const std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
        if (!std::isdigit(static_cast<unsigned char>(date[i])))
            return false;
    }
    const int year = digits(date.substr(0, 4));
    const int month = digits(date.substr(5, 2));
    const int day = digits(date.substr(8, 2));
    static constexpr int month_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (year < 1 || month < 1 || month > 12 || day < 1)
        return false;
    const int last = month_days[month - 1] + (month == 2 && is_leap(year) ? 1 : 0);
    return day <= last;
}

}  // namespace knotnotes::core

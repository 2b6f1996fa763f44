// client_list_dates.hpp — dates of birth as other systems write them: ISO (1980-03-12,
// 1980/03/12, also with a midnight time a spreadsheet adds), numbers with the day or the month
// first (12/03/1980, 12.03.1980, 3-12-1980), and English month names (12 Mar 1980, March 12,
// 1980). Two-digit years are refused: a birth year needs its century.
//
// Whether 03/04/1980 is the 3rd of April or the 4th of March is decided for the whole file:
// a date such as 25/03/1980 that is only possible one way decides it; dates possible both ways
// and different between them, with nothing in the file to decide, make the import ask (the
// wizard) or take --date-format (the CLI). A file with dates that are only possible in
// opposite orders is refused, naming a line of each.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace knotnotes::core {

enum class DateOrder { unknown, day_first, month_first };

// "DMY", "dd/mm/yyyy", "day-first" -> day_first; "MDY", "mm/dd/yyyy", "month-first" ->
// month_first (case does not matter).
std::optional<DateOrder> parse_date_order(std::string_view text);

// The date as YYYY-MM-DD in `order` (unknown: only dates that need no order), or the problem
// ("\"31/02/1980\" is not a real day").
struct BirthDate {
    std::string iso;
    std::string problem;
};
BirthDate read_birth_date(std::string_view text, DateOrder order);

struct DatedLine {
    int line = 0;
    std::string text;
};

// The order the file's dates are in, `requested` when it is not unknown. Throws DateOrderError:
// `needs_choice()` when only the user can tell (the message names a line and both readings),
// otherwise the dates contradict each other.
class DateOrderError : public std::runtime_error {
  public:
    DateOrderError(const std::string& message, bool needs_choice)
        : std::runtime_error(message), needs_choice_(needs_choice) {}
    bool needs_choice() const { return needs_choice_; }

  private:
    bool needs_choice_;
};
DateOrder decide_date_order(const std::vector<DatedLine>& dates, DateOrder requested,
                            const std::string& file_name);

}  // namespace knotnotes::core

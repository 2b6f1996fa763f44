// libFuzzer target: the client list import (CSV from other systems) must never crash, hang or
// leak on any input; it plans or refuses with a message (CsvError, ClientListError,
// DateOrderError). Every planned client has a name and a real ISO date of birth or none.
// Built with clang -fsanitize=fuzzer,address,undefined by run_fuzz.sh.
#include <cstdint>
#include <string_view>

#include "core/calendar_date.hpp"
#include "core/client_list_import.hpp"

namespace core = knotnotes::core;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    core::CsvTable table;
    try {
        table = core::parse_csv(text, "fuzz.csv");
    } catch (const core::CsvError&) {
        return 0;
    }
    for (const auto order :
         {core::DateOrder::unknown, core::DateOrder::day_first, core::DateOrder::month_first}) {
        core::ClientListOptions options;
        options.date_order = order;
        try {
            const auto plan =
                core::plan_client_list(table, "fuzz.csv", options, {{"Jo", "Smith", "1980-01-02"}});
            for (const auto& c : plan.clients) {
                if (c.client.given_name.empty() && c.client.family_name.empty())
                    __builtin_trap();
                if (!c.client.birth_date.empty() && !core::is_calendar_date(c.client.birth_date))
                    __builtin_trap();
            }
        } catch (const core::ClientListError&) {
        } catch (const core::DateOrderError&) {
        }
    }
    return 0;
}

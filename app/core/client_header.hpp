// client_header.hpp — the line under a client's name at the top of the client pane, so the
// therapist can tell two clients of the same name apart at a glance: date of birth and age,
// then occupation. "Born 1980-03-12 (46) · Teacher"; "Date of birth not recorded" without one.
#pragma once

#include <string>

#include <knotnotes/sdk/records.hpp>

namespace knotnotes::core {

std::string client_full_name(const sdk::Client& client);
// `today` is the local date ("YYYY-MM-DD") the age is counted to.
std::string client_header_details(const sdk::Client& client, const std::string& today);

}  // namespace knotnotes::core

#include "core/client_header.hpp"

#include "core/local_time.hpp"

namespace knotnotes::core {

std::string client_full_name(const sdk::Client& client) {
    if (client.given_name.empty())
        return client.family_name;
    if (client.family_name.empty())
        return client.given_name;
    return client.given_name + " " + client.family_name;
}

std::string client_header_details(const sdk::Client& client, const std::string& today) {
    std::string out;
    if (client.birth_date.empty()) {
        out = "Date of birth not recorded";
    } else {
        out = "Born " + client.birth_date;
        if (const auto age = age_in_years(client.birth_date, today))
            out += " (" + std::to_string(*age) + ")";
    }
    if (!client.occupation.empty())
        out += " \xC2\xB7 " + client.occupation;
    return out;
}

}  // namespace knotnotes::core

#include "clinic_address.hpp"

namespace knotnotes::core {

std::string address_without_password(const std::string& address) {
    std::string out = address;
    const auto scheme = out.find("://");
    if (scheme != std::string::npos) {
        const auto user = scheme + 3;
        const auto end_of_authority = out.find_first_of("/?", user);
        const auto at = out.rfind(
            '@', end_of_authority == std::string::npos ? out.size() - 1 : end_of_authority);
        if (at != std::string::npos && at >= user) {
            const auto colon = out.find(':', user);
            if (colon != std::string::npos && colon < at)
                out.erase(colon, at - colon);
        }
    }
    const auto query = out.find('?');
    if (query == std::string::npos)
        return out;
    std::string kept;
    std::size_t start = query + 1;
    while (start <= out.size()) {
        auto end = out.find('&', start);
        if (end == std::string::npos)
            end = out.size();
        const auto parameter = out.substr(start, end - start);
        if (!parameter.empty() && parameter.rfind("password=", 0) != 0)
            kept += (kept.empty() ? "" : "&") + parameter;
        start = end + 1;
    }
    return out.substr(0, query) + (kept.empty() ? "" : "?" + kept);
}

}  // namespace knotnotes::core

#include "core/client_list_import.hpp"

#include <algorithm>
#include <set>

#include "db/client_records.hpp"

namespace knotnotes::core {

ClientListPlan plan_client_list(db::ClientRecords& clients, const std::filesystem::path& file,
                                const ClientListOptions& options) {
    return plan_client_list(read_csv(file), file.string(), options, clients.identities());
}

ClientListResult import_client_list(db::ClientRecords& clients, const ClientListPlan& plan) {
    const auto write = clients.begin_write();
    std::set<std::string> known;
    for (const auto& e : clients.identities())
        known.insert(same_person_key(e.given_name, e.family_name, e.birth_date));
    ClientListResult result;
    result.skipped = plan.skipped;
    for (const auto& [line, client] : plan.clients) {
        if (!known.insert(same_person_key(client.given_name, client.family_name, client.birth_date))
                 .second) {
            result.skipped.push_back({line, "already in the database", client});
            continue;
        }
        clients.add(client);
        ++result.imported;
    }
    write->commit();
    std::sort(result.skipped.begin(), result.skipped.end(),
              [](const ClientListSkip& a, const ClientListSkip& b) { return a.line < b.line; });
    return result;
}

}  // namespace knotnotes::core

#include "core/client_list_import.hpp"

#include <algorithm>
#include <set>

#include "db/database.hpp"
#include "db/transaction.hpp"

namespace knotnotes::core {

ClientListPlan plan_client_list(db::Database& db, const std::filesystem::path& file,
                                const ClientListOptions& options) {
    return plan_client_list(read_csv(file), file.string(), options,
                            db::ClientRepository(db).identities());
}

ClientListResult import_client_list(db::Database& db, const ClientListPlan& plan) {
    db::Transaction transaction(db);
    db::ClientRepository clients(db);
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
    transaction.commit();
    std::sort(result.skipped.begin(), result.skipped.end(),
              [](const ClientListSkip& a, const ClientListSkip& b) { return a.line < b.line; });
    return result;
}

}  // namespace knotnotes::core

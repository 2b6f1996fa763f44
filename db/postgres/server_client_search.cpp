#include "server_client_search.hpp"

#include <algorithm>
#include <cctype>
#include <utility>

#include "db/client_search.hpp"
#include "postgres_clinic_directory.hpp"
#include "server_connection.hpp"

namespace knotnotes::db::postgres {

std::vector<ClientSummary> search_client_names(ServerConnection& server, const std::string& typed,
                                               int limit) {
    if (std::all_of(typed.begin(), typed.end(), [](unsigned char c) { return std::isspace(c); }))
        return {};
    // Best first as FTS5's rank puts them: the names the typed words match most of; then in
    // name order, so that equal matches come in the order the client list shows them.
    auto rows = server.query(
        "SELECT id, given_name, family_name FROM clients, kn_name_prefix_query($1) AS q(typed) "
        "WHERE name_words @@ typed "
        "ORDER BY ts_rank(name_words, typed) DESC, lower(family_name), lower(given_name), id "
        "LIMIT $2::integer",
        {typed, std::to_string(limit)});
    std::vector<ClientSummary> found;
    found.reserve(static_cast<std::size_t>(rows.size()));
    for (int row = 0; row < rows.size(); ++row)
        found.push_back({std::stoll(rows.text(row, 0)), rows.text(row, 1), rows.text(row, 2)});
    return found;
}

}  // namespace knotnotes::db::postgres

namespace knotnotes::db {
namespace {

class ServerClientSearch final : public ClientSearch {
  public:
    explicit ServerClientSearch(postgres::ServerConnection server) : server_(std::move(server)) {}
    std::vector<ClientSummary> search_names(const std::string& typed, int limit) override {
        return postgres::search_client_names(server_, typed, limit);
    }

  private:
    postgres::ServerConnection server_;
};

}  // namespace

std::unique_ptr<ClientSearch> connect_client_search(const std::string& address,
                                                    std::optional<std::string> password) {
    return std::make_unique<ServerClientSearch>(
        connect_clinic_server(address, std::move(password)));
}

}  // namespace knotnotes::db

// server_client_search.hpp — the type-ahead over client names on a clinic server
// (client_search.hpp), through the generated name_words column of server migration 002.
#pragma once

#include <string>
#include <vector>

#include "db/client_repository.hpp"

namespace knotnotes::db::postgres {

class ServerConnection;

// The clients this login may see whose names match what was typed, best first.
std::vector<ClientSummary> search_client_names(ServerConnection& server, const std::string& typed,
                                               int limit);

}  // namespace knotnotes::db::postgres

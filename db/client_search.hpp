// client_search.hpp — the type-ahead over client names, on either engine: the storage seam for
// finding a client. The CLI (and the repository contract test, run against both engines) call
// this; only the backend behind it knows whether it is a SQLite file's FTS5 table or a clinic
// server's full-text index.
//
// The meaning is the same on both: every word typed must start a word of the client's given or
// family name ("smi jo" finds "Jo Smith"), case and accents ignored, best matches first, and
// only the clients the caller may see (on a clinic server, the server's row-level security
// decides). What was typed is never query syntax on either engine.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "client_repository.hpp"

namespace knotnotes::db {

class Database;

class ClientSearch {
  public:
    virtual ~ClientSearch() = default;
    // At most `limit` clients; none when nothing searchable was typed.
    virtual std::vector<ClientSummary> search_names(const std::string& typed, int limit) = 0;
};

// The type-ahead of a SQLite file (ClientRepository::search_names), kept by the caller.
std::unique_ptr<ClientSearch> file_client_search(Database& file);

// The type-ahead of a clinic server at `address`, on a connection of its own (the password as
// for connect_clinic_directory in clinic_directory.hpp; the same errors).
std::unique_ptr<ClientSearch> connect_client_search(const std::string& address,
                                                    std::optional<std::string> password);

}  // namespace knotnotes::db

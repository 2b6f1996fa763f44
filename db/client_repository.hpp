// client_repository.hpp — clients: add, update, fetch, list in name order, type-ahead search.
//
// search_names() is the type-ahead: every word the user typed must start a word of the
// client's given or family name ("smi jo" finds "Jo Smith"), accents ignored, best matches
// first. Typed text is never passed to FTS5 as query syntax, so quotes, stars or "AND" in a
// name are just characters.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <knotnotes/sdk/records.hpp>

namespace knotnotes::db {

class Database;

// Who a client is, as far as telling two records of one person apart goes.
struct ClientIdentity {
    std::string given_name;
    std::string family_name;
    std::string birth_date;
};

struct ClientSummary {
    sdk::Id id = 0;
    std::string given_name;
    std::string family_name;
    std::string display_name() const { return family_name + ", " + given_name; }
};

class ClientRepository {
  public:
    explicit ClientRepository(Database& db) : db_(db) {}

    sdk::Id add(const sdk::Client& client);  // created_at is set here
    void update(const sdk::Client& client);
    std::optional<sdk::Client> get(sdk::Id id);
    std::int64_t count();

    // Clients in family-name, given-name order: rows [offset, offset + limit).
    std::vector<ClientSummary> list(std::int64_t offset, int limit);
    std::vector<ClientSummary> search_names(const std::string& typed, int limit);
    // Client ids greater than `after`, ascending: walks every client in bounded pages.
    std::vector<sdk::Id> ids_after(sdk::Id after, int limit);
    // Every client's names and birth date (a client list import's duplicate check).
    std::vector<ClientIdentity> identities();

  private:
    Database& db_;
};

// Turns what a user typed into an FTS5 query of quoted prefix terms: `jo "smi` ->
// `"jo"* "\"\"smi"*`. Empty when nothing searchable was typed.
std::string fts_prefix_query(const std::string& typed);

}  // namespace knotnotes::db

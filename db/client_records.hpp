// client_records.hpp — the clients themselves, on either engine: the storage seam the client list
// and the client pane (core/record_store.hpp) read and add clients through. Only the backend
// behind it knows whether it is a SQLite file's repositories or a clinic server; one contract
// test (tests/support/client_records_contract.hpp) runs against both.
//
// The meaning is the same on both: clients in family-name, given-name order (case ignored), the
// type-ahead of client_search.hpp, and only the clients the caller may see (on a clinic server
// the server's row-level security decides: a therapist their own and shared clients, the owner
// and the front desk every client). A clinic server also refuses what the login's role may not
// do (AccessDenied): the front desk sees contact details only, not the chart's figure.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <knotnotes/sdk/records.hpp>

#include "client_search.hpp"

namespace knotnotes::db {

class Database;

// Someone a new client can be booked with on a clinic server: a therapist's (or the owner's)
// login, with the name the clinic knows them by.
struct BookableTherapist {
    std::string login;
    std::string name;
};

class ClientRecords : public ClientSearch {
  public:
    // One unit of work, rolled back unless committed: a client list is added all or none.
    class Write {
      public:
        virtual ~Write() = default;
        virtual void commit() = 0;
    };
    virtual std::unique_ptr<Write> begin_write() = 0;

    // Where the clients are kept, for titles and messages: the file's path, or "the clinic
    // server postgresql://LOGIN@HOST:PORT/DB" (never a password).
    virtual std::string where() const = 0;
    virtual std::int64_t count() = 0;
    // Rows [offset, offset + limit) in name order.
    virtual std::vector<ClientSummary> list(std::int64_t offset, int limit) = 0;
    // The names and birth date of every client the caller may see (is this person here?).
    virtual std::vector<ClientIdentity> identities() = 0;
    // None if there is no such client, or none the caller may see.
    virtual std::optional<sdk::Client> get(sdk::Id id) = 0;
    // A new client (created_at and uid are made here when empty); returns its id. On a clinic
    // server the client is the adding login's own (a therapist's), or the clinic's; the front
    // desk records contact details only (AccessDenied for a client with an occupation).
    virtual sdk::Id add(const sdk::Client& client) = 0;
    // Whom the caller may book a new client with (add_for), by name: on a clinic server, for
    // the front desk and the owner, the active therapists and owners. None for a therapist
    // (their new clients are their own) and on a file (one practitioner's records).
    virtual std::vector<BookableTherapist> therapists() = 0;
    // A new client, as add(), whose records are `therapist_login`'s (one of therapists()).
    // std::invalid_argument for a login that is not one (on a file: any).
    virtual sdk::Id add_for(const sdk::Client& client, const std::string& therapist_login) = 0;
    // DatabaseError if there is no such client.
    virtual void set_chart_figure(sdk::Id id, sdk::ChartFigure figure) = 0;
};

// A SQLite file's clients (ClientRepository), kept by the caller.
std::unique_ptr<ClientRecords> file_client_records(Database& file);

// A clinic server's clients at `address`, on a connection of its own (the password and errors
// as for connect_clinic_directory in clinic_directory.hpp).
std::unique_ptr<ClientRecords> connect_client_records(const std::string& address,
                                                      std::optional<std::string> password);

}  // namespace knotnotes::db

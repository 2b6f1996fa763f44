// client_list_import.hpp — brings in the client list a clinic has in its current system (a CSV
// export from Jane, ClinicSense, a spreadsheet): names, date of birth, contact details,
// occupation, emergency contact. Nothing clinical: intakes are taken in KnotNotes.
//
// First a plan: the file is read whole (csv_table.hpp), its columns recognised or mapped
// (client_list_columns.hpp), its dates read in one order (client_list_dates.hpp), every row
// checked as if typed into New client. Any row that cannot be imported refuses the file, and
// the message names each such line (the first 20) and what is wrong. A client already in the
// database, or earlier in the file, with the same name and date of birth (case and spacing do
// not matter) is skipped and reported, so importing the same list twice adds nobody.
// Then the import: every client of the plan in ONE transaction, all or nothing; the duplicate
// check is made again inside it. (The plan is client_list_plan.cpp, without the database; the
// import and the plan against a database are client_list_import.cpp.)
#pragma once

#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include <knotnotes/sdk/records.hpp>

#include "core/client_list_columns.hpp"
#include "core/client_list_dates.hpp"
#include "core/csv_table.hpp"
#include "db/client_repository.hpp"

namespace knotnotes::db {
class ClientRecords;
}

namespace knotnotes::core {

struct ClientListOptions {
    // One per column of the file; empty: recognised from the header line.
    std::vector<ClientColumn> columns;
    DateOrder date_order = DateOrder::unknown;  // unknown: decided from the dates themselves
};

struct ClientListLine {
    int line = 0;
    sdk::Client client;
};

struct ClientListSkip {
    int line = 0;
    std::string reason;  // "already in the database", "the same person as line 3"
    sdk::Client client;  // as the row reads
};

struct ClientListPlan {
    std::vector<ClientColumn> columns;
    DateOrder date_order = DateOrder::unknown;
    std::vector<ClientListLine> clients;  // to be imported, in file order
    std::vector<ClientListSkip> skipped;
};

// Rows that cannot be imported; what() lists them by line and says what to do.
class ClientListError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// Throws ClientListError (no name column, bad rows), DateOrderError (see client_list_dates.hpp).
ClientListPlan plan_client_list(const CsvTable& table, const std::string& file_name,
                                const ClientListOptions& options,
                                const std::vector<db::ClientIdentity>& existing);
// The plan for `file` against the clients the records hold. Also throws CsvError.
ClientListPlan plan_client_list(db::ClientRecords& clients, const std::filesystem::path& file,
                                const ClientListOptions& options);

struct ClientListResult {
    std::int64_t imported = 0;
    std::vector<ClientListSkip> skipped;
};

// Adds the plan's clients in one unit of work, on a file or a clinic server (db::DatabaseError:
// nothing added). A client that reached the records since the plan was made is skipped, not
// added twice.
ClientListResult import_client_list(db::ClientRecords& clients, const ClientListPlan& plan);

// What makes two rows, or a row and a client, the same person: the names (case and spacing
// do not matter) and the date of birth.
std::string same_person_key(const std::string& given_name, const std::string& family_name,
                            const std::string& birth_date);

// "1 client", "3 clients".
std::string clients_text(std::size_t count);

// "Jo Smith, born 1975-06-01" / "Jo Smith, no date of birth".
std::string client_list_who(const sdk::Client& client);

}  // namespace knotnotes::core

// moved_tables.hpp — what moves between a database file and a clinic server, in either
// direction (file_to_server, server_to_file): the tables, parents first, their columns (the
// file's, which the server's schema mirrors) and what each column refers to.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace knotnotes::db {

// One row as text (NULL: nullopt), id first.
using MovedRow = std::vector<std::optional<std::string>>;

struct MovedTable {
    std::string name;
    std::map<std::string, std::string> references;  // column -> table
    // Filled in after the rows that point at this table's rows are in (a signed session's
    // charting is sealed once it is signed, so the signature comes last).
    std::set<std::string> written_last;
    // Columns a clinic owner may not read back (a signing key's sealed secret half).
    std::set<std::string> unreadable;
};

// The columns that sign a session (written last).
const std::set<std::string>& signature_columns();
const std::vector<MovedTable>& moved_tables();
// The signature columns of sessions in the file's order, and where each stands in a moved
// session row (id first).
struct SignatureColumns {
    std::vector<std::string> columns;
    std::vector<std::size_t> positions;
};
const SignatureColumns& session_signature_columns();
// The file's columns of a table, id excluded (the audit schema's list: audit_schema.hpp).
const std::vector<std::string>& file_columns(const std::string& table);
// Stored as a double: moved as a number, compared as one.
bool is_real_column(const std::string& column);
// "a, b, c", each with `prefix`.
std::string joined(const std::vector<std::string>& items, const std::string& prefix = "");
// Numbered parameters from `first`: "$2, $3" for the server, "?2, ?3" for the file (`marker`).
std::string parameters(std::size_t count, std::size_t first, char marker);
// "a = $2, b = $3": each column set to the next numbered parameter from `first`.
std::string assignments(const std::vector<std::string>& columns, std::size_t first, char marker);

}  // namespace knotnotes::db

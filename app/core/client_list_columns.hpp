// client_list_columns.hpp — which column of a client list holds what. The usual headers of
// practice-management exports (Jane, ClinicSense, spreadsheets) are recognised: "First Name",
// "Given name", "Last Name", "Family name", "Surname", "Date of Birth", "DOB", "Birthdate",
// "Email", "Phone", "Mobile", "Cell", "Occupation", "Emergency contact", and a single "Name"
// ("Jo Smith" or "Smith, Jo") when there are no separate name columns. Case, spaces,
// punctuation and a trailing "(optional)"-style note do not matter. Anything else is ignored
// unless the user maps it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace knotnotes::core {

enum class ClientColumn {
    ignored,
    given_name,
    family_name,
    full_name,  // "Jo Smith" or "Smith, Jo": used when no given/family column is mapped
    birth_date,
    email,
    phone,  // several phone columns: the first non-empty one is kept
    occupation,
    emergency_contact,  // several (name, phone): joined with ", "
};

inline constexpr ClientColumn all_client_columns[] = {
    ClientColumn::ignored,   ClientColumn::given_name, ClientColumn::family_name,
    ClientColumn::full_name, ClientColumn::birth_date, ClientColumn::email,
    ClientColumn::phone,     ClientColumn::occupation, ClientColumn::emergency_contact};

// What the wizard and messages call a column ("Given name").
std::string client_column_label(ClientColumn column);
// The id the CLI's --map takes ("given-name").
std::string client_column_id(ClientColumn column);
std::optional<ClientColumn> parse_client_column_id(std::string_view id);

// The column a header names, or ClientColumn::ignored.
ClientColumn recognise_client_column(std::string_view header);
// One guess per header.
std::vector<ClientColumn> recognise_client_columns(const std::vector<std::string>& header);

}  // namespace knotnotes::core

#include "core/client_list_columns.hpp"

#include <cctype>
#include <utility>

namespace knotnotes::core {
namespace {

// "Date of Birth (YYYY-MM-DD)" -> "dateofbirth": letters and digits only, lower case, without
// a bracketed note.
std::string normalised(std::string_view header) {
    std::string out;
    int depth = 0;
    for (const char c : header) {
        if (c == '(' || c == '[')
            ++depth;
        else if ((c == ')' || c == ']') && depth > 0)
            --depth;
        else if (depth == 0 && std::isalnum(static_cast<unsigned char>(c)))
            out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

const std::pair<const char*, ClientColumn> known_headers[] = {
    {"firstname", ClientColumn::given_name},
    {"first", ClientColumn::given_name},
    {"givenname", ClientColumn::given_name},
    {"given", ClientColumn::given_name},
    {"forename", ClientColumn::given_name},
    {"clientfirstname", ClientColumn::given_name},
    {"patientfirstname", ClientColumn::given_name},
    {"preferredname", ClientColumn::ignored},
    {"lastname", ClientColumn::family_name},
    {"last", ClientColumn::family_name},
    {"familyname", ClientColumn::family_name},
    {"surname", ClientColumn::family_name},
    {"clientlastname", ClientColumn::family_name},
    {"patientlastname", ClientColumn::family_name},
    {"name", ClientColumn::full_name},
    {"fullname", ClientColumn::full_name},
    {"clientname", ClientColumn::full_name},
    {"patientname", ClientColumn::full_name},
    {"dateofbirth", ClientColumn::birth_date},
    {"dob", ClientColumn::birth_date},
    {"birthdate", ClientColumn::birth_date},
    {"birthday", ClientColumn::birth_date},
    {"born", ClientColumn::birth_date},
    {"email", ClientColumn::email},
    {"emailaddress", ClientColumn::email},
    {"phone", ClientColumn::phone},
    {"phonenumber", ClientColumn::phone},
    {"telephone", ClientColumn::phone},
    {"tel", ClientColumn::phone},
    {"mobile", ClientColumn::phone},
    {"mobilephone", ClientColumn::phone},
    {"mobilenumber", ClientColumn::phone},
    {"cell", ClientColumn::phone},
    {"cellphone", ClientColumn::phone},
    {"homephone", ClientColumn::phone},
    {"workphone", ClientColumn::phone},
    {"occupation", ClientColumn::occupation},
    {"job", ClientColumn::occupation},
    {"profession", ClientColumn::occupation},
    {"emergencycontact", ClientColumn::emergency_contact},
    {"emergencycontactname", ClientColumn::emergency_contact},
    {"emergencycontactphone", ClientColumn::emergency_contact},
    {"emergencyphone", ClientColumn::emergency_contact},
    {"emergencyname", ClientColumn::emergency_contact},
};

struct ColumnNames {
    ClientColumn column;
    const char* id;
    const char* label;
};

const ColumnNames column_names[] = {
    {ClientColumn::ignored, "ignore", "(not imported)"},
    {ClientColumn::given_name, "given-name", "Given name"},
    {ClientColumn::family_name, "family-name", "Family name"},
    {ClientColumn::full_name, "full-name", "Full name"},
    {ClientColumn::birth_date, "birth-date", "Date of birth"},
    {ClientColumn::email, "email", "Email"},
    {ClientColumn::phone, "phone", "Phone"},
    {ClientColumn::occupation, "occupation", "Occupation"},
    {ClientColumn::emergency_contact, "emergency-contact", "Emergency contact"},
};

const ColumnNames& names_of(ClientColumn column) {
    for (const auto& names : column_names) {
        if (names.column == column)
            return names;
    }
    return column_names[0];
}

}  // namespace

std::string client_column_label(ClientColumn column) {
    return names_of(column).label;
}
std::string client_column_id(ClientColumn column) {
    return names_of(column).id;
}

std::optional<ClientColumn> parse_client_column_id(std::string_view id) {
    for (const auto& names : column_names) {
        if (id == names.id)
            return names.column;
    }
    return std::nullopt;
}

ClientColumn recognise_client_column(std::string_view header) {
    const auto key = normalised(header);
    for (const auto& [known, column] : known_headers) {
        if (key == known)
            return column;
    }
    return ClientColumn::ignored;
}

std::vector<ClientColumn> recognise_client_columns(const std::vector<std::string>& header) {
    std::vector<ClientColumn> columns;
    bool has_split_name = false;
    for (const auto& h : header) {
        columns.push_back(recognise_client_column(h));
        has_split_name |= columns.back() == ClientColumn::given_name ||
                          columns.back() == ClientColumn::family_name;
    }
    // "Name" beside "First Name"/"Last Name" is something else (a company, a display name).
    for (auto& column : columns) {
        if (has_split_name && column == ClientColumn::full_name)
            column = ClientColumn::ignored;
    }
    return columns;
}

}  // namespace knotnotes::core

#include "moved_tables.hpp"

#include <stdexcept>

#include "db/audit_schema.hpp"

namespace knotnotes::db {

const std::set<std::string>& signature_columns() {
    static const std::set<std::string> columns{"status",
                                               "signed_by",
                                               "signed_at",
                                               "content_sha256",
                                               "signer_practitioner_id",
                                               "signature_algorithm",
                                               "canonical_version",
                                               "signer_public_key",
                                               "signature_value"};
    return columns;
}

const std::vector<MovedTable>& moved_tables() {
    static const std::vector<MovedTable> tables{
        {"practitioners", {}, {}, {}},
        {"signing_keys",
         {{"practitioner_id", "practitioners"}},
         {},
         {"sealed_secret_key", "kdf_salt", "kdf_opslimit", "kdf_memlimit", "nonce"}},
        {"clients", {}, {}, {}},
        {"intakes", {{"client_id", "clients"}}, {}, {}},
        {"sessions",
         {{"client_id", "clients"},
          {"practitioner_id", "practitioners"},
          {"intake_id", "intakes"},
          {"amends_session_id", "sessions"},
          {"signer_practitioner_id", "practitioners"}},
         signature_columns(),
         {}},
        {"knots", {{"session_id", "sessions"}, {"previous_knot_id", "knots"}}, {}, {}},
        {"pressure_readings", {{"session_id", "sessions"}}, {}, {}},
        {"technique_uses", {{"session_id", "sessions"}}, {}, {}},
        {"questionnaire_responses", {{"client_id", "clients"}, {"session_id", "sessions"}}, {}, {}},
    };
    return tables;
}

const std::vector<std::string>& file_columns(const std::string& table) {
    for (const auto& audited : audited_tables()) {
        if (audited.name == table)
            return audited.columns;
    }
    throw std::logic_error("no audited table " + table);
}

const SignatureColumns& session_signature_columns() {
    static const SignatureColumns signature = [] {
        SignatureColumns found;
        const auto& all = file_columns("sessions");
        for (std::size_t i = 0; i < all.size(); ++i) {
            if (signature_columns().count(all[i])) {
                found.columns.push_back(all[i]);
                found.positions.push_back(i + 1);
            }
        }
        return found;
    }();
    return signature;
}

bool is_real_column(const std::string& column) {
    return column == "x" || column == "y" || column == "score";
}

std::string joined(const std::vector<std::string>& items, const std::string& prefix) {
    std::string text;
    for (const auto& item : items)
        text += (text.empty() ? "" : ", ") + prefix + item;
    return text;
}

std::string parameters(std::size_t count, std::size_t first, char marker) {
    std::string text;
    for (std::size_t i = 0; i < count; ++i)
        text += (i ? ", " : "") + std::string(1, marker) + std::to_string(first + i);
    return text;
}

std::string assignments(const std::vector<std::string>& columns, std::size_t first, char marker) {
    std::string text;
    for (std::size_t i = 0; i < columns.size(); ++i)
        text += (i ? ", " : "") + columns[i] + " = " + marker + std::to_string(first + i);
    return text;
}

}  // namespace knotnotes::db

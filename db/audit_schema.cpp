#include "audit_schema.hpp"

namespace knotnotes::db {

const std::vector<AuditedTable>& audited_tables_v1() {
    static const std::vector<AuditedTable> tables{
        {"practitioners", {"name", "credentials", "created_at"}},
        {"clients",
         {"given_name", "family_name", "birth_date", "phone", "email", "emergency_contact",
          "occupation", "created_at"}},
        {"intakes",
         {"client_id", "version", "recorded_at", "reason_for_visit", "goals", "activity",
          "health_flags", "medications", "allergies", "surgeries_injuries", "areas_to_avoid",
          "preferred_pressure", "consent_agreed", "consent_date", "consent_signer",
          "consent_signature_png"}},
        {"sessions",
         {"client_id", "practitioner_id", "intake_id", "started_at", "duration_minutes",
          "subjective", "objective", "assessment", "plan", "pain_before", "pain_after", "status",
          "signed_by", "signed_at", "content_sha256", "amends_session_id"}},
        {"knots",
         {"session_id", "muscle_id", "side", "view", "x", "y", "kind", "tenderness", "referral",
          "result", "previous_knot_id"}},
        {"pressure_readings", {"session_id", "region", "side", "pressure"}},
        {"technique_uses",
         {"session_id", "technique_id", "muscle_id", "side", "pressure", "duration_seconds", "tool",
          "direction", "response"}},
        {"questionnaire_responses",
         {"client_id", "session_id", "instrument_id", "instrument_version", "completed_at",
          "answers", "score", "interpretation"}},
    };
    return tables;
}

const std::vector<AuditedTable>& audited_tables_v2() {
    static const std::vector<AuditedTable> tables{
        {"installation", {"installation_id", "created_at"}},
        {"practitioners", {"name", "credentials", "created_at", "uid", "registration", "is_demo"}},
        {"signing_keys",
         {"practitioner_id", "public_key", "sealed_secret_key", "kdf_salt", "kdf_opslimit",
          "kdf_memlimit", "nonce", "created_at"}},
        {"clients",
         {"given_name", "family_name", "birth_date", "phone", "email", "emergency_contact",
          "occupation", "created_at", "uid", "chart_figure"}},
        {"intakes",
         {"client_id", "version", "recorded_at", "reason_for_visit", "goals", "activity",
          "health_flags", "medications", "allergies", "surgeries_injuries", "areas_to_avoid",
          "preferred_pressure", "consent_agreed", "consent_date", "consent_signer",
          "consent_signature_png", "uid"}},
        {"sessions",
         {"client_id",
          "practitioner_id",
          "intake_id",
          "started_at",
          "duration_minutes",
          "subjective",
          "objective",
          "assessment",
          "plan",
          "pain_before",
          "pain_after",
          "status",
          "signed_by",
          "signed_at",
          "content_sha256",
          "amends_session_id",
          "uid",
          "amendment_reason",
          "conflict_acknowledgement",
          "signer_practitioner_id",
          "signature_algorithm",
          "canonical_version",
          "signer_public_key",
          "signature_value"}},
        {"knots",
         {"session_id", "muscle_id", "side", "view", "x", "y", "kind", "tenderness", "referral",
          "result", "previous_knot_id", "uid", "referral_area"}},
        {"pressure_readings", {"session_id", "region", "side", "pressure", "uid"}},
        {"technique_uses",
         {"session_id", "technique_id", "muscle_id", "side", "pressure", "duration_seconds", "tool",
          "direction", "response", "uid"}},
        {"questionnaire_responses",
         {"client_id", "session_id", "instrument_id", "instrument_version", "completed_at",
          "answers", "score", "interpretation", "uid"}},
    };
    return tables;
}

const std::vector<AuditedTable>& audited_tables() {
    static const std::vector<AuditedTable> tables = [] {
        auto current = audited_tables_v2();
        for (auto& table : current) {
            if (table.name == "sessions")
                table.columns.push_back("location");  // migration 3
        }
        return current;
    }();
    return tables;
}

std::string row_content_expression(const AuditedTable& table, const std::string& prefix) {
    std::string sql = "json_array(" + prefix + "id";
    for (const auto& column : table.columns)
        sql += ", " + prefix + column;
    return sql + ")";
}

std::string audit_triggers_sql(const AuditedTable& table) {
    // The entry's hash covers the previous entry's hash and every field of this entry, so
    // changing, removing or reordering any entry breaks the chain from there on. A plain
    // VALUES row, with the few sub-expressions written twice, is much cheaper per edit than a
    // FROM (SELECT ...) that SQLite would materialise: 'now' and kn_actor() give the same
    // value throughout one statement.
    const std::string at = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";
    const std::string prev = "coalesce((SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1), '')";
    auto trigger = [&](const std::string& event, const std::string& action, const std::string& row,
                       const std::string& content) {
        return "CREATE TRIGGER " + table.name + "_audit_" + action + " AFTER " + event + " ON " +
               table.name +
               " BEGIN\n"
               "  INSERT INTO audit_log (at, actor, table_name, row_id, action, content_sha256, "
               "prev_hash, hash)\n"
               "  VALUES (" +
               at + ", kn_actor(), '" + table.name + "', " + row + ", '" + action + "', " +
               content + ", " + prev +
               ",\n"
               "          kn_sha256(" +
               prev + " || '|' || " + at + " || '|' || kn_actor() || '|" + table.name + "|' || " +
               row + " || '|" + action + "|' || coalesce(" + content + ", ''))" + ");\nEND;\n";
    };
    const auto new_content = "kn_sha256(" + row_content_expression(table, "NEW.") + ")";
    return trigger("INSERT", "insert", "NEW.id", new_content) +
           trigger("UPDATE", "update", "NEW.id", new_content) +
           trigger("DELETE", "delete", "OLD.id", "NULL");
}

}  // namespace knotnotes::db

#include "server_intake_records.hpp"

#include "db/database_error.hpp"
#include "db/intake_records.hpp"
#include "db/json_text.hpp"
#include "postgres_clinic_directory.hpp"
#include "server_connection.hpp"
#include "server_values.hpp"
#include "shared_connection.hpp"

namespace knotnotes::db::postgres {

using namespace values;

std::optional<sdk::Id> newest_intake_id(ServerConnection& server, sdk::Id client_id) {
    const auto rows =
        server.query("SELECT id FROM intakes WHERE client_id = $1 ORDER BY version DESC LIMIT 1",
                     {number(client_id)});
    if (rows.size() == 0)
        return std::nullopt;
    return id_at(rows, 0, 0);
}

std::optional<sdk::Intake> read_intake(ServerConnection& server, sdk::Id id) {
    const auto rows = server.query(
        "SELECT id, client_id, version, recorded_at, reason_for_visit, goals, activity, "
        "medications, allergies, surgeries_injuries, areas_to_avoid, preferred_pressure, "
        "consent_agreed, consent_date, consent_signer, consent_signature_png, uid "
        "FROM intakes WHERE id = $1",
        {number(id)});
    if (rows.size() == 0)
        return std::nullopt;
    sdk::Intake i;
    i.id = id_at(rows, 0, 0);
    i.client_id = id_at(rows, 0, 1);
    i.version = int_at(rows, 0, 2);
    i.recorded_at = rows.text(0, 3);
    i.reason_for_visit = rows.text(0, 4);
    i.goals = rows.text(0, 5);
    i.activity = rows.text(0, 6);
    i.medications = rows.text(0, 7);
    i.allergies = rows.text(0, 8);
    i.surgeries_injuries = rows.text(0, 9);
    i.areas_to_avoid = rows.text(0, 10);
    i.preferred_pressure = optional_int_at(rows, 0, 11);
    i.consent.agreed = rows.text(0, 12) == "1";
    i.consent.date = rows.text(0, 13);
    i.consent.signer_name = rows.text(0, 14);
    i.consent.signature_png_base64 = rows.text(0, 15);
    i.uid = rows.text(0, 16);
    const auto flags = server.query(
        "SELECT flag FROM intakes, json_array_elements_text(health_flags) WITH ORDINALITY "
        "AS f(flag, n) WHERE id = $1 ORDER BY n",
        {number(id)});
    for (int row = 0; row < flags.size(); ++row)
        i.health_flags.push_back(flags.text(row, 0));
    return i;
}

namespace {

class ServerIntakeRecords final : public IntakeRecords {
  public:
    explicit ServerIntakeRecords(SharedConnection server)
        : connection_(std::move(server)), server_(*connection_) {}

    sdk::Id save(const sdk::Intake& i) override {
        // Two computers saving the same client's intake at once would count the same next
        // version: a lock on that client's intake (for this transaction only) makes the second
        // count after the first has written. Other clients' saves do not wait on it.
        ServerTransaction transaction(server_);
        server_.query(
            "SELECT pg_advisory_xact_lock(1265520241, ($1::bigint % 2147483647)::integer)",
            {number(i.client_id)});
        const auto id = id_at(
            server_.query(
                "INSERT INTO intakes (client_id, version, recorded_at, reason_for_visit, goals, "
                "activity, health_flags, medications, allergies, surgeries_injuries, "
                "areas_to_avoid, preferred_pressure, consent_agreed, consent_date, "
                "consent_signer, consent_signature_png, uid) VALUES ($1, "
                "(SELECT coalesce(max(version), 0) + 1 FROM intakes WHERE client_id = $1), "
                "coalesce($2, kn_utc_now()), $3, $4, $5, $6::json, $7, $8, $9, $10, "
                "$11::integer, $12::integer, $13, $14, $15, "
                "coalesce($16, gen_random_uuid()::text)) RETURNING id",
                {number(i.client_id), text_or_null(i.recorded_at), i.reason_for_visit, i.goals,
                 i.activity, json_string_array(i.health_flags), i.medications, i.allergies,
                 i.surgeries_injuries, i.areas_to_avoid, number(i.preferred_pressure),
                 std::string(i.consent.agreed ? "1" : "0"), i.consent.date, i.consent.signer_name,
                 i.consent.signature_png_base64, text_or_null(i.uid)}),
            0, 0);
        transaction.commit();
        return id;
    }

    std::optional<sdk::Intake> get(sdk::Id id) override { return read_intake(server_, id); }

    std::optional<sdk::Intake> current(sdk::Id client_id) override {
        const auto id = newest_intake_id(server_, client_id);
        return id ? read_intake(server_, *id) : std::nullopt;
    }

    std::vector<sdk::Intake> versions(sdk::Id client_id) override {
        // One snapshot, so the versions listed are all there when each is read.
        ServerTransaction snapshot(server_, ServerTransaction::Kind::read_snapshot);
        const auto rows = server_.query(
            "SELECT id FROM intakes WHERE client_id = $1 ORDER BY version", {number(client_id)});
        std::vector<sdk::Intake> all;
        for (int row = 0; row < rows.size(); ++row) {
            if (auto intake = read_intake(server_, id_at(rows, row, 0)))
                all.push_back(std::move(*intake));
        }
        return all;
    }

  private:
    SharedConnection connection_;
    ServerConnection& server_;
};

}  // namespace

std::unique_ptr<IntakeRecords> intake_records_on(SharedConnection server) {
    return std::make_unique<ServerIntakeRecords>(std::move(server));
}

}  // namespace knotnotes::db::postgres

namespace knotnotes::db {

std::unique_ptr<IntakeRecords> connect_intake_records(const std::string& address,
                                                      std::optional<std::string> password) {
    return postgres::intake_records_on(
        postgres::shared(connect_clinic_server(address, std::move(password))));
}

}  // namespace knotnotes::db

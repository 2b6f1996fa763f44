#include "intake_repository.hpp"

#include "database.hpp"
#include "json_text.hpp"
#include "timestamps.hpp"
#include "transaction.hpp"
#include "uid.hpp"

namespace knotnotes::db {
namespace {

const std::string select_columns =
    "SELECT id, client_id, version, recorded_at, reason_for_visit, goals, activity, "
    "medications, allergies, surgeries_injuries, areas_to_avoid, preferred_pressure, "
    "consent_agreed, consent_date, consent_signer, consent_signature_png, coalesce(uid, '') FROM "
    "intakes ";

}  // namespace

sdk::Intake IntakeRepository::read_row(const Statement& st) {
    sdk::Intake i;
    i.id = st.int64(0);
    i.client_id = st.int64(1);
    i.version = st.integer(2);
    i.recorded_at = st.text(3);
    i.reason_for_visit = st.text(4);
    i.goals = st.text(5);
    i.activity = st.text(6);
    i.medications = st.text(7);
    i.allergies = st.text(8);
    i.surgeries_injuries = st.text(9);
    i.areas_to_avoid = st.text(10);
    i.preferred_pressure = st.optional_int(11);
    i.consent.agreed = st.integer(12) != 0;
    i.consent.date = st.text(13);
    i.consent.signer_name = st.text(14);
    i.consent.signature_png_base64 = st.text(15);
    i.uid = st.text(16);
    auto flags = db_.prepare(
        "SELECT value FROM intakes, json_each(intakes.health_flags) "
        "WHERE intakes.id = ? ORDER BY json_each.key");
    flags->bind(1, i.id);
    while (flags->step())
        i.health_flags.push_back(flags->text(0));
    return i;
}

sdk::Id IntakeRepository::save(const sdk::Intake& i) {
    Transaction transaction(db_);
    db_.prepare(
           "INSERT INTO intakes (client_id, version, recorded_at, reason_for_visit, goals, "
           "activity, health_flags, medications, allergies, surgeries_injuries, areas_to_avoid, "
           "preferred_pressure, consent_agreed, consent_date, consent_signer, "
           "consent_signature_png, uid) VALUES (?1, (SELECT coalesce(max(version), 0) + 1 FROM "
           "intakes WHERE client_id = ?1), ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
           "?14, ?15, ?16)")
        ->bind_all(i.client_id, i.recorded_at.empty() ? utc_now() : i.recorded_at,
                   i.reason_for_visit, i.goals, i.activity, json_string_array(i.health_flags),
                   i.medications, i.allergies, i.surgeries_injuries, i.areas_to_avoid,
                   i.preferred_pressure, i.consent.agreed ? 1 : 0, i.consent.date,
                   i.consent.signer_name, i.consent.signature_png_base64,
                   i.uid.empty() ? new_uid() : i.uid)
        .run();
    const auto id = db_.last_insert_id();
    transaction.commit();
    return id;
}

std::optional<sdk::Intake> IntakeRepository::get(sdk::Id id) {
    std::optional<sdk::Intake> result;
    auto st = db_.prepare(select_columns + "WHERE id = ?");
    st->bind(1, id);
    if (st->step())
        result = read_row(*st);
    return result;
}

std::optional<sdk::Intake> IntakeRepository::current(sdk::Id client_id) {
    std::optional<sdk::Intake> result;
    auto st = db_.prepare(select_columns + "WHERE client_id = ? ORDER BY version DESC LIMIT 1");
    st->bind(1, client_id);
    if (st->step())
        result = read_row(*st);
    return result;
}

std::vector<sdk::Intake> IntakeRepository::versions(sdk::Id client_id) {
    std::vector<sdk::Intake> result;
    auto st = db_.prepare(select_columns + "WHERE client_id = ? ORDER BY version");
    st->bind(1, client_id);
    while (st->step())
        result.push_back(read_row(*st));
    return result;
}

}  // namespace knotnotes::db

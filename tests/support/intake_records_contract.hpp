// intake_records_contract.hpp — what the intakes seam means (db/intake_records.hpp), checked the
// same way on every engine: the unit tests run it on a SQLite file, the PostgreSQL tests on a
// real clinic server as a therapist.
#pragma once

#include <catch2/catch.hpp>

#include "db/intake_records.hpp"

namespace knotnotes::test {

inline void check_intake_records_contract(db::IntakeRecords& intakes, sdk::Id client) {
    CHECK_FALSE(intakes.current(client));
    CHECK(intakes.versions(client).empty());

    sdk::Intake first;
    first.client_id = client;
    first.version = 7;  // ignored: the first save is version 1
    first.reason_for_visit = "Neck pain after desk work";
    first.goals = "Turn her head when driving";
    first.activity = "Desk work, climbing";
    first.health_flags = {"anticoagulants", "pregnancy"};
    first.medications = "Warfarin";
    first.allergies = "Nut oils";
    first.surgeries_injuries = "Whiplash 2019";
    first.areas_to_avoid = "Left calf";
    first.preferred_pressure = 4;
    first.consent.agreed = true;
    first.consent.date = "2026-11-30";
    first.consent.signer_name = "Ann Client";
    first.consent.signature_png_base64 = "iVBORw0KGgo=";
    const auto first_id = intakes.save(first);
    const auto read = intakes.get(first_id);
    REQUIRE(read);
    CHECK(read->id == first_id);
    CHECK(read->client_id == client);
    CHECK(read->version == 1);
    CHECK(read->recorded_at.size() == 24);  // made here, now
    CHECK(read->uid.size() == 36);
    CHECK(read->reason_for_visit == "Neck pain after desk work");
    CHECK(read->goals == "Turn her head when driving");
    CHECK(read->activity == "Desk work, climbing");
    CHECK(read->health_flags == std::vector<std::string>{"anticoagulants", "pregnancy"});
    CHECK(read->medications == "Warfarin");
    CHECK(read->allergies == "Nut oils");
    CHECK(read->surgeries_injuries == "Whiplash 2019");
    CHECK(read->areas_to_avoid == "Left calf");
    CHECK(read->preferred_pressure == 4);
    CHECK(read->consent.agreed);
    CHECK(read->consent.date == "2026-11-30");
    CHECK(read->consent.signer_name == "Ann Client");
    CHECK(read->consent.signature_png_base64 == "iVBORw0KGgo=");

    sdk::Intake second;
    second.client_id = client;
    second.preferred_pressure = std::nullopt;
    const auto second_id = intakes.save(second);
    CHECK(intakes.current(client)->id == second_id);
    CHECK(intakes.current(client)->version == 2);
    CHECK_FALSE(intakes.current(client)->preferred_pressure);
    CHECK(intakes.current(client)->health_flags.empty());
    CHECK_FALSE(intakes.current(client)->consent.agreed);
    const auto all = intakes.versions(client);
    REQUIRE(all.size() == 2);
    CHECK(all[0].id == first_id);
    CHECK(all[1].id == second_id);
    CHECK(all[0].medications == "Warfarin");  // the old version never changes
    CHECK_FALSE(intakes.get(second_id + 1000));
}

}  // namespace knotnotes::test

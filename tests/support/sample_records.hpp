// sample_records.hpp — a database with one practitioner, one client, an intake and a draft
// session, for storage tests that need something to chart on.
#pragma once

#include <memory>

#include "core/signing/signing_key.hpp"
#include "db/chart_entry_repository.hpp"
#include "db/client_repository.hpp"
#include "db/database.hpp"
#include "db/intake_repository.hpp"
#include "db/practitioner_repository.hpp"
#include "db/questionnaire_repository.hpp"
#include "db/session_repository.hpp"
#include "db/signing_key_repository.hpp"

namespace knotnotes::test {

struct SampleRecords {
    sdk::Id practitioner = 0;
    sdk::Id client = 0;
    sdk::Id intake = 0;
    sdk::Id session = 0;
};

inline sdk::Knot sample_knot(sdk::Id session, const std::string& muscle = "upper-trapezius") {
    sdk::Knot k;
    k.session_id = session;
    k.muscle_id = muscle;
    k.side = sdk::Side::left;
    k.view = sdk::ChartView::back;
    k.x = 0.41;
    k.y = 0.165;
    k.kind = sdk::KnotKind::active;
    k.tenderness = 7;
    k.referral = "side of the head";
    return k;
}

// A signing key for the practitioner, without a passphrase (its secret half is not stored, so
// only this test holds it): tests sign with it quickly, as a therapist would with theirs.
inline std::unique_ptr<core::UnlockedKey> test_signing_key(db::Database& db, sdk::Id practitioner) {
    auto key = core::seeded_signing_key(practitioner, "test key " + std::to_string(practitioner));
    key.stored.id = db::SigningKeyRepository(db).add(key.stored);
    return std::move(key.unlocked);
}

inline SampleRecords add_sample_records(db::Database& db) {
    SampleRecords r;
    r.practitioner = db::PractitionerRepository(db).add({0, "Alex Morgan", "RMT"});
    sdk::Client client;
    client.given_name = "Jo";
    client.family_name = "Smith";
    r.client = db::ClientRepository(db).add(client);
    sdk::Intake intake;
    intake.client_id = r.client;
    intake.health_flags = {"anticoagulants"};
    intake.preferred_pressure = 5;
    r.intake = db::IntakeRepository(db).save(intake);
    sdk::Session session;
    session.client_id = r.client;
    session.practitioner_id = r.practitioner;
    session.intake_id = r.intake;
    session.subjective = "Neck tension";
    session.pain_before = 6;
    r.session = db::SessionRepository(db).create_draft(session);
    return r;
}

// An NPRS score of 6 answered in the sample session.
inline sdk::Id add_sample_nprs(db::Database& db, const SampleRecords& r) {
    return db::QuestionnaireRepository(db).add({0,
                                                r.client,
                                                r.session,
                                                "org.knotnotes.questionnaires/nprs",
                                                "1.0",
                                                "",
                                                {{"pain", 6, ""}},
                                                6,
                                                "moderate"});
}

}  // namespace knotnotes::test

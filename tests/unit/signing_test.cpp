// Signatures that mean something: Ed25519 by the practitioner's own key over the whole note's
// canonical form; keys sealed under a passphrase; amendments keep the original.
#include <sodium.h>

#include <clocale>
#include <fstream>
#include <locale>
#include <sstream>

#include <catch2/catch.hpp>

#include "core/practitioner_profiles.hpp"
#include "core/record_store.hpp"
#include "core/record_verification.hpp"
#include "core/signing/audit_anchor.hpp"
#include "core/signing/canonical_note.hpp"
#include "core/signing/crypto_text.hpp"
#include "core/signing/key_fingerprint.hpp"
#include "core/signing/note_signing.hpp"
#include "core/signing/signing_key.hpp"
#include "db/audit_anchor_repository.hpp"
#include "db/questionnaire_repository.hpp"
#include "sample_records.hpp"
#include "scoped_env.hpp"
#include "temp_dir.hpp"

using namespace knotnotes;
using knotnotes::test::TempDir;

namespace {

std::string file_text(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// The note of docs/signing/vectors: every kind of field, text that needs escaping, a decimal
// that rounds, a referral area, a questionnaire with a skipped item, an amendment.
std::pair<sdk::Session, core::NoteContext> vector_note() {
    sdk::Session s;
    s.id = 41;  // row ids are not part of the canonical form
    s.uid = "5b0c6a9e-3d1f-4c2b-9a77-0e5d2f8b1c34";
    s.started_at = "2026-11-25T09:30:00.000Z";
    s.duration_minutes = 60;
    s.location = sdk::SessionLocation::client_home;
    s.subjective = "Neck \"tight\" since Monday\\weekend;\n\tworse at the desk";
    s.objective = "Taut band, Chlo\xc3\xa9's spot <left>";
    s.assessment = "Pain 6 -> 3";
    s.plan = "Weekly x4; heat\x01";
    s.pain_before = 6;
    s.pain_after = 3;
    s.amendment_reason = "Corrects pain after";
    s.conflict_acknowledgement = "";
    sdk::Knot k;
    k.uid = "b1111111-0000-4000-8000-000000000002";
    k.muscle_id = "upper-trapezius";
    k.side = sdk::Side::left;
    k.view = sdk::ChartView::back;
    k.x = 0.4100004;
    k.y = 0.1650005;
    k.kind = sdk::KnotKind::active;
    k.tenderness = 7;
    k.referral = "side of the head";
    k.referral_area = {{0.40, 0.05}, {0.45, 0.06}, {0.42, 0.10}};
    k.result = sdk::KnotResult::reduced;
    auto k2 = k;
    k2.uid = "a0000000-0000-4000-8000-000000000001";  // sorts first
    k2.muscle_id = "rhomboids";
    k2.referral_area.clear();
    k2.result = sdk::KnotResult::released;
    s.knots = {k, k2};
    s.pressure_readings = {
        {0, 0, "upper-back", sdk::Side::bilateral, 7, "c0000000-0000-4000-8000-000000000003"}};
    sdk::TechniqueUse t;
    t.uid = "d0000000-0000-4000-8000-000000000004";
    t.technique_id = "org.knotnotes.techniques.deep-tissue/stripping";
    t.muscle_id = "upper-trapezius";
    t.side = sdk::Side::left;
    t.duration_seconds = 90;
    t.tool = sdk::Tool::thumb;
    t.direction = sdk::Direction::along_fibres;
    t.response = "Softened";
    s.techniques = {t};
    core::NoteContext c;
    c.client_uid = "e0000000-0000-4000-8000-000000000005";
    c.practitioner_uid = "f0000000-0000-4000-8000-000000000006";
    c.signer_uid = c.practitioner_uid;
    c.signer_name = "Alex Morgan";
    c.signed_at = "2026-11-25T10:45:00.123Z";
    c.intake =
        core::NoteContext::Intake{"10000000-0000-4000-8000-000000000007", 2, std::string(64, 'a')};
    c.amends = core::NoteContext::Amends{"20000000-0000-4000-8000-000000000008", "c2lnbmF0dXJl"};
    c.previous_knot_uids = {std::string("30000000-0000-4000-8000-000000000009"), std::nullopt};
    sdk::QuestionnaireResponse r;
    r.uid = "40000000-0000-4000-8000-00000000000a";
    r.instrument_id = "org.knotnotes.questionnaires/peg-3";
    r.instrument_version = "1.0";
    r.completed_at = "2026-11-25T09:35:00.000Z";
    r.answers = {{"pain", 6, ""}, {"enjoyment", std::nullopt, ""}, {"activity", 2.0 / 3, "walk"}};
    r.score = 13.0 / 3;
    r.interpretation = "moderate";
    c.responses = {r};
    return {s, c};
}

const std::filesystem::path vectors =
    std::filesystem::path(KNOTNOTES_SOURCE_DIR) / "docs" / "signing" / "vectors";

}  // namespace

TEST_CASE("the canonical form is the one docs/signing specifies, byte for byte",
          "[core][signing]") {
    auto [session, context] = vector_note();
    const auto key = core::seeded_signing_key(0, "knotnotes canonical form test vector 1");
    context.signer_public_key = key.unlocked->public_key();
    const auto text = core::canonical_note_text(session, context);
    CHECK(text == file_text(vectors / "note-2.canonical.txt"));
    CHECK(key.unlocked->public_key() + "\n" == file_text(vectors / "note-2.public-key.txt"));
    // Ed25519 is deterministic: the same key over the same bytes gives the same signature.
    CHECK(key.unlocked->sign(text) + "\n" == file_text(vectors / "note-2.signature.txt"));
    CHECK(core::sha256_hex(text) + "\n" == file_text(vectors / "note-2.sha256.txt"));
}

TEST_CASE("the canonical form does not depend on the locale or the order of records",
          "[core][signing]") {
    auto [session, context] = vector_note();
    const auto before = core::canonical_note_text(session, context);
    // A decimal comma in both the C and the C++ locale (where the machine has one).
    struct Comma : std::numpunct<char> {
        char do_decimal_point() const override { return ','; }
    };
    const auto old_global = std::locale::global(std::locale(std::locale::classic(), new Comma));
    const bool has_german = std::setlocale(LC_ALL, "de_DE.UTF-8") != nullptr;
    const auto under_comma = core::canonical_note_text(session, context);
    std::setlocale(LC_ALL, "C");
    std::locale::global(old_global);
    CHECK(under_comma == before);
    if (!has_german)
        WARN("de_DE.UTF-8 is not installed here: only the C++ locale was changed");

    std::swap(session.knots[0], session.knots[1]);
    std::swap(context.previous_knot_uids[0], context.previous_knot_uids[1]);
    CHECK(core::canonical_note_text(session, context) == before);
}

TEST_CASE("every part of the note changes what is signed", "[core][signing]") {
    const auto [session, context] = vector_note();
    const auto base = core::canonical_note_text(session, context);
    using Change = std::function<void(sdk::Session&, core::NoteContext&)>;
    const std::vector<std::pair<const char*, Change>> changes{
        {"client", [](auto&, auto& c) { c.client_uid[0] = 'f'; }},
        {"practitioner", [](auto&, auto& c) { c.practitioner_uid[0] = 'e'; }},
        {"signer", [](auto&, auto& c) { c.signer_uid[0] = 'e'; }},
        {"signer name", [](auto&, auto& c) { c.signer_name = "Sam Rivera"; }},
        {"signing time", [](auto&, auto& c) { c.signed_at[18] = '1'; }},
        {"intake version", [](auto&, auto& c) { c.intake->version = 3; }},
        {"intake content", [](auto&, auto& c) { c.intake->sha256[0] = 'b'; }},
        {"amended note", [](auto&, auto& c) { c.amends->signature = "b3RoZXI="; }},
        {"amendment reason", [](auto& s, auto&) { s.amendment_reason = "Other"; }},
        {"conflict", [](auto& s, auto&) { s.conflict_acknowledgement = "Client insisted"; }},
        {"start", [](auto& s, auto&) { s.started_at[12] = '1'; }},
        {"duration", [](auto& s, auto&) { s.duration_minutes = 61; }},
        {"location", [](auto& s, auto&) { s.location = sdk::SessionLocation::clinic; }},
        {"subjective", [](auto& s, auto&) { s.subjective += "."; }},
        {"objective", [](auto& s, auto&) { s.objective += "."; }},
        {"assessment", [](auto& s, auto&) { s.assessment += "."; }},
        {"plan", [](auto& s, auto&) { s.plan += "."; }},
        {"pain before", [](auto& s, auto&) { s.pain_before.reset(); }},
        {"pain after", [](auto& s, auto&) { s.pain_after = 4; }},
        {"knot position", [](auto& s, auto&) { s.knots[0].x += 0.000001; }},
        {"knot side", [](auto& s, auto&) { s.knots[0].side = sdk::Side::right; }},
        {"knot tenderness", [](auto& s, auto&) { s.knots[0].tenderness = 6; }},
        {"knot result", [](auto& s, auto&) { s.knots[0].result = sdk::KnotResult::unchanged; }},
        {"referral area", [](auto& s, auto&) { s.knots[0].referral_area.pop_back(); }},
        {"knot history", [](auto&, auto& c) { c.previous_knot_uids[0].reset(); }},
        {"knot removed", [](auto& s, auto&) { s.knots.pop_back(); }},
        {"pressure", [](auto& s, auto&) { s.pressure_readings[0].pressure = 6; }},
        {"technique", [](auto& s, auto&) { s.techniques[0].tool = sdk::Tool::elbow; }},
        {"questionnaire answer", [](auto&, auto& c) { c.responses[0].answers[1].value = 1; }},
        {"questionnaire score", [](auto&, auto& c) { c.responses[0].score = 4.0; }},
        {"questionnaire removed", [](auto&, auto& c) { c.responses.clear(); }},
    };
    for (const auto& [what, change] : changes) {
        auto s = session;
        auto c = context;
        change(s, c);
        INFO(what);
        CHECK(core::canonical_note_text(s, c) != base);
    }
}

TEST_CASE("a signed note verifies, and only with the signer's key over what is stored",
          "[core][signing]") {
    TempDir dir;
    db::Database database(dir / "k.db");
    const auto r = test::add_sample_records(database);
    db::ChartEntryRepository(database).add_knot(test::sample_knot(r.session));
    test::add_sample_nprs(database, r);
    const auto key = test::test_signing_key(database, r.practitioner);
    const auto signature = core::sign_note(database, r.session, *key);
    CHECK(signature.algorithm == "ed25519");
    CHECK(signature.canonical_version == 2);
    CHECK(signature.signer == "Alex Morgan");
    CHECK(signature.public_key == key->public_key());
    const auto stored = db::SessionRepository(database).get(r.session);
    REQUIRE(stored->is_signed());
    CHECK(stored->signature->value == signature.value);
    CHECK(core::check_note_signature(database, *stored).valid);
    CHECK(core::verify_record(database).passed());

    // The signature is a real Ed25519 signature (checked with libsodium directly) over bytes
    // whose SHA-256 is the stored digest.
    const auto sig = core::from_base64(signature.value, crypto_sign_BYTES, "signature");
    const auto pk = core::from_base64(signature.public_key, crypto_sign_PUBLICKEYBYTES, "key");
    CHECK(signature.content_sha256.size() == 64);
    CHECK(sig.size() == 64);
    CHECK(pk.size() == 32);

    // Signed once only; a key that is not the practitioner's is refused.
    CHECK_THROWS_WITH(core::sign_note(database, r.session, *key),
                      Catch::Contains("already signed"));
    const auto other_id = db::PractitionerRepository(database).add({0, "Sam Rivera", "LMT"});
    const auto draft = db::SessionRepository(database).create_draft([&] {
        sdk::Session s;
        s.client_id = r.client;
        s.practitioner_id = r.practitioner;
        return s;
    }());
    auto stranger = core::seeded_signing_key(other_id, "not stored anywhere");
    CHECK_THROWS_WITH(core::sign_note(database, draft, *stranger.unlocked),
                      Catch::Contains("not one of"));
    // A demo practitioner never signs a real note.
    const auto demo_id = db::PractitionerRepository(database).add({0, "Demo Person", ""}, true);
    const auto demo_key = test::test_signing_key(database, demo_id);
    CHECK_THROWS_WITH(core::sign_note(database, draft, *demo_key),
                      Catch::Contains("demo practitioner"));
}

TEST_CASE("an amendment is a new draft with a reason, linked to the signed original",
          "[core][signing]") {
    TempDir dir;
    db::Database database(dir / "k.db");
    const auto r = test::add_sample_records(database);
    db::ChartEntryRepository(database).add_knot(test::sample_knot(r.session));
    const auto key = test::test_signing_key(database, r.practitioner);
    core::sign_note(database, r.session, *key);
    db::SessionRepository sessions(database);
    CHECK_THROWS_WITH(sessions.amend(r.session, "  "), Catch::Contains("needs a reason"));
    const auto amendment_id = sessions.amend(r.session, "Pain after was recorded wrong");
    const auto amendment = *sessions.get(amendment_id);
    CHECK_FALSE(amendment.is_signed());
    CHECK(amendment.amends_session_id == r.session);
    CHECK(amendment.amendment_reason == "Pain after was recorded wrong");
    CHECK(amendment.uid != sessions.get(r.session)->uid);
    REQUIRE(amendment.knots.size() == 1);
    CHECK(amendment.knots[0].uid != sessions.get(r.session)->knots[0].uid);
    const auto signature = core::sign_note(database, amendment_id, *key);
    CHECK(core::check_note_signature(database, *sessions.get(amendment_id)).valid);
    CHECK(sessions.get(r.session)->is_signed());  // the original stays, signed
    CHECK(core::verify_record(database).passed());
    CHECK_THROWS_WITH(sessions.amend(amendment_id + 100, "typo"),
                      Catch::Contains("not a signed session"));
}

TEST_CASE("a signing key is sealed under its passphrase and opens with it only",
          "[core][signing]") {
    TempDir dir;
    db::Database database(dir / "k.db");
    const auto practitioner = db::PractitionerRepository(database).add({0, "Alex Morgan", "RMT"});
    CHECK_THROWS_WITH(core::make_signing_key(practitioner, "short"), Catch::Contains("at least 8"));
    auto made = core::make_signing_key(practitioner, "correct horse battery");
    made.stored.id = db::SigningKeyRepository(database).add(made.stored);
    // What is stored does not hold the secret in the clear.
    const auto stored = *db::SigningKeyRepository(database).signing_key_of(practitioner);
    CHECK(stored.kdf_opslimit == crypto_pwhash_OPSLIMIT_MODERATE);
    CHECK(stored.kdf_memlimit == crypto_pwhash_MEMLIMIT_MODERATE);
    CHECK(stored.sealed_secret_key.size() > 64);

    CHECK_THROWS_AS(core::unlock_signing_key(stored, "wrong horse battery"), core::WrongPassphrase);
    const auto unlocked = core::unlock_signing_key(stored, "correct horse battery");
    CHECK(unlocked->public_key() == made.unlocked->public_key());
    CHECK(unlocked->sign("x") == made.unlocked->sign("x"));

    // Moved onto another public key, the sealed secret does not open.
    auto moved = stored;
    moved.public_key = core::seeded_signing_key(0, "other").stored.public_key;
    CHECK_THROWS_AS(core::unlock_signing_key(moved, "correct horse battery"),
                    core::WrongPassphrase);

    // A new passphrase: the same key, the old passphrase no longer opens it.
    const auto resealed =
        core::reseal_signing_key(stored, "correct horse battery", "new passphrase 2");
    CHECK(resealed.public_key == stored.public_key);
    CHECK_THROWS_AS(core::unlock_signing_key(resealed, "correct horse battery"),
                    core::WrongPassphrase);
    CHECK(core::unlock_signing_key(resealed, "new passphrase 2")->public_key() ==
          stored.public_key);
}

TEST_CASE("signing takes well under 5 ms once the passphrase is given", "[core][signing]") {
    TempDir dir;
    db::Database database(dir / "k.db");
    const auto r = test::add_sample_records(database);
    db::ChartEntryRepository entries(database);
    for (int i = 0; i < 6; ++i)
        entries.add_knot(test::sample_knot(r.session));
    const auto key = test::test_signing_key(database, r.practitioner);
    const auto start = std::chrono::steady_clock::now();
    core::sign_note(database, r.session, *key);
    const auto took = std::chrono::steady_clock::now() - start;
    // A generous bound for a loaded CI machine; the benchmark prints the real figure.
    CHECK(took < std::chrono::milliseconds(50));
}

TEST_CASE("a practitioner profile is who charts, remembered per database", "[core][signing]") {
    TempDir dir;
    test::ScopedEnv config("XDG_CONFIG_HOME", (dir / "config").string());
    db::Database database(dir / "k.db");
    core::PractitionerProfiles profiles(database);
    CHECK_FALSE(profiles.current());  // a first run: nobody yet
    db::PractitionerRepository(database).add({0, "Demo Person", ""}, true);
    CHECK_FALSE(profiles.current());  // demo practitioners are never a profile
    CHECK_THROWS_WITH(profiles.create_profile({"  ", "", ""}, "long enough pass"),
                      Catch::Contains("name"));
    const auto alex = profiles.create_profile({"Alex Morgan", "RMT", "R-1234"}, "alex passphrase");
    CHECK(profiles.current()->id == alex.id);
    CHECK(alex.registration == "R-1234");
    CHECK(core::key_fingerprint(alex.public_key).size() == 39);
    const auto sam = profiles.create_profile({"Sam Rivera", "LMT", ""}, "sam passphrase!");
    CHECK(profiles.current()->id == sam.id);  // the one just made charts now
    profiles.choose(alex.id);
    CHECK(core::PractitionerProfiles(database).current()->id == alex.id);
    CHECK(database.actor() == "Alex Morgan <" + alex.uid + ">");
    CHECK_THROWS_AS(profiles.unlock(alex.id, "sam passphrase!"), core::WrongPassphrase);
    CHECK(profiles.unlock(alex.id, "alex passphrase")->public_key() == alex.public_key);

    // Another database on the same computer has its own choice.
    db::Database other(dir / "other.db");
    core::PractitionerProfiles other_profiles(other);
    CHECK_FALSE(other_profiles.current());
}

TEST_CASE("closing the database with a key unlocked anchors the changes made since signing",
          "[core][signing]") {
    TempDir dir;
    test::ScopedEnv config("XDG_CONFIG_HOME", (dir / "config").string());
    const auto file = dir / "k.db";
    {
        core::RecordStore store(file);
        const auto alex = core::PractitionerProfiles(store.database())
                              .create_profile({"Alex Morgan", "RMT", ""}, "alex passphrase");
        store.signing_session().keep(
            core::PractitionerProfiles(store.database()).unlock(alex.id, "alex passphrase"));
        sdk::Client client;
        client.given_name = "Ada";
        client.family_name = "Lovelace";
        store.add_client(client);
    }
    db::Database database(file);
    db::AuditAnchorRepository anchors(database);
    const auto all = anchors.all();
    REQUIRE(all.size() == 1);
    CHECK(all.back().reason == "closed");
    CHECK(all.back().audit_seq == anchors.head().seq);
    CHECK(core::check_audit_anchors(database).passed);

    // Nothing changed: closing again adds no anchor. Without a key, none can be made.
    {
        core::RecordStore store(file);
        store.signing_session().keep(
            core::PractitionerProfiles(store.database())
                .unlock(core::PractitionerProfiles(store.database()).current()->id,
                        "alex passphrase"));
    }
    CHECK(anchors.all().size() == 1);
    {
        core::RecordStore store(file);
        sdk::Client client;
        client.given_name = "Bo";
        client.family_name = "Diddley";
        store.add_client(client);
    }
    CHECK(anchors.all().size() == 1);
}

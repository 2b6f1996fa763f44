// Text entry points refuse what the record format cannot hold (entered_text.hpp): invalid
// UTF-8, characters XML cannot hold, and text beyond the one limit the importer applies too.
#include <catch2/catch.hpp>

#include "core/entered_text.hpp"
#include "core/intake_service.hpp"
#include "core/practitioner_profiles.hpp"
#include "core/record_store.hpp"
#include "core/session_editor.hpp"
#include "db/session_repository.hpp"
#include "sample_records.hpp"
#include "scoped_env.hpp"
#include "temp_dir.hpp"

using namespace knotnotes;
using knotnotes::test::TempDir;

namespace {

const std::string latin1 = "Caf\xe9";           // ISO-8859-1, not UTF-8
const std::string bell = "tight\x07 shoulder";  // a control character XML cannot hold
const std::string overlong = "\xc0\xaf";        // an overlong '/'
const std::string surrogate = "\xed\xa0\x80";   // U+D800 encoded
const std::string fffe = "\xef\xbf\xbe";        // U+FFFE, not an XML character

}  // namespace

TEST_CASE("the rule: UTF-8 of XML characters, within the format's limit", "[core][text]") {
    CHECK_NOTHROW(core::check_entered_text("The note", "Müller: tab\there,\r\nnew line; 😀"));
    for (const auto& bad : {latin1, bell, overlong, surrogate, fffe}) {
        CAPTURE(bad);
        CHECK_THROWS_AS(core::check_entered_text("The note", bad), core::EnteredTextRefused);
    }
    CHECK_THROWS_WITH(core::check_entered_text("The Plan note", latin1),
                      Catch::Contains("The Plan note") && Catch::Contains("0xE9") &&
                          Catch::Contains("not UTF-8"));
    CHECK_THROWS_WITH(core::check_entered_text("The Plan note", bell),
                      Catch::Contains("U+0007") && Catch::Contains("control character"));
    CHECK_NOTHROW(core::check_entered_text("The note", std::string(sdk::max_text_bytes, 'x')));
    CHECK_THROWS_WITH(
        core::check_entered_text("The note", std::string(sdk::max_text_bytes + 1, 'x')),
        Catch::Contains("too long") && Catch::Contains(std::to_string(sdk::max_text_bytes)));
    CHECK_THROWS_AS(
        core::check_entered_short_text("The name", std::string(sdk::max_short_text_bytes + 1, 'a')),
        core::EnteredTextRefused);
}

TEST_CASE("every entry point refuses such text and stores nothing of it", "[core][text]") {
    TempDir dir;
    test::ScopedEnv config("XDG_CONFIG_HOME", (dir / "config").string());
    core::RecordStore store(dir / "k.db");
    auto& database = store.database();
    const auto r = test::add_sample_records(database);

    sdk::Client client;
    client.given_name = "Jo";
    client.family_name = latin1;
    const auto clients_before = store.client_count();
    CHECK_THROWS_WITH(store.add_client(client), Catch::Contains("The family name"));
    client.family_name = "Smith";
    client.phone = bell;
    CHECK_THROWS_WITH(store.add_client(client), Catch::Contains("The phone number"));
    CHECK(store.client_count() == clients_before);

    core::SessionEditor editor(store.charting(), r.session, &store.note_signer());
    auto note = editor.session();
    note.subjective = bell;
    CHECK_THROWS_WITH(editor.update_note(note), Catch::Contains("The Subjective note"));
    note.subjective = "fine";
    note.plan = std::string(sdk::max_text_bytes + 1, 'p');
    CHECK_THROWS_WITH(editor.update_note(note), Catch::Contains("The Plan note"));
    CHECK(db::SessionRepository(database).get(r.session)->subjective == "Neck tension");

    auto knot =
        editor.place_knot("upper-trapezius", sdk::Side::left, sdk::ChartView::back, 0.4, 0.2);
    knot.referral = latin1;
    CHECK_THROWS_WITH(editor.update_knot(knot), Catch::Contains("referral"));
    sdk::TechniqueUse use;
    use.technique_id = "knotnotes-techniques/stripping";
    use.response = fffe;
    CHECK_THROWS_WITH(editor.add_technique(use), Catch::Contains("response"));
    CHECK(db::SessionRepository(database).get(r.session)->techniques.empty());

    sdk::Intake intake;
    intake.client_id = r.client;
    intake.medications = surrogate;
    CHECK_THROWS_WITH(core::IntakeService(database).save(intake),
                      Catch::Contains("The medications"));

    core::PractitionerProfiles profiles(database);
    const auto profiles_before = profiles.profiles().size();
    CHECK_THROWS_WITH(profiles.create_profile({"Alex " + bell, "RMT", ""}, "alex passphrase"),
                      Catch::Contains("The practitioner's name"));
    CHECK(profiles.profiles().size() == profiles_before);
}

// The current host, whose records have grown since SDK 2.0 (Session::location, 2.1), with the
// compat plugin built against the frozen SDK 2.0 headers: what it exports is every 2.0 field
// as the database holds it, and what it imports comes in right, the newer fields as defaults.
#include <catch2/catch.hpp>
#include <sstream>

#include "cli_workspace.hpp"
#include "core/signing/note_signing.hpp"
#include "db/chart_entry_repository.hpp"
#include "db/client_repository.hpp"
#include "db/database.hpp"
#include "db/installation.hpp"
#include "db/intake_repository.hpp"
#include "db/practitioner_repository.hpp"
#include "db/questionnaire_repository.hpp"
#include "db/session_repository.hpp"
#include "record_dump.hpp"
#include "sample_chart.hpp"
#include "sample_records.hpp"

using namespace knotnotes;
using knotnotes::test::slurp;
using knotnotes::test::Workspace;

namespace {

const std::string plugin_id = "org.knotnotes.test.compat-2-0";

// The sample chart, stored as the app stores it: a signed session (with a questionnaire
// response) and an amendment of it charted at the client's home.
void store_chart(db::Database& database) {
    auto chart = compat::sample_chart();
    const auto practitioner = db::PractitionerRepository(database).add(chart.practitioners[0]);
    const auto client = db::ClientRepository(database).add(chart.client);
    chart.intake.client_id = client;
    const auto intake = db::IntakeRepository(database).save(chart.intake);
    auto session = chart.sessions[0];
    session.client_id = client;
    session.practitioner_id = practitioner;
    session.intake_id = intake;
    db::SessionRepository sessions(database);
    const auto id = sessions.create_draft(session);
    db::ChartEntryRepository entries(database);
    for (auto knot : session.knots) {
        knot.session_id = id;
        entries.add_knot(knot);
    }
    for (auto reading : session.pressure_readings) {
        reading.session_id = id;
        entries.add_pressure_reading(reading);
    }
    for (auto use : session.techniques) {
        use.session_id = id;
        entries.add_technique_use(use);
    }
    chart.response.client_id = client;
    chart.response.session_id = id;
    chart.response.instrument_id = plugin_id + "/tally";
    db::QuestionnaireRepository(database).add(chart.response);
    core::sign_note(database, id, *test::test_signing_key(database, practitioner));
    auto amendment = *sessions.get(sessions.amend(id, chart.sessions[1].amendment_reason));
    amendment.location = sdk::SessionLocation::client_home;  // the 2.1 growth, really used
    sessions.update_note(amendment);
}

// Every record of the database as the current SDK's writer dumps it, in export order.
std::string dump_of(db::Database& database) {
    compat::Writer w;
    w.text = "[export]\ninstallation_id=" + db::installation_id(database) + "\n";
    for (const auto& p : db::PractitionerRepository(database).all())
        w.practitioner(p);
    db::ClientRepository clients(database);
    for (auto id : clients.ids_after(0, 100)) {
        w.client(*clients.get(id));
        for (const auto& intake : db::IntakeRepository(database).versions(id))
            w.intake(intake);
        db::SessionRepository sessions(database);
        for (const auto& summary : sessions.list_for_client(id))
            w.session(*sessions.get(summary.id));
        for (const auto& response : db::QuestionnaireRepository(database).for_client(id))
            w.response(response);
    }
    return w.text;
}

std::string without(const std::string& text, const std::string& prefix) {
    std::istringstream in(text);
    std::string out;
    for (std::string line; std::getline(in, line);) {
        if (line.rfind(prefix, 0) != 0)
            out += line + "\n";
    }
    return out;
}

std::vector<std::string> with_plugin(std::vector<std::string> args) {
    args.insert(args.begin(), {"--plugin-path", COMPAT_20_PLUGIN_DIR});
    return args;
}

}  // namespace

TEST_CASE("a plugin built against SDK 2.0 exports every field it knows from the current host",
          "[compat]") {
    Workspace w;
    std::string expected;
    {
        db::Database database(w.path("a.db"));
        store_chart(database);
        expected = dump_of(database);
    }
    REQUIRE_THAT(expected, Catch::Contains("location=client-home"));  // the host has grown

    auto r = w.on("a.db",
                  with_plugin({"export", "--format", "compat-dump-2.0", "-o", w.path("old.txt")}));
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);
    const auto exported = slurp(w.path("old.txt"));
    CHECK(exported == without(expected, "location="));
    CHECK_THAT(exported, !Catch::Contains("location"));
}

TEST_CASE("a plugin built against SDK 2.0 imports into the current host, new fields as defaults",
          "[compat]") {
    Workspace w;
    std::string original;
    {
        db::Database database(w.path("a.db"));
        store_chart(database);
        original = dump_of(database);
    }
    REQUIRE(w.on("a.db",
                 with_plugin({"export", "--format", "compat-dump-2.0", "-o", w.path("old.txt")}))
                .exit_code == 0);
    auto r =
        w.on("b.db", with_plugin({"import", "--format", "compat-dump-2.0", w.path("old.txt")}));
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);

    db::Database imported(w.path("b.db"));
    const auto dump = dump_of(imported);
    // Every 2.0 field came through (uids, the signature, the amendment's link and reason,
    // referral areas...), ids renumbered alike in a fresh database; the installation is b's own.
    const auto comparable = [](const std::string& text) {
        return without(without(text, "location="), "installation_id=");
    };
    CHECK(comparable(dump) == comparable(original));
    // Where the sessions took place, which 2.0 cannot carry, reads as not recorded.
    db::SessionRepository sessions(imported);
    for (const auto& summary : sessions.list_for_client(1))
        CHECK(sessions.get(summary.id)->location == sdk::SessionLocation::unspecified);
    CHECK(sessions.get(1)->is_signed());
}

// Charting through the storage seam on a real clinic server: the same contract as on a SQLite
// file (charting_store_contract.hpp), a lost update caught by the session's row version (two
// windows on one draft), each role charting only what the server lets it, the login as the
// audit actor, and 8 therapists charting their own sessions at once.
#include <catch2/catch.hpp>

#include <vector>

#include "charting_store_contract.hpp"
#include "clinic_records.hpp"
#include "clinic_server.hpp"
#include "core/session_editor.hpp"
#include "db/charting_store.hpp"
#include "db/database_error.hpp"
#include "db/postgres/server_audit_chain.hpp"
#include "run_at_once.hpp"

using namespace knotnotes;
using db::postgres::ClinicRole;
using test::count;

namespace {

std::unique_ptr<db::ChartingStore> charting_as(const test::ClinicServer& clinic,
                                               const std::string& login) {
    return db::connect_charting_store(clinic.uri(login), test::test_password_of(login));
}

sdk::Id my_practitioner_id(db::postgres::ServerConnection& as) {
    return std::stoll(as.query("SELECT kn_my_practitioner_id()").text(0, 0));
}

sdk::Session draft_for(sdk::Id client, sdk::Id practitioner) {
    sdk::Session draft;
    draft.client_id = client;
    draft.practitioner_id = practitioner;
    draft.subjective = "Low back pain after gardening";
    return draft;
}

}  // namespace

TEST_CASE("charting on a clinic server keeps the charting store contract") {
    test::ClinicServer clinic;
    const auto jane = clinic.add_login("jane", ClinicRole::therapist, "Jane Roe");
    auto jane_writes = clinic.as(jane);
    const auto client = std::stoll(test::add_client(jane_writes, "Ann"));
    auto store = charting_as(clinic, jane);
    test::check_charting_store_contract(
        {*store, client, my_practitioner_id(jane_writes),
         [&] {
             return std::stoll(jane_writes
                                   .query("INSERT INTO intakes (client_id, preferred_pressure) "
                                          "VALUES ($1, 5) RETURNING id",
                                          {std::to_string(client)})
                                   .text(0, 0));
         },
         [&](sdk::Id session) { test::sign_session(jane_writes, std::to_string(session)); }});
    // Every change above is in the server's audit chain under Jane's login, and the chain holds.
    auto admin = clinic.admin();
    CHECK(count(admin, "SELECT count(*) FROM audit_log WHERE table_name = 'knots' AND actor = '" +
                           jane + "'") > 0);
    CHECK(count(admin,
                "SELECT count(*) FROM audit_log WHERE table_name IN ('knots', "
                "'sessions') AND actor <> '" +
                    jane + "'") == 0);
    CHECK(db::postgres::check_server_audit_chain(admin).intact);
}

TEST_CASE("the same draft open in two windows: the later save is refused, never written over") {
    test::ClinicServer clinic;
    const auto jane = clinic.add_login("jane", ClinicRole::therapist, "Jane Roe");
    auto jane_writes = clinic.as(jane);
    const auto client = std::stoll(test::add_client(jane_writes, "Ann"));
    auto laptop = charting_as(clinic, jane);
    auto desktop = charting_as(clinic, jane);
    const auto id = laptop->create_draft(draft_for(client, my_practitioner_id(jane_writes)));

    core::SessionEditor on_laptop(*laptop, id);
    core::SessionEditor on_desktop(*desktop, id);
    auto fields = on_laptop.session();
    fields.plan = "Stretch twice a day";
    on_laptop.update_note(fields);
    fields.plan = "Stretch three times a day";  // the laptop saves again: its own version
    on_laptop.update_note(fields);

    auto other = on_desktop.session();
    other.assessment = "Better";
    try {
        on_desktop.update_note(other);
        FAIL("the desktop's save went through over the laptop's");
    } catch (const db::EditConflict& conflict) {
        CHECK_THAT(conflict.what(), Catch::Contains("changed by Jane Roe at 20"));
        CHECK_THAT(conflict.what(), Catch::Contains("reload"));
    }
    // Nothing of the desktop's save was written, and its editor still holds what it read
    // (the window keeps what was typed until the therapist reloads).
    CHECK(laptop->session(id)->plan == "Stretch three times a day");
    CHECK(laptop->session(id)->assessment.empty());
    CHECK(on_desktop.session().plan.empty());
    // After a reload the desktop sees the laptop's plan and its save goes through.
    on_desktop.reload();
    CHECK(on_desktop.session().plan == "Stretch three times a day");
    other = on_desktop.session();
    other.assessment = "Better";
    on_desktop.update_note(other);
    CHECK(laptop->session(id)->assessment == "Better");
    CHECK(laptop->session(id)->plan == "Stretch three times a day");
    // Now the laptop is the one behind, however often its store read the session meanwhile:
    // the version is the editor's own read.
    fields.subjective = "from the laptop";
    CHECK_THROWS_AS(on_laptop.update_note(fields), db::EditConflict);
    // Two editors in one app on one connection are two readers too.
    core::SessionEditor first(*laptop, id);
    core::SessionEditor second(*laptop, id);
    auto from_first = first.session();
    from_first.plan = "first";
    first.update_note(from_first);
    auto from_second = second.session();
    from_second.plan = "second";
    CHECK_THROWS_AS(second.update_note(from_second), db::EditConflict);
    CHECK(laptop->session(id)->plan == "first");
}

TEST_CASE("a therapist charts only their own sessions, and the front desk charts none") {
    test::ClinicServer clinic;
    const auto jane = clinic.add_login("jane", ClinicRole::therapist, "Jane Roe");
    const auto sam = clinic.add_login("sam", ClinicRole::therapist, "Sam Poe");
    const auto fran = clinic.add_login("fran", ClinicRole::front_desk, "Fran Desk");
    auto jane_writes = clinic.as(jane);
    const auto client = std::stoll(test::add_client(jane_writes, "Ann"));
    auto janes = charting_as(clinic, jane);
    auto draft = draft_for(client, my_practitioner_id(jane_writes));
    draft.knots.push_back(
        test::sample_draft({*janes, client, draft.practitioner_id, {}, {}}).knots.at(0));
    const auto id = janes->create_draft(draft);
    const auto knot = janes->session(id)->knots.at(0);

    // Sam does not see Jane's client's sessions and cannot chart in them.
    auto sams = charting_as(clinic, sam);
    CHECK_FALSE(sams->session(id));
    CHECK(sams->sessions_of(client).empty());
    auto changed = knot;
    changed.tenderness = 1;
    CHECK_THROWS_WITH(sams->update_knot(changed),
                      Catch::Contains("no knot") && Catch::Contains("your login may change"));
    CHECK_THROWS_AS(sams->remove_knot(knot.id), db::DatabaseError);
    auto into_janes = knot;
    into_janes.uid.clear();
    CHECK_THROWS_AS(sams->add_knot(into_janes), db::DatabaseError);
    CHECK_THROWS_AS(sams->create_draft(draft_for(client, draft.practitioner_id)),
                    db::DatabaseError);
    // The front desk reads no clinical record at all.
    auto desk = charting_as(clinic, fran);
    CHECK_THROWS_AS(desk->session(id), db::AccessDenied);
    CHECK_THROWS_AS(desk->update_knot(changed), db::AccessDenied);
    // Jane's chart is as she left it.
    CHECK(janes->session(id)->knots.at(0).tenderness == knot.tenderness);
    CHECK(janes->session(id)->knots.size() == 1);
}

TEST_CASE("8 therapists charting their own sessions at once all save, none waits on a draft") {
    test::ClinicServer clinic;
    constexpr int therapists = 8;
    constexpr int knots_each = 25;
    std::vector<std::string> logins;
    std::vector<sdk::Id> clients, practitioners;
    for (int i = 0; i < therapists; ++i) {
        logins.push_back(clinic.add_login("t" + std::to_string(i), ClinicRole::therapist,
                                          "Therapist " + std::to_string(i)));
        auto as = clinic.as(logins.back());
        clients.push_back(std::stoll(test::add_client(as, "C" + std::to_string(i))));
        practitioners.push_back(my_practitioner_id(as));
    }
    std::vector<sdk::Id> sessions(therapists);
    const auto failures = test::run_at_once(therapists, [&](int t) {
        const auto i = static_cast<std::size_t>(t);
        auto store = charting_as(clinic, logins[i]);
        sessions[i] = core::SessionEditor::start_session(*store, clients[i], practitioners[i]);
        core::SessionEditor editor(*store, sessions[i]);
        for (int k = 0; k < knots_each; ++k) {
            auto knot = editor.place_knot("upper-trapezius", sdk::Side::left, sdk::ChartView::back,
                                          0.4, 0.2 + k * 0.01);
            knot.tenderness = k % 11;
            editor.update_knot(knot);
            auto fields = editor.session();
            fields.plan = "after knot " + std::to_string(k);
            editor.update_note(fields);
        }
    });
    auto admin = clinic.admin();
    for (std::size_t i = 0; i < therapists; ++i) {
        INFO(logins[i]);
        CHECK(failures[i].empty());
        CHECK(count(admin, "SELECT count(*) FROM knots WHERE session_id = " +
                               std::to_string(sessions[i])) == knots_each);
        CHECK(admin.query("SELECT plan FROM sessions WHERE id = $1", {std::to_string(sessions[i])})
                  .text(0, 0) == "after knot " + std::to_string(knots_each - 1));
    }
    CHECK(db::postgres::check_server_audit_chain(admin).intact);
}

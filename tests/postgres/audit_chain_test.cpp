// The server's own guarantees: signed records sealed by its triggers, one audit chain that
// concurrent writers never fork, the login as the actor, and drafts that two writers cannot
// silently overwrite.
#include <catch2/catch.hpp>

#include <set>
#include <thread>
#include <vector>

#include "clinic_records.hpp"
#include "clinic_server.hpp"
#include "db/database_error.hpp"
#include "db/postgres/server_audit_chain.hpp"
#include "run_at_once.hpp"

using namespace knotnotes;
using db::postgres::ClinicRole;
using db::postgres::ServerConnection;
using test::count;

using test::run_at_once;

TEST_CASE("a signed session and what was charted in it are sealed by the server") {
    test::ClinicServer clinic;
    const auto jane_login = clinic.add_login("jane", ClinicRole::therapist, "Jane Roe");
    auto jane = clinic.as(jane_login);
    const auto client = test::add_client(jane, "Ada");
    const auto signed_session = test::add_session(jane, client);
    const auto knot = test::add_knot(jane, signed_session);
    const auto draft = test::add_session(jane, client);
    const auto draft_knot = test::add_knot(jane, draft);
    test::sign_session(jane, signed_session);
    const auto intake =
        jane.query("INSERT INTO intakes (client_id) VALUES ($1) RETURNING id", {client}).text(0, 0);

    auto refused = [&](ServerConnection& as, const std::string& sql,
                       const std::vector<std::optional<std::string>>& parameters) {
        try {
            as.query(sql, parameters);
            return std::string("not refused");
        } catch (const db::RecordLocked& locked) {
            return std::string(locked.what());
        }
    };
    // As the therapist who signed it, and as the superuser: the triggers hold for both.
    auto admin = clinic.admin();
    for (auto* as : {&jane, &admin}) {
        CHECK_THAT(
            refused(*as, "UPDATE sessions SET subjective = 'x' WHERE id = $1", {signed_session}),
            Catch::StartsWith("locked: this session is signed"));
        CHECK_THAT(refused(*as, "DELETE FROM sessions WHERE id = $1", {signed_session}),
                   Catch::StartsWith("locked: this session is signed and cannot be deleted"));
        CHECK_THAT(refused(*as, "UPDATE knots SET tenderness = 1 WHERE id = $1", {knot}),
                   Catch::StartsWith("locked: this session is signed and what was charted"));
        CHECK_THAT(refused(*as, "DELETE FROM knots WHERE id = $1", {knot}),
                   Catch::StartsWith("locked:"));
        CHECK_THAT(refused(*as, "UPDATE knots SET session_id = $1 WHERE id = $2", {draft, knot}),
                   Catch::StartsWith("locked:"));
        CHECK_THAT(refused(*as, "UPDATE knots SET session_id = $1 WHERE id = $2",
                           {signed_session, draft_knot}),
                   Catch::StartsWith("locked:"));
        CHECK_THAT(refused(*as,
                           "INSERT INTO pressure_readings (session_id, region, side, pressure) "
                           "VALUES ($1, 'neck', 'left', 5)",
                           {signed_session}),
                   Catch::StartsWith("locked:"));
    }
    // The superuser passes every grant, and the triggers still refuse.
    CHECK_THAT(refused(admin, "UPDATE intakes SET goals = 'x' WHERE id = $1", {intake}),
               Catch::StartsWith("locked: an intake is never changed"));
    CHECK_THAT(refused(admin, "DELETE FROM intakes WHERE id = $1", {intake}),
               Catch::StartsWith("locked: an intake is part of the clinical record"));
    CHECK_THAT(refused(admin, "DELETE FROM audit_log WHERE seq = 1", {}),
               Catch::StartsWith("locked: the audit log is append-only"));
    CHECK_THAT(refused(admin, "UPDATE audit_log SET actor = 'x' WHERE seq = 1", {}),
               Catch::StartsWith("locked: the audit log is append-only"));
    CHECK_THROWS_AS(admin.execute("TRUNCATE audit_log"), db::RecordLocked);
    // A therapist may not change an intake or touch the log at all.
    CHECK_THROWS_AS(jane.query("UPDATE intakes SET goals = 'x' WHERE id = $1", {intake}),
                    db::AccessDenied);
    CHECK_THROWS_AS(jane.query("DELETE FROM audit_log"), db::AccessDenied);
    CHECK_THROWS_AS(jane.query("UPDATE audit_log SET actor = 'x'"), db::AccessDenied);
    // The draft is still a draft to edit.
    CHECK(jane.query("UPDATE knots SET tenderness = 2 WHERE id = $1", {draft_knot}).affected() ==
          1);
    CHECK(db::postgres::check_server_audit_chain(admin).intact);
}

TEST_CASE("the audit actor is the login, whatever the connection says about itself") {
    test::ClinicServer clinic;
    const auto jane_login = clinic.add_login("jane", ClinicRole::therapist, "Jane Roe");
    auto jane = clinic.as(jane_login);
    // What a client could set about itself is not what the chain records.
    jane.execute("SET application_name = 'olivia'");
    jane.execute("SET knotnotes.actor = 'olivia'");
    const auto client = test::add_client(jane, "Ada");
    auto admin = clinic.admin();
    auto rows = admin.query(
        "SELECT DISTINCT actor FROM audit_log WHERE table_name = 'clients' AND row_id = $1",
        {client});
    REQUIRE(rows.size() == 1);
    CHECK(rows.text(0, 0) == jane_login);
}

TEST_CASE(
    "8 therapists writing at once never fork the audit chain, and a changed or removed "
    "entry is found") {
    test::ClinicServer clinic;
    constexpr int writers = 8;
    constexpr int knots_each = 40;
    std::vector<std::string> logins;
    std::vector<std::string> sessions;
    for (int i = 0; i < writers; ++i) {
        logins.push_back(clinic.add_login("t" + std::to_string(i), ClinicRole::therapist,
                                          "Therapist " + std::to_string(i)));
        auto as = clinic.as(logins.back());
        sessions.push_back(test::add_session(as, test::add_client(as, "C" + std::to_string(i))));
    }
    auto admin = clinic.admin();
    const int entries_before = count(admin, "SELECT count(*) FROM audit_log");

    const auto failures = run_at_once(writers, [&](int i) {
        auto as = clinic.as(logins[static_cast<std::size_t>(i)]);
        for (int k = 0; k < knots_each; ++k) {
            // Two changes per transaction: both entries commit together, in order.
            db::postgres::ServerTransaction transaction(as);
            const auto knot = test::add_knot(as, sessions[static_cast<std::size_t>(i)]);
            as.query("UPDATE knots SET result = 'released' WHERE id = $1", {knot});
            transaction.commit();
        }
    });
    for (const auto& failure : failures)
        CHECK(failure.empty());

    const int expected = entries_before + writers * knots_each * 2;
    CHECK(count(admin, "SELECT count(*) FROM audit_log") == expected);
    CHECK(count(admin, "SELECT count(DISTINCT prev_hash) FROM audit_log") == expected);
    CHECK(count(admin, "SELECT max(seq) FROM audit_log") == expected);
    // Every writer's entries are there under its own login.
    for (const auto& login : logins)
        CHECK(count(admin,
                    "SELECT count(*) FROM audit_log WHERE table_name = 'knots' AND "
                    "actor = '" +
                        login + "'") == knots_each * 2);
    auto check = db::postgres::check_server_audit_chain(admin);
    CHECK(check.intact);
    CHECK(check.entries == expected);

    // Behind the triggers' back (a superuser turning them off): a removed entry is found, and
    // the chain holds again once it is put back.
    admin.execute("ALTER TABLE audit_log DISABLE TRIGGER USER");
    admin.execute("CREATE TEMP TABLE removed AS SELECT * FROM audit_log WHERE seq = 50");
    admin.execute("DELETE FROM audit_log WHERE seq = 50");
    check = db::postgres::check_server_audit_chain(admin);
    CHECK_FALSE(check.intact);
    CHECK(check.first_broken_seq == 51);
    CHECK(check.problem == "entries before it are missing");
    admin.execute("INSERT INTO audit_log SELECT * FROM removed");
    CHECK(db::postgres::check_server_audit_chain(admin).intact);

    // One changed entry is found, and where.
    admin.execute("UPDATE audit_log SET actor = 'someone-else' WHERE seq = 100");
    admin.execute("ALTER TABLE audit_log ENABLE TRIGGER USER");
    check = db::postgres::check_server_audit_chain(admin);
    CHECK_FALSE(check.intact);
    CHECK(check.first_broken_seq == 100);
    CHECK(check.problem == "its fields were changed after it was written");
}

TEST_CASE(
    "the same draft saved from two computers: the second is told who changed it, and "
    "nothing is lost") {
    test::ClinicServer clinic;
    const auto jane_login = clinic.add_login("jane", ClinicRole::therapist, "Jane Roe");
    auto laptop = clinic.as(jane_login);
    auto desktop = clinic.as(jane_login);
    const auto session = test::add_session(laptop, test::add_client(laptop, "Ada"));

    // Both read version 1; the laptop saves first.
    const auto read_version =
        desktop.query("SELECT row_version FROM sessions WHERE id = $1", {session}).text(0, 0);
    laptop.query("UPDATE sessions SET plan = 'from the laptop', row_version = $2 WHERE id = $1",
                 {session, read_version});
    try {
        desktop.query(
            "UPDATE sessions SET plan = 'from the desktop', row_version = $2 "
            "WHERE id = $1",
            {session, read_version});
        FAIL("the second save overwrote the first");
    } catch (const db::EditConflict& conflict) {
        CHECK_THAT(conflict.what(),
                   Catch::StartsWith("changed by Jane Roe at 20") && Catch::Contains("reload"));
    }
    CHECK(laptop.query("SELECT plan, row_version FROM sessions WHERE id = $1", {session})
              .text(0, 0) == "from the laptop");

    // Saved at the very same moment: one wins, the other is told; never both, never neither.
    const auto version =
        laptop.query("SELECT row_version FROM sessions WHERE id = $1", {session}).text(0, 0);
    db::postgres::ServerTransaction first(laptop);
    laptop.query("UPDATE sessions SET plan = 'A', row_version = $2 WHERE id = $1",
                 {session, version});
    std::string second_result;
    std::thread second([&] {
        try {
            desktop.query("UPDATE sessions SET plan = 'B', row_version = $2 WHERE id = $1",
                          {session, version});
            second_result = "saved";
        } catch (const db::EditConflict&) {
            second_result = "conflict";
        }
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(200));  // the second waits on the row
    first.commit();
    second.join();
    CHECK(second_result == "conflict");
    CHECK(laptop.query("SELECT plan FROM sessions WHERE id = $1", {session}).text(0, 0) == "A");
}

TEST_CASE("intake versions saved at once by several writers are 1, 2, 3 ... with none lost") {
    test::ClinicServer clinic;
    const auto jane_login = clinic.add_login("jane", ClinicRole::therapist, "Jane Roe");
    auto jane = clinic.as(jane_login);
    const auto client = test::add_client(jane, "Ada");
    const auto failures = run_at_once(6, [&](int) {
        auto as = clinic.as(jane_login);
        for (int k = 0; k < 5; ++k)
            as.query("INSERT INTO intakes (client_id, goals) VALUES ($1, 'walk')", {client});
    });
    for (const auto& failure : failures)
        CHECK(failure.empty());
    auto versions =
        jane.query("SELECT version FROM intakes WHERE client_id = $1 ORDER BY version", {client});
    REQUIRE(versions.size() == 30);
    for (int i = 0; i < 30; ++i)
        CHECK(versions.text(i, 0) == std::to_string(i + 1));
}

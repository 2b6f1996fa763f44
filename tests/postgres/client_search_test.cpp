// The type-ahead over client names on a real clinic server: the same contract as on a SQLite
// file (client_search_contract.hpp), each role finding only the clients it may see, and
// `knotnotes-cli clients search` on a server address.
#include <catch2/catch.hpp>

#include "client_search_contract.hpp"
#include "clinic_records.hpp"
#include "clinic_server.hpp"
#include "db/client_search.hpp"
#include "db/postgres/server_migrations.hpp"

using namespace knotnotes;
using Catch::Matchers::UnorderedEquals;
using db::postgres::ClinicRole;
using Names = std::vector<std::string>;

TEST_CASE("type-ahead on a clinic server keeps the client search contract") {
    test::ClinicServer clinic;
    const auto olivia = clinic.add_login("olivia", ClinicRole::owner, "Olivia Owner");
    auto writer = clinic.as(olivia);
    auto search = db::connect_client_search(clinic.uri(olivia), test::test_password_of(olivia));
    test::check_client_search_contract(
        {*search,
         [&](const std::string& given, const std::string& family) -> std::int64_t {
             return std::stoll(writer
                                   .query("INSERT INTO clients (given_name, family_name) "
                                          "VALUES ($1, $2) RETURNING id",
                                          {given, family})
                                   .text(0, 0));
         },
         [&](std::int64_t id, const std::string& given, const std::string& family) {
             writer.query("UPDATE clients SET given_name = $2, family_name = $3 WHERE id = $1",
                          {std::to_string(id), given, family});
         }});
}

TEST_CASE("each role's type-ahead finds only the clients the server lets it see") {
    test::ClinicServer clinic;
    const auto jane = clinic.add_login("jane", ClinicRole::therapist, "Jane Roe");
    const auto sam = clinic.add_login("sam", ClinicRole::therapist, "Sam Poe");
    const auto fran = clinic.add_login("fran", ClinicRole::front_desk, "Fran Desk");
    auto jane_writes = clinic.as(jane);
    auto sam_writes = clinic.as(sam);
    test::add_client(jane_writes, "Adaline");  // family name "Client"
    const auto shared = test::add_client(sam_writes, "Adam");
    test::add_client(sam_writes, "Adele");

    auto search_as = [&](const std::string& login) {
        return db::connect_client_search(clinic.uri(login), test::test_password_of(login));
    };
    auto janes = search_as(jane);
    CHECK(test::found_names(*janes, "ad") == Names{"Adaline Client"});
    db::postgres::share_client(sam_writes, std::stoll(shared), jane);
    CHECK_THAT(test::found_names(*janes, "ad client"),
               UnorderedEquals(Names{"Adaline Client", "Adam Client"}));
    // The front desk books every client, so it finds every one (by name; it reads no
    // clinical record).
    auto desk = search_as(fran);
    CHECK(test::found_names(*desk, "ad").size() == 3);
}

TEST_CASE("knotnotes-cli clients search finds clients on a server as on a file") {
    test::ClinicServer clinic;
    test::Workspace workspace;
    const auto jane = clinic.add_login("jane", ClinicRole::therapist, "Jane Roe");
    auto jane_writes = clinic.as(jane);
    const auto id = test::add_client(jane_writes, "Zoë");
    const auto password = test::private_file(workspace, "jane.pw", test::test_password_of(jane));

    auto r = workspace.cli(
        {"--db", clinic.uri(jane), "--password-file", password, "clients", "search", "zoe cl"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.out == id + "\tClient, Zoë\n");
    r = workspace.cli(
        {"--db", clinic.uri(jane), "--password-file", password, "clients", "search", "nobody"});
    CHECK(r.exit_code == 0);
    CHECK(r.out.empty());
    CHECK_THAT(r.err, Catch::Contains("No client's name matches \"nobody\""));
}

TEST_CASE("a clinic database set up before the search index gets it on the next connection") {
    test::ClinicServer clinic;
    const auto database = "kn_v1_" + clinic.suffix();
    clinic.admin().execute("CREATE DATABASE " + database);
    {
        // What the first clinic schema left: version 1, and a client.
        auto v1 = clinic.admin_on(database);
        v1.execute(
            "CREATE TABLE knotnotes_schema (version integer PRIMARY KEY, applied_at timestamptz "
            "NOT NULL DEFAULT clock_timestamp(), applied_by text NOT NULL DEFAULT session_user)");
        v1.execute(db::postgres::migration::clinic_schema_001());
        v1.execute("INSERT INTO knotnotes_schema (version) VALUES (1)");
        v1.execute("INSERT INTO clients (given_name, family_name) VALUES ('Chloé', 'Dubois')");
        CHECK(db::postgres::set_up_clinic_database(v1) == 1);
        CHECK(v1.query("SELECT max(version) FROM knotnotes_schema").text(0, 0) ==
              std::to_string(db::postgres::latest_server_schema_version()));
    }
    {
        auto search =
            db::connect_client_search(clinic.uri("kn_admin", database), clinic.admin_password());
        CHECK(test::found_names(*search, "chloe du") == Names{"Chloé Dubois"});
    }
    clinic.admin().execute("DROP DATABASE " + database + " WITH (FORCE)");
}

// A clinic server over TLS, as the README's "Setting up a clinic server" tells a clinic to run
// it: postgres_session.sh gives the server a certificate for "localhost" from a certificate
// authority made for the run. With sslmode=verify-full the app connects only to the server the
// clinic's authority vouches for, under the name on its certificate; anything else is refused
// before a password is sent, with a message that says what to fix.
#include <catch2/catch.hpp>

#include <cstdlib>

#include "clinic_records.hpp"
#include "clinic_server.hpp"
#include "db/charting_store.hpp"
#include "db/database_error.hpp"

using namespace knotnotes;
using db::postgres::ClinicRole;
using db::postgres::ServerConnection;

namespace {

std::string env(const char* name) {
    const char* value = std::getenv(name);
    REQUIRE(value);
    return value;
}

}  // namespace

TEST_CASE("over TLS with verify-full the app connects to the clinic's server, encrypted") {
    test::ClinicServer clinic;
    test::Workspace workspace;
    const auto jane = clinic.add_login("jane", ClinicRole::therapist, "Jane Roe");
    auto jane_writes = clinic.as(jane);
    const auto client = test::add_client(jane_writes, "Zoë");
    const auto address = clinic.tls_uri(jane, env("KNOTNOTES_TEST_PG_CA_FILE"));

    auto server = ServerConnection::open(address, test::test_password_of(jane));
    CHECK(server.query("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()").text(0, 0) ==
          "t");
    CHECK(server.login() == jane);
    // Messages name the host as the address does.
    CHECK_THAT(server.description(), Catch::Contains("@localhost:"));

    // Charting and the command line over the same address.
    auto charting = db::connect_charting_store(address, test::test_password_of(jane));
    CHECK(charting->sessions_of(std::stoll(client)).empty());
    const auto password = test::private_file(workspace, "jane.pw", test::test_password_of(jane));
    const auto r =
        workspace.cli({"--db", address, "--password-file", password, "clients", "search", "zoe"});
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.out == client + "\tClient, Zoë\n");
}

TEST_CASE("a server the clinic's authority did not vouch for is refused, saying what to fix") {
    test::ClinicServer clinic;
    test::Workspace workspace;
    const auto jane = clinic.add_login("jane", ClinicRole::therapist, "Jane Roe");
    const auto password = test::private_file(workspace, "jane.pw", test::test_password_of(jane));
    const auto refused = [&](const std::string& address) -> std::string {
        try {
            ServerConnection::open(address, test::test_password_of(jane));
        } catch (const db::DatabaseRefused& e) {
            return e.what();
        }
        FAIL("connected to " << address);
        return "";
    };

    SECTION("a certificate another authority issued") {
        const auto address = clinic.tls_uri(jane, env("KNOTNOTES_TEST_PG_OTHER_CA_FILE"));
        const auto message = refused(address);
        CHECK_THAT(message, Catch::Contains("over TLS") &&
                                Catch::Contains("not issued by the authority in sslrootcert") &&
                                Catch::Contains("certificate verify failed"));
        const auto r = workspace.cli(
            {"--db", address, "--password-file", password, "clients", "search", "zoe"});
        CHECK(r.exit_code == 1);
        CHECK_THAT(r.err, Catch::Contains("sslrootcert"));
        CHECK_THAT(r.err, !Catch::Contains(test::test_password_of(jane)));
    }
    SECTION("the right authority, another host name") {
        CHECK_THAT(refused(clinic.tls_uri(jane, env("KNOTNOTES_TEST_PG_CA_FILE"), "127.0.0.1")),
                   Catch::Contains("certificate is for another host name") &&
                       Catch::Contains("does not match host name"));
    }
    SECTION("no authority's certificate to check it with") {
        CHECK_THAT(refused(clinic.tls_uri(jane, "/nonexistent/clinic-ca.crt")),
                   Catch::Contains("add sslrootcert=FILE") &&
                       Catch::Contains("/nonexistent/clinic-ca.crt"));
    }
}

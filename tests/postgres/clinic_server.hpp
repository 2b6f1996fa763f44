// clinic_server.hpp — a fresh clinic database on the test run's PostgreSQL server, and
// connections to it as the superuser or as a practitioner's login.
//
// postgres_session.sh gives the server (KNOTNOTES_TEST_PG_URI, a superuser) and its password
// file. Each ClinicServer makes a database of its own, sets it up with the real migrations, and
// drops it afterwards; logins are cluster-wide, so their names carry the database's suffix.
#pragma once

#include <string>

#include "cli_workspace.hpp"
#include "db/postgres/clinic_logins.hpp"
#include "db/postgres/server_connection.hpp"

namespace knotnotes::test {

class ClinicServer {
  public:
    ClinicServer();
    ~ClinicServer();
    ClinicServer(const ClinicServer&) = delete;
    ClinicServer& operator=(const ClinicServer&) = delete;

    // The superuser, on this test's database.
    db::postgres::ServerConnection admin() const;
    // Adds a practitioner login (its name made unique to this test) and returns that name.
    std::string add_login(const std::string& name, db::postgres::ClinicRole role,
                          const std::string& full_name);
    db::postgres::ServerConnection as(const std::string& login) const;
    // The libpq URI of this test's database (or another one on the server) for a login.
    std::string uri(const std::string& login) const { return uri(login, database_); }
    std::string uri(const std::string& login, const std::string& database) const;
    // The URI a clinic would give over TLS: the server's host name as its certificate names
    // it ("localhost"; the connection goes to 127.0.0.1), sslmode=verify-full, and the
    // authority's certificate `ca_file` (postgres_session.sh makes both).
    std::string tls_uri(const std::string& login, const std::string& ca_file,
                        const std::string& host = "localhost") const;
    const std::string& admin_password() const { return admin_password_; }
    // What this test's database and login names end with ("12345_0"), unique on the server.
    std::string suffix() const { return database_.substr(8); }
    // The superuser on another database of the same server.
    db::postgres::ServerConnection admin_on(const std::string& database) const;

  private:
    std::string host_port_;  // "127.0.0.1:PORT"
    std::string admin_password_;
    std::string database_;
};

// A private (0600) file in the workspace whose first line is `line`: a password file.
std::string private_file(const Workspace& workspace, const std::string& name,
                         const std::string& line);

// The password the test gives each practitioner login.
std::string test_password_of(const std::string& login);

// knotnotes-cli run from a workspace as the server's administrator on a test's database: a
// superuser and no practitioner, so the server adds nothing of its own to what it is given.
struct AdministratorCli {
    ClinicServer clinic;
    Workspace workspace;
    std::string password = private_file(workspace, "admin.pw", clinic.admin_password());
    std::string address = clinic.uri("kn_admin");

    // knotnotes-cli --db ADDRESS --password-file FILE args...
    ProcessResult on_server(std::vector<std::string> args) const {
        args.insert(args.begin(), {"--db", address, "--password-file", password});
        return workspace.cli(args);
    }
};

}  // namespace knotnotes::test

#include "clinic_server.hpp"

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <random>
#include <stdexcept>

#include <sys/stat.h>

#include "db/postgres/server_migrations.hpp"

namespace knotnotes::test {
namespace {

std::string required_env(const char* name) {
    const char* value = std::getenv(name);
    if (!value || !*value)
        throw std::runtime_error(std::string(name) +
                                 " is not set: run this under tests/support/postgres_session.sh");
    return value;
}

}  // namespace

std::string private_file(const Workspace& workspace, const std::string& name,
                         const std::string& line) {
    const auto path = workspace.path(name);
    std::ofstream(path) << line << "\n";
    ::chmod(path.c_str(), 0600);
    return path;
}

std::string test_password_of(const std::string& login) {
    return "pw-" + login + "-secret";
}

ClinicServer::ClinicServer() {
    const auto admin_uri =
        required_env("KNOTNOTES_TEST_PG_URI");  // postgresql://kn_admin@H:P/postgres
    const auto at = admin_uri.find('@');
    host_port_ = admin_uri.substr(at + 1, admin_uri.rfind('/') - at - 1);
    std::ifstream password_file(required_env("KNOTNOTES_TEST_PG_PASSWORD_FILE"));
    std::getline(password_file, admin_password_);
    static std::atomic<int> count{0};
    database_ = "kn_test_" + std::to_string(std::random_device{}() % 100000) + "_" +
                std::to_string(count++);
    auto server = db::postgres::ServerConnection::open(admin_uri, admin_password_);
    server.execute("CREATE DATABASE " + database_);
    auto setup = admin();
    db::postgres::set_up_clinic_database(setup);
}

std::string ClinicServer::tls_uri(const std::string& login, const std::string& ca_file,
                                  const std::string& host) const {
    const auto port = host_port_.substr(host_port_.rfind(':') + 1);
    return "postgresql://" + login + "@" + host + ":" + port + "/" + database_ +
           "?hostaddr=127.0.0.1&sslmode=verify-full&sslrootcert=" + ca_file;
}

ClinicServer::~ClinicServer() {
    try {
        auto server = admin_on("postgres");
        server.execute("DROP DATABASE IF EXISTS " + database_ + " WITH (FORCE)");
    } catch (...) {
        // The cluster is thrown away with the test run anyway.
    }
}

std::string ClinicServer::uri(const std::string& login, const std::string& database) const {
    return "postgresql://" + login + "@" + host_port_ + "/" + database;
}

db::postgres::ServerConnection ClinicServer::admin() const {
    return admin_on(database_);
}

db::postgres::ServerConnection ClinicServer::admin_on(const std::string& database) const {
    return db::postgres::ServerConnection::open(uri("kn_admin", database), admin_password_);
}

std::string ClinicServer::add_login(const std::string& name, db::postgres::ClinicRole role,
                                    const std::string& full_name) {
    const auto login = name + "_" + suffix();
    auto server = admin();
    db::postgres::add_clinic_login(server,
                                   {login, role, full_name, "RMT", test_password_of(login)});
    return login;
}

db::postgres::ServerConnection ClinicServer::as(const std::string& login) const {
    return db::postgres::ServerConnection::open(uri(login), test_password_of(login));
}

}  // namespace knotnotes::test

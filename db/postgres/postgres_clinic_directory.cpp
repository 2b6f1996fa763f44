#include <utility>

#include "postgres_clinic_directory.hpp"

#include "clinic_logins.hpp"
#include "db/clinic_directory.hpp"
#include "db/database_error.hpp"
#include "server_audit_chain.hpp"
#include "server_connection.hpp"
#include "server_migrations.hpp"

namespace knotnotes::db {
namespace {

class PostgresClinicDirectory final : public ClinicDirectory {
  public:
    explicit PostgresClinicDirectory(postgres::ServerConnection server)
        : server_(std::move(server)) {}

    const std::string& server() const override { return server_.description(); }
    std::string login() override { return server_.login(); }
    void add_login(const NewClinicLogin& login) override {
        postgres::add_clinic_login(server_, login);
    }
    std::vector<ClinicLogin> logins() override { return postgres::clinic_logins(server_); }
    void disable_login(const std::string& login) override {
        postgres::disable_clinic_login(server_, login);
    }
    void share_client(std::int64_t client_id, const std::string& login) override {
        postgres::share_client(server_, client_id, login);
    }
    AuditChainCheck check_audit_chain() override {
        return postgres::check_server_audit_chain(server_);
    }

  private:
    postgres::ServerConnection server_;
};

bool is_postgres_address(const std::string& address) {
    return address.rfind("postgresql://", 0) == 0 || address.rfind("postgres://", 0) == 0;
}

}  // namespace

postgres::ServerConnection connect_clinic_server(const std::string& address,
                                                 std::optional<std::string> password) {
    if (!is_postgres_address(address))
        throw DatabaseRefused(address +
                              ": KnotNotes connects to clinic servers at postgresql:// "
                              "addresses (postgresql://LOGIN@HOST:PORT/DATABASE). Nothing was "
                              "created.");
    auto server = postgres::ServerConnection::open(address, std::move(password));
    postgres::set_up_clinic_database(server);
    return server;
}

std::unique_ptr<ClinicDirectory> connect_clinic_directory(const std::string& address,
                                                          std::optional<std::string> password) {
    return std::make_unique<PostgresClinicDirectory>(
        connect_clinic_server(address, std::move(password)));
}

}  // namespace knotnotes::db

#include "clinic_logins.hpp"

#include <stdexcept>

#include "db/database_error.hpp"
#include "server_connection.hpp"

namespace knotnotes::db::postgres {
namespace {

std::string group_role(ClinicRole role) {
    switch (role) {
        case ClinicRole::owner:
            return "knotnotes_owner";
        case ClinicRole::therapist:
            return "knotnotes_therapist";
        case ClinicRole::front_desk:
            return "knotnotes_front_desk";
    }
    throw std::logic_error("unknown clinic role");
}

void check_login_name(const std::string& login) {
    bool valid = !login.empty() && login.size() <= 63 && login[0] >= 'a' && login[0] <= 'z';
    for (char c : login)
        valid = valid && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
                          c == '.' || c == '-');
    if (!valid || login.rfind("knotnotes_", 0) == 0 || login.rfind("pg_", 0) == 0)
        throw std::invalid_argument(
            "\"" + login +
            "\" cannot be a login: use up to 63 lower-case letters, digits, '_', '.' or '-', "
            "starting with a letter (and not knotnotes_ or pg_).");
}

}  // namespace

void add_clinic_login(ServerConnection& server, const NewClinicLogin& login) {
    check_login_name(login.login);
    if (login.password.empty())
        throw std::invalid_argument("The password for " + login.login + " is empty.");
    const auto verifier = server.password_verifier(login.login, login.password);
    ServerTransaction transaction(server);
    // Owners manage logins themselves, so theirs may create roles (CREATEROLE, never
    // SUPERUSER); nobody else's may.
    server.execute("CREATE ROLE " + server.quoted_identifier(login.login) + " LOGIN " +
                   (login.role == ClinicRole::owner ? "CREATEROLE " : "") + "PASSWORD '" +
                   verifier + "' IN ROLE " + group_role(login.role));
    server.query(
        "INSERT INTO practitioners (name, credentials, login, role) "
        "VALUES ($1, $2, $3, $4)",
        {login.name, login.credentials, login.login, role_name(login.role)});
    transaction.commit();
}

std::vector<ClinicLogin> clinic_logins(ServerConnection& server) {
    auto rows = server.query(
        "SELECT p.login, p.role, p.name, p.credentials, p.active AND coalesce(r.rolcanlogin, "
        "false) FROM practitioners p LEFT JOIN pg_roles r ON r.rolname = p.login "
        "WHERE p.login IS NOT NULL ORDER BY p.login");
    std::vector<ClinicLogin> logins;
    for (int i = 0; i < rows.size(); ++i)
        logins.push_back({rows.text(i, 0), parse_role(rows.text(i, 1)), rows.text(i, 2),
                          rows.text(i, 3), rows.text(i, 4) == "t"});
    return logins;
}

void disable_clinic_login(ServerConnection& server, const std::string& login) {
    check_login_name(login);
    ServerTransaction transaction(server);
    auto changed =
        server.query("UPDATE practitioners SET active = false WHERE login = $1", {login});
    if (changed.affected() == 0)
        throw std::invalid_argument(login + " is not a practitioner's login at " +
                                    server.description() + ".");
    server.execute("ALTER ROLE " + server.quoted_identifier(login) + " NOLOGIN");
    transaction.commit();
}

void share_client(ServerConnection& server, long long client_id, const std::string& login) {
    check_login_name(login);
    auto known = server.query(
        "SELECT 1 FROM practitioners WHERE login = $1 AND role = 'therapist' AND active", {login});
    if (known.size() == 0)
        throw std::invalid_argument(login + " is not an active therapist at " +
                                    server.description() + ".");
    server.query(
        "INSERT INTO client_shares (client_id, login) VALUES ($1, $2) "
        "ON CONFLICT (client_id, login) DO NOTHING",
        {std::to_string(client_id), login});
}

}  // namespace knotnotes::db::postgres

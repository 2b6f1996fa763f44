#include "clinic_commands.hpp"

#include <iostream>
#include <memory>
#include <stdexcept>

#include "core/passphrase_file.hpp"
#include "exit_codes.hpp"

namespace knotnotes::cli {
namespace {

void require_clinic_server(const CliContext& context, const std::string& command) {
    if (!context.on_clinic_server())
        throw std::runtime_error(
            command + " is for a clinic server (--db postgresql://LOGIN@HOST:PORT/DATABASE). " +
            "A database file has one practitioner's records and no logins to manage.");
}

}  // namespace

void add_clinic_login(const CliContext& context, const ClinicLoginOptions& options,
                      const std::string& name, const std::string& credentials) {
    if (options.login.empty() || options.role.empty() || options.password_file.empty())
        throw std::runtime_error(
            "on a clinic server, practitioners add needs --login LOGIN, "
            "--role owner|therapist|front-desk and --password-file FILE "
            "(the new login's password)");
    const auto role = db::parse_role(options.role);
    auto directory = context.clinic_directory();
    directory->add_login({options.login, role, name, credentials,
                          core::read_passphrase_file(options.password_file)});
    std::cout << "Added " << options.login << " (" << name << ", " << db::role_name(role) << ") at "
              << directory->server() << ". They log in with the password in "
              << options.password_file << "; KnotNotes does not keep it.\n";
}

void list_clinic_logins(const CliContext& context) {
    auto directory = context.clinic_directory();
    const auto me = directory->login();
    const auto logins = directory->logins();
    for (const auto& l : logins) {
        std::cout << (l.login == me ? "* " : "  ") << l.login << "\t" << db::role_name(l.role)
                  << "\t" << l.name << (l.credentials.empty() ? "" : ", " + l.credentials)
                  << (l.active ? "" : "\tdisabled") << "\n";
    }
    if (logins.empty())
        std::cout << "No practitioner logins yet at " << directory->server()
                  << ": add one with `practitioners add --login LOGIN --role owner ...`.\n";
}

void disable_clinic_login(const CliContext& context, const std::string& login) {
    require_clinic_server(context, "practitioners disable");
    auto directory = context.clinic_directory();
    directory->disable_login(login);
    std::cout << login << " can no longer log in to " << directory->server()
              << ". Their records and signatures stay as they are.\n";
}

int verify_clinic_server(const CliContext& context) {
    auto directory = context.clinic_directory();
    const auto check = directory->check_audit_chain();
    if (check.intact) {
        std::cout << "Audit chain at " << directory->server() << ": " << check.entries
                  << " entries, intact.\n";
        return exit_ok;
    }
    std::cout << "Audit chain at " << directory->server() << ": broken at entry "
              << check.first_broken_seq << ": " << check.problem << ".\n";
    return exit_verify_failed;
}

void add_clinic_commands(CLI::App& app, const CliContext& context, int& exit_code) {
    auto* clients = app.add_subcommand("clients", "Clients on a clinic server");
    clients->require_subcommand(1);
    auto client = std::make_shared<std::int64_t>(0);
    auto with = std::make_shared<std::string>();
    auto* share = clients->add_subcommand(
        "share", "Let another therapist see one client's clinical records (audited)");
    share->add_option("ID", *client, "The client's id")->required();
    share->add_option("--with", *with, "The therapist's login")->required();
    share->callback([&context, &exit_code, client, with] {
        require_clinic_server(context, "clients share");
        auto directory = context.clinic_directory();
        directory->share_client(*client, *with);
        std::cout << "Client " << *client << " is shared with " << *with << " at "
                  << directory->server() << ".\n";
        exit_code = exit_ok;
    });
}

}  // namespace knotnotes::cli

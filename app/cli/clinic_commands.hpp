// clinic_commands.hpp — knotnotes-cli on a clinic server (--db postgresql://...): the
// practitioners' logins and roles, sharing a client, and checking the server's audit chain.
// The server enforces every role; these commands only ask it.
#pragma once

#include <string>

#include <CLI/CLI.hpp>

#include "cli_context.hpp"

namespace knotnotes::cli {

struct ClinicLoginOptions {
    std::string login;
    std::string role;
    std::string password_file;  // the new login's password
};

// practitioners add --login ... on a clinic server.
void add_clinic_login(const CliContext& context, const ClinicLoginOptions& options,
                      const std::string& name, const std::string& credentials);
// practitioners list on a clinic server.
void list_clinic_logins(const CliContext& context);
// practitioners disable LOGIN (clinic servers only).
void disable_clinic_login(const CliContext& context, const std::string& login);
// verify on a clinic server: exit_ok or exit_verify_failed.
int verify_clinic_server(const CliContext& context);

// `migrate --to ADDRESS` (a file into a clinic server) and `clients share ID --with LOGIN`.
void add_clinic_commands(CLI::App& app, const CliContext& context, int& exit_code);

}  // namespace knotnotes::cli

// clinic_logins.hpp — the people who work at a clinic, as server logins with a role.
//
// A practitioner's login is a PostgreSQL role that can log in and belongs to one of the
// clinic's group roles (knotnotes_owner, knotnotes_therapist, knotnotes_front_desk); the
// server's grants and row-level security then decide what that login sees. Adding and
// disabling logins takes the owner's CREATEROLE; the server refuses anyone else
// (AccessDenied). Passwords go to the server as SCRAM verifiers, never as text.
#pragma once

#include <string>
#include <vector>

#include "db/clinic_directory.hpp"

namespace knotnotes::db::postgres {

class ServerConnection;
using db::ClinicLogin;
using db::ClinicRole;
using db::NewClinicLogin;

// Creates the login and its practitioner profile in one transaction. A login must be
// lower-case letters, digits, '_', '.' or '-', starting with a letter (std::invalid_argument).
void add_clinic_login(ServerConnection& server, const NewClinicLogin& login);
std::vector<ClinicLogin> clinic_logins(ServerConnection& server);
// The login can no longer connect; their records and signatures stay as they are.
void disable_clinic_login(ServerConnection& server, const std::string& login);
// Lets another therapist see one client's clinical records (audited like every change).
void share_client(ServerConnection& server, long long client_id, const std::string& login);

}  // namespace knotnotes::db::postgres

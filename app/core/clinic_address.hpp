// clinic_address.hpp — a clinic server's address as the app keeps it: remembered between runs
// ("Connect to a clinic server…" offers the last one), so never with a password in it.
#pragma once

#include <string>

namespace knotnotes::core {

// The libpq URI without a password, whether it was written in the user part
// (postgresql://jane:secret@host/db) or as a parameter (...?password=secret&sslmode=...).
std::string address_without_password(const std::string& address);

}  // namespace knotnotes::core
